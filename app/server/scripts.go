//go:build !js

package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"

	"explainer/app/ui"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// goappHandler configures go-app for the three files it still writes:
// app.js, wasm_exec.js and app-worker.js (from our template). Pages, assets,
// the manifest and the SEO files are ours. Every icon is local, so nothing
// is fetched from another origin.
func (s *Server) goappHandler(worker string) *app.Handler {
	a := s.site.Article
	var res app.ResourceResolver = app.LocalDir("")
	if s.prefix != "" {
		res = app.PrefixedLocation(s.prefix)
	}
	return &app.Handler{
		Name:            ui.SiteName,
		ShortName:       ui.ShortName,
		Title:           a.Title,
		Description:     a.Description,
		Author:          a.Author,
		Lang:            "en",
		BackgroundColor: ui.BackgroundColor,
		ThemeColor:      ui.ThemeColor,
		LoadingLabel:    "{progress}%",
		Version:         s.version,
		Icon: app.Icon{
			Default:  ui.Icon192,
			Large:    ui.Icon512,
			SVG:      ui.IconSVG,
			Maskable: ui.IconMaskable,
		},
		Env:       map[string]string{ui.EnvBookingURL: s.cfg.BookingURL},
		Resources: res,
		// The wasm is sent compressed, so the Content-Length go-app would
		// read is the compressed size and its progress would pass 100%.
		WasmContentLength:     s.files["/web/app.wasm"].size(),
		ServiceWorkerTemplate: worker,
	}
}

// addScripts renders go-app's scripts once and serves them like any other
// asset: compressed, with an ETag, revalidated on every use. The worker
// script in particular must never be served stale from an HTTP cache, or
// readers would not learn of a new version.
func (s *Server) addScripts(worker string) error {
	h := s.goappHandler(worker)
	for _, p := range []string{"/app.js", "/wasm_exec.js", "/app-worker.js"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, p, nil))
		if w.Code != http.StatusOK {
			return fmt.Errorf("go-app's %s: status %d", p, w.Code)
		}
		body := w.Body.Bytes()
		if p == "/app.js" {
			var err error
			if body, err = leaveStartToBoot(body); err != nil {
				return err
			}
		}
		s.files[p] = newAsset(body, contentType(p), cacheRevalidate)
	}
	return nil
}

// goappStart is how go-app's app.js starts: the service worker first,
// then the WebAssembly, at once.
const goappStart = "goappInitServiceWorker();\ngoappWatchForUpdate();\ngoappWatchForInstallable();\ngoappInitWebAssembly();\n"

// leaveStartToBoot keeps of app.js's start-up only what listens for the
// browser (updates, installability): web/boot.js decides when the wasm is
// fetched, when Go starts and when the service worker is registered (boot
// on intent; app/tools/bench/README.md). app.js's functions stay, for the Go side
// of go-app and for boot.js. It fails, rather than serve a page that starts
// twice, if app.js no longer starts the way it did.
func leaveStartToBoot(js []byte) ([]byte, error) {
	src := string(js)
	if strings.Count(src, goappStart) != 1 {
		return nil, fmt.Errorf("go-app's app.js: its start-up calls are not in the expected shape; see leaveStartToBoot")
	}
	return []byte(strings.Replace(src, goappStart,
		"goappWatchForUpdate();\ngoappWatchForInstallable();\n"+
			"// Explainer: web/boot.js starts the worker and the wasm (app/server/scripts.go).\n", 1)), nil
}

// precacheEntry is one thing the worker stores: under key, fetched from src.
type precacheEntry struct{ key, src string }

// precacheList is every URL the site needs offline: each page, go-app's
// scripts, the manifest and every asset under /web/. pageSrc says where a
// page's HTML is fetched from (a static export stores /faq as /faq.html).
func (s *Server) precacheList(pageSrc func(route string) string) []precacheEntry {
	var out []precacheEntry
	for _, r := range s.ui.Routes() {
		out = append(out, precacheEntry{s.url(r.Path), pageSrc(r.Path)})
	}
	// go-app's scripts are made after the worker, so they are named here.
	rest := []string{"/app.js", "/wasm_exec.js"}
	for p := range s.files {
		switch {
		case p == "/app.js", p == "/wasm_exec.js":
		case p == "/app-worker.js", p == "/embed.js", p == "/robots.txt", p == "/sitemap.xml":
			// The worker is not its own resource; the others are for other
			// sites and for crawlers.
		default:
			rest = append(rest, p)
		}
	}
	sort.Strings(rest)
	for _, p := range rest {
		out = append(out, precacheEntry{s.url(p), s.url(p)})
	}
	return out
}

// url is the absolute path of p on the public site.
func (s *Server) url(p string) string {
	if p == "/" {
		return s.prefix + "/"
	}
	return s.prefix + p
}

// workerJS fills in the worker template. go-app fills in {{.Version}}.
func (s *Server) workerJS(pageSrc func(route string) string) string {
	list := s.precacheList(pageSrc)
	pairs := make([][2]string, len(list))
	for i, e := range list {
		pairs[i] = [2]string{e.key, e.src}
	}
	pages := map[string]string{}
	for _, r := range s.ui.Routes() {
		pages[r.Path] = s.url(r.Path)
	}
	pj, _ := json.Marshal(pairs)
	gj, _ := json.Marshal(pages)
	return strings.NewReplacer(
		"{{.Scope}}", s.prefix+"/",
		"{{.Precache}}", string(pj),
		"{{.Pages}}", string(gj),
	).Replace(string(s.worker))
}

// serverWorker is the worker for this server, where a page's URL is its
// route.
func (s *Server) serverWorker() string {
	return s.workerJS(s.url)
}

// PrecacheURLs lists the cache keys the worker stores, for tests.
func (s *Server) PrecacheURLs() []string {
	var out []string
	for _, e := range s.precacheList(s.url) {
		out = append(out, e.key)
	}
	return out
}
