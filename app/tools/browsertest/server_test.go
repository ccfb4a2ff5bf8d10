//go:build !js

package browsertest

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// staticServer is a plain static file server over dir mounted at prefix,
// with the "clean URLs" rule of GitHub Pages, Netlify, Cloudflare Pages and
// nginx's `try_files $uri $uri.html`: /faq is served from faq.html. It
// sends no headers of its own beyond type and length.
func staticServer(dir, prefix string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok {
			http.NotFound(w, r)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+rest), "/")
		if name == "" {
			name = "index.html"
		}
		for _, n := range []string{name, name + ".html"} {
			p := filepath.Join(dir, filepath.FromSlash(n))
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				f, _ := os.Open(p)
				defer f.Close()
				http.ServeContent(w, r, n, fi.ModTime(), f)
				return
			}
		}
		b, _ := os.ReadFile(filepath.Join(dir, "404.html"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(b)
	})
}

func TestStaticExportWorksOfflineFromAPlainFileServer(t *testing.T) {
	t.Parallel()
	h := newHandler(t)
	dir := t.TempDir()
	if err := h.Export(dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.html", "faq.html", "fit.html", "404.html", "app.js", "app-worker.js", "wasm_exec.js",
		"manifest.webmanifest", "robots.txt", "_headers", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/icon-512.png", "index.html.br"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("export lacks %s", f)
		}
	}
	s := serveOn(t, "127.0.0.1:0", staticServer(dir, ""))
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	b.waitApp()
	b.waitInstalled(h.PrecacheURLs())
	headings := routeHeadings(b, s.URL)
	checkOfflineRoutes(t, b, s.URL, s.stop, headings)
}

func TestStaticExportUnderASubPath(t *testing.T) {
	t.Parallel()
	h := newHandler(t, "-base-path", "/explainer/")
	dir := t.TempDir()
	if err := h.Export(dir); err != nil {
		t.Fatal(err)
	}
	s := serveOn(t, "127.0.0.1:0", staticServer(dir, "/explainer"))
	b := newBrowser(t, 412, 823)
	b.allow("/embed/")
	b.open(s.URL + "/explainer/faq")
	b.waitApp()
	if h1 := eval[string](b, `document.querySelector("h1").textContent`); !strings.Contains(h1, "Questions") && !strings.Contains(h1, "FAQ") {
		t.Errorf("/explainer/faq: h1 = %q", h1)
	}
	b.waitInstalled(h.PrecacheURLs())
	if scope := eval[string](b, `navigator.serviceWorker.getRegistration().then(r => new URL(r.scope).pathname)`); scope != "/explainer/" {
		t.Errorf("worker scope = %q, want /explainer/", scope)
	}
	// In-app navigation after mount stays under the base path, so a reload
	// finds the page.
	b.run(clickJS(`.site-nav a[href$="/fit"]`))
	b.waitFor("in-app navigation to /explainer/fit", `location.pathname === "/explainer/fit" && document.querySelector("#fit-title") !== null`)
	b.run(reload())
	b.waitFor("the reloaded /explainer/fit", `document.readyState !== "loading" && document.querySelector("#fit-title") !== null`)
	for _, u := range b.requestsMatching(s.URL) {
		if !strings.HasPrefix(u, s.URL+"/explainer/") {
			t.Errorf("request outside the base path: %s", u)
		}
	}
	s.stop()
	b.allow("ERR_CONNECTION_REFUSED")
	b.allow("app-worker.js")
	if h1 := pageH1(b, s.URL+"/explainer/?utm_source=x"); h1 == "" {
		t.Error("offline /explainer/ rendered no h1")
	}
}
