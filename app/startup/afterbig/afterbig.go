// Package afterbig yields once the standard library's first half (unicode
// tables, formatting, JSON, big numbers and the crypto they pull in) is
// initialised, before regular expressions and networking. Import it for its
// side effect; see package startup.
package afterbig

import (
	_ "encoding/json"
	_ "fmt"
	_ "math/big"
	_ "unicode"

	"explainer/app/startup"
	_ "explainer/app/startup/early"
)

func init() { startup.Yield() }
