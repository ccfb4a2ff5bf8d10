// Package afterstd yields once the rest of the standard library's heavier
// packages (regular expressions, TLS and networking, which go-app links
// through net/http) are initialised, before goldmark's own start-up.
// Import it for its side effect; see package startup.
package afterstd

import (
	_ "crypto/tls"
	_ "net"
	_ "regexp"

	"explainer/app/startup"
	_ "explainer/app/startup/afterbig"
)

func init() { startup.Yield() }
