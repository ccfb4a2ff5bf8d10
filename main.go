// Command explainer is the psychodynamic therapy explainer. In the browser
// (GOOS=js GOARCH=wasm) it runs the go-app client; elsewhere it is the
// server that prerenders and serves it.
package main

import (
	"os"
	"time"

	"explainer/app/server"
	"explainer/app/site"
	"explainer/app/ui"
	"explainer/content"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	yield()
	s, err := site.Load(content.FS)
	yield()
	if err != nil {
		// The same content passed the server's start-up and the tests, so
		// this only happens in development.
		panic(err)
	}
	ui.Init(s, ui.ConfigFromEnv())
	ui.Register()
	ui.RememberPrerenderState()
	app.RunWhenOnBrowser()

	// A branch on the constant app.IsServer lets the linker leave the server
	// out of the WebAssembly; app/server also compiles to a stub there, so
	// none of its package state is linked either.
	if app.IsServer {
		os.Exit(server.Main(os.Args[1:], s))
	}
}

// yield lets the browser run between the steps of starting the app (the Go
// runtime's start-up, parsing the content, mounting the page), so that they
// are three shorter tasks rather than one long one that blocks input: on a
// phone with a 4× slower CPU this cut the longest task from 630 ms to 310 ms.
// On the server it does nothing.
func yield() {
	if app.IsClient {
		time.Sleep(time.Millisecond)
	}
}
