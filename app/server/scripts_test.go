//go:build !js

package server

import (
	"strings"
	"testing"
)

// go-app's app.js is rewritten so the service worker waits for the wasm;
// if a go-app update changes how app.js starts, the server refuses to start
// rather than quietly serving the old order.
func TestRegisterWorkerLate(t *testing.T) {
	got, err := registerWorkerLate([]byte("let x;\n" + goappStart + "function f() {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	js := string(got)
	if strings.Contains(js, "goappInitServiceWorker();") || !strings.Contains(js, "goappInitWebAssembly().finally(goappInitServiceWorker);") {
		t.Errorf("app.js still registers the worker first:\n%s", js)
	}
	for _, bad := range []string{"goappInitWebAssembly();\n", goappStart + goappStart} {
		if _, err := registerWorkerLate([]byte(bad)); err == nil || !strings.Contains(err.Error(), "app.js") {
			t.Errorf("script %q: error %v, want one naming app.js", bad, err)
		}
	}
}

// The app.js the server actually serves has the late registration.
func TestServedAppJSRegistersTheWorkerAfterTheWasm(t *testing.T) {
	s := newTestServer(t)
	js := string(s.files["/app.js"].body)
	if !strings.Contains(js, "goappInitWebAssembly().finally(goappInitServiceWorker);") {
		t.Error("served app.js does not register the worker after the wasm")
	}
}
