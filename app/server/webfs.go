//go:build !js

package server

import (
	"io/fs"

	"explainer/web"
)

// embeddedWeb is the web folder embedded in the server binary.
//
// The whole package is built only for the server (see main_js.go): package
// web embeds web/app.wasm, and linked into the WebAssembly it would embed the
// previous build's wasm into the next one, doubling its size every build.
func embeddedWeb() fs.FS { return web.FS }
