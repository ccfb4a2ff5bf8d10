// Command explainer is the psychodynamic therapy explainer. In the browser
// (GOOS=js GOARCH=wasm) it runs the go-app client; elsewhere it is the
// server that prerenders and serves it.
package main

import (
	"os"

	"explainer/app/server"
	"explainer/app/site"
	"explainer/app/startup"
	_ "explainer/app/startup/aftergoldmark" // yields during package start-up
	"explainer/app/ui"
	"explainer/content"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	// In the browser, start-up is a few tasks rather than one that blocks
	// input throughout: see package startup.
	startup.Yield()
	s, err := site.Load(content.FS, ui.LinkTargets(), startup.Yield)
	if err != nil {
		if app.IsServer {
			// A malformed content file stops the server's start-up with
			// its "file:line: reason", not a stack trace.
			os.Stderr.WriteString("explainer: " + err.Error() + "\n")
			os.Exit(1)
		}
		// The same content passed the server's start-up and the tests, so
		// in the browser this only happens in development.
		panic(err)
	}
	startup.Yield()
	if app.IsClient {
		// The browser's one user interface; the server makes its own from
		// its flags (server.New).
		ui.New(s, ui.ConfigFromEnv()).Start()
	}
	app.RunWhenOnBrowser()

	// A branch on the constant app.IsServer lets the linker leave the server
	// out of the WebAssembly; app/server also compiles to a stub there, so
	// none of its package state is linked either.
	if app.IsServer {
		os.Exit(server.Main(os.Args[1:], s))
	}
}
