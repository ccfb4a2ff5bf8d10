//go:build js

package server

import "explainer/app/site"

// Main is never called in the browser: main.go branches on the constant
// app.IsServer. This stub keeps the server's files, and the package-level
// state and imports they carry, out of the WebAssembly entirely, which the
// constant branch alone does not do (measured: 21 KB brotli).
func Main(args []string, s *site.Site) int { return 0 }
