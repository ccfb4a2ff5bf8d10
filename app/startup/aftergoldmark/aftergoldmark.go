// Package aftergoldmark yields once goldmark is initialised (it compiles its
// regular expressions and entity tables at start-up), before the app's
// user interface. Import it for its side effect; see package startup.
package aftergoldmark

import (
	_ "github.com/yuin/goldmark"

	"explainer/app/startup"
	_ "explainer/app/startup/afterstd"
)

func init() { startup.Yield() }
