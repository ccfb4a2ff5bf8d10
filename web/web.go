// Package web embeds the static assets (icons, stylesheet, scripts and the
// WebAssembly build app.wasm) into the server binary, so one binary serves
// the whole site and no file outside this folder can ever be served.
package web

import "embed"

// The pattern takes every file here; the server skips Go sources. app.wasm
// is built into this folder by `make wasm` before the server is built.
//
//go:embed *
var files embed.FS

// FS holds the assets, named as in this folder.
var FS = files
