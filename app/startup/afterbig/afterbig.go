// Package afterbig yields once the standard library's first half (unicode
// tables, formatting, JSON) is initialised, before regular expressions. Import it for its
// side effect; see package startup.
package afterbig

import (
	_ "encoding/json"
	_ "fmt"
	_ "unicode"

	"explainer/app/startup"
	_ "explainer/app/startup/early"
)

func init() { startup.Yield() }
