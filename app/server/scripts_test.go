//go:build !js

package server

import (
	"strings"
	"testing"
)

// go-app's app.js is rewritten so that it starts neither the worker nor the
// wasm (web/boot.js does, on intent); if a go-app update changes how app.js
// starts, the server refuses to start rather than serve a page that fetches
// the wasm at once.
func TestLeaveStartToBoot(t *testing.T) {
	got, err := leaveStartToBoot([]byte("let x;\n" + goappStart + "function f() {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	js := string(got)
	for _, call := range []string{"goappInitServiceWorker();", "goappInitWebAssembly();"} {
		if strings.Contains(js, call) {
			t.Errorf("app.js still calls %s at start-up:\n%s", call, js)
		}
	}
	for _, keep := range []string{"goappWatchForUpdate();", "goappWatchForInstallable();", "function f() {}"} {
		if !strings.Contains(js, keep) {
			t.Errorf("app.js lost %s:\n%s", keep, js)
		}
	}
	for _, bad := range []string{"goappInitWebAssembly();\n", goappStart + goappStart} {
		if _, err := leaveStartToBoot([]byte(bad)); err == nil || !strings.Contains(err.Error(), "app.js") {
			t.Errorf("script %q: error %v, want one naming app.js", bad, err)
		}
	}
}

// The app.js the server actually serves starts nothing by itself, and no
// page names a script but its small inline one, which loads boot.js, which
// loads links.js, wasm_exec.js and app.js in that order (none before the
// first paint), with no preload.
func TestServedPagesLeaveTheStartToBoot(t *testing.T) {
	s := newTestServer(t)
	js := string(s.files["/app.js"].body)
	if strings.Contains(js, "\ngoappInitWebAssembly();") || strings.Contains(js, "\ngoappInitServiceWorker();") {
		t.Error("served app.js starts the wasm or the worker itself")
	}
	for path, a := range s.pages {
		page := string(a.body)
		if !strings.Contains(page, `"data-scripts":"/web/links.js /wasm_exec.js /app.js"`) || !strings.Contains(page, `"src":"/web/boot.js"`) {
			t.Errorf("%s: the inline script does not load boot.js naming the app's scripts in order", path)
		}
		if strings.Contains(page, `src="/web/boot.js"`) {
			t.Errorf("%s: the page itself names boot.js, which would run before its first paint", path)
		}
		for _, src := range []string{"/app.js", "/wasm_exec.js", "/web/links.js"} {
			if strings.Contains(page, `src="`+src+`"`) {
				t.Errorf("%s: the page itself loads %s", path, src)
			}
		}
		if n := strings.Count(page, "<script"); n != 1+strings.Count(page, `type="application/ld+json"`)+strings.Count(page, `src="/web/embed-frame.js"`) {
			t.Errorf("%s: %d script elements, want the inline one only (and JSON-LD, embed-frame.js)", path, n)
		}
		// The one inline script is earlyJS, allowed by its hash alone.
		early := earlyJS("", len(s.files["/web/app.wasm"].body))
		if !strings.Contains(page, "<script>"+string(early)+"</script>") || strings.Count(page, "<script>") != 1 {
			t.Errorf("%s: the inline script is not exactly earlyJS", path)
		}
		// About 1 KB: it runs before every first paint, so it only listens,
		// places glossary definitions and applies the remembered "In short"
		// choice; everything else waits for boot.js.
		if len(early) > 1152 {
			t.Errorf("the inline script run before every first paint has grown to %d bytes", len(early))
		}
		if strings.Contains(page, `rel="preload"`) {
			t.Errorf("%s: the page still preloads something", path)
		}
	}
}
