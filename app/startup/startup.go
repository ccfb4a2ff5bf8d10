// Package startup splits the app's start-up in the browser into shorter
// tasks. Between Go's first instruction and a mounted page there are about
// 200 ms of main-thread work on a fast laptop (close to a second on a slow
// phone): the runtime's and every package's initialisation, parsing the
// content, mounting the page, and the browser compiling each WebAssembly
// function the first time it runs. As one task it blocks input for all that
// time; Yield ends the current task and lets the browser handle input and
// paint before Go goes on.
//
// Package initialisation cannot call Yield from the outside, so the
// subpackages early, afterbig, afterstd and aftergoldmark (each importing the
// one before) yield from their own init: Go initialises a package once its
// imports are, in import-path order, so each runs right after the packages
// it imports and before any later one.
package startup

import (
	"runtime"
	"time"
)

// Yield gives the browser's event loop a turn; a millisecond's sleep is
// the shortest that does (Go's wasm port then waits on setTimeout). On a
// server it does nothing.
func Yield() {
	if runtime.GOOS == "js" {
		time.Sleep(time.Millisecond)
	}
}
