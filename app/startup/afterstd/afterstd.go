// Package afterstd yields once the rest of the standard library's heavier
// packages (regular expressions) are initialised, before goldmark's own
// start-up.
// Import it for its side effect; see package startup.
package afterstd

import (
	_ "regexp"

	"explainer/app/startup"
	_ "explainer/app/startup/afterbig"
)

func init() { startup.Yield() }
