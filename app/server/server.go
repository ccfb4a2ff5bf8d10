//go:build !js

package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
	"strings"

	"explainer/app/site"
	"explainer/app/ui"
	"explainer/app/widget"
)

// Server is the site's http.Handler.
type Server struct {
	cfg     Config
	version string
	prefix  string // Config.BasePath: "" or "/explainer"
	site    *site.Site
	ui      *ui.App
	pages   map[string]*asset        // prerendered, by route path
	light   map[string]*asset        // the same pages for a request with Save-Data: on
	embeds  map[string]embedVariants // the prerendered variants of each embed route, by path
	missing *asset                   // the 404 page
	files   map[string]*asset        // by path below the prefix: /web/..., /app.js, robots.txt, ...
	headers headerSets
	worker  []byte // the service worker template from web/app-worker.js
}

// maxURI bounds the request target. Every real URL of the site is short;
// a longer one is an attack or a mistake (414). Overlong headers are
// refused by http.Server's MaxHeaderBytes (431).
const maxURI = 2048

// New builds the handler for content s: it prerenders every route and
// every embed variant once, loads the assets into memory, compresses what
// is worth compressing and derives the app version from the bytes. The
// Server keeps what it was given and shares nothing with other Servers.
func New(cfg Config, s *site.Site, contentFS, webFS fs.FS) (*Server, error) {
	web, err := loadWeb(webFS)
	if err != nil {
		return nil, fmt.Errorf("loading web assets: %w", err)
	}
	if web.worker == nil {
		return nil, fmt.Errorf("web/app-worker.js is missing")
	}
	if web.assets["/web/app.wasm"] == nil {
		return nil, fmt.Errorf("web/app.wasm is missing: build it with `make wasm`")
	}
	css, err := stylesheet(web.assets)
	if err != nil {
		return nil, err
	}
	srv := &Server{
		cfg: cfg, prefix: cfg.BasePath, site: s,
		ui:    ui.New(s, ui.Config{BookingURL: cfg.BookingURL, BaseURL: cfg.BaseURL}),
		files: web.assets, pages: map[string]*asset{}, light: map[string]*asset{}, embeds: map[string]embedVariants{}, worker: web.worker,
	}
	srv.version, err = version(contentFS, webFS, cfg)
	if err != nil {
		return nil, err
	}
	sh := newShell(cfg, css, srv.ui.Meta, s.Article.Author, len(web.assets["/web/app.wasm"].body))
	srv.headers = newHeaderSets(cfg, sh.styleHash, sh.earlyHash)
	for _, r := range srv.ui.Routes() {
		if r.Widget != "" {
			srv.embeds[r.Path] = prerenderEmbed(sh, r, s.Article.SectionIDs())
			srv.headers.embedPaths[r.Path] = true
			continue
		}
		body, ld := ui.Prerender(r.New()), r.StructuredData(cfg.BaseURL)
		srv.pages[r.Path] = pageAsset(sh.page(r, variant{}, body, ld))
		srv.light[r.Path] = pageAsset(sh.page(r, variant{saveData: true}, body, ld))
	}
	srv.missing = htmlAsset(sh.page(ui.Route{}, variant{}, ui.Prerender(srv.ui.NotFound()), nil))
	srv.addSEO()
	if web.embedJS != nil {
		srv.files["/embed.js"] = newAsset(web.embedJS, contentType("embed.js"), cacheShort)
	}
	if err := srv.addScripts(srv.serverWorker()); err != nil {
		return nil, err
	}
	return srv, nil
}

// stylesheet joins web/app.css and then the other stylesheets in name order
// (one per feature) into the one sheet inlined in every page: no request
// stands between the HTML and the first paint.
func stylesheet(files map[string]*asset) ([]byte, error) {
	base, ok := files["/web/app.css"]
	if !ok {
		return nil, fmt.Errorf("web/app.css is missing")
	}
	var names []string
	for n := range files {
		if strings.HasSuffix(n, ".css") && n != "/web/app.css" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	css := append([]byte{}, base.body...)
	for _, n := range names {
		css = append(append(css, '\n'), files[n].body...)
	}
	return minifyCSS(css), nil
}

func htmlAsset(b []byte) *asset {
	// Pages are revalidated on every visit (cheap with the ETag) so a new
	// version of the content reaches readers at once.
	return newAsset(b, htmlType, cacheRevalidate)
}

// pageAsset is a full page, which has a variant for Save-Data: a cache
// between the server and the reader must keep them apart.
func pageAsset(b []byte) *asset {
	a := htmlAsset(b)
	a.vary = varySaveData
	return a
}

var varySaveData = []string{"Accept-Encoding, Save-Data"}

// saveData reports whether the request asks to save data (the Save-Data
// client hint: "on", case-insensitively; anything else is ignored).
func saveData(r *http.Request) bool {
	return strings.EqualFold(strings.TrimSpace(r.Header.Get("Save-Data")), "on")
}

const htmlType = "text/html; charset=utf-8"

// Version is the app version derived from the content, the assets and the
// configuration the pages embed: a restart with the same build keeps it, so
// readers are not made to download the app again, and any real change moves it.
func (s *Server) Version() string { return s.version }

func version(contentFS, webFS fs.FS, cfg Config) (string, error) {
	h := sha256.New()
	for _, fsys := range []fs.FS{contentFS, webFS} {
		names, err := fileNames(fsys)
		if err != nil {
			return "", err
		}
		sort.Strings(names)
		for _, n := range names {
			// Compressed variants follow from their source.
			if strings.HasSuffix(n, ".br") || strings.HasSuffix(n, ".gz") {
				continue
			}
			b, err := fs.ReadFile(fsys, n)
			if err != nil {
				return "", err
			}
			fmt.Fprintf(h, "%s\x00%d\x00", n, len(b))
			h.Write(b)
		}
	}
	fmt.Fprintf(h, "%s\x00%s\x00%s", cfg.BaseURL, cfg.BookingURL, cfg.BasePath)
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// ServeHTTP routes a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	s.headers.set(w.Header(), p, s.prefix)
	if len(r.RequestURI) > maxURI {
		http.Error(w, "URI too long", http.StatusRequestURITooLong)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header()["Allow"] = []string{"GET, HEAD"}
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if p == "/healthz" { // at the root whatever the base path, for load balancers
		w.Header()["Content-Type"] = []string{"text/plain; charset=utf-8"}
		w.Header()["Cache-Control"] = []string{"no-store"}
		w.Write([]byte("ok\n"))
		return
	}
	// An escaped slash or backslash never names one of our files; refuse
	// it rather than let a decoded path mean something else.
	if raw := strings.ToLower(r.URL.RawPath); strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") {
		s.notFound(w, r)
		return
	}
	if s.prefix != "" {
		if p == s.prefix {
			s.redirect(w, r, s.prefix+"/")
			return
		}
		rest, ok := strings.CutPrefix(p, s.prefix)
		if !ok || !strings.HasPrefix(rest, "/") {
			s.notFound(w, r)
			return
		}
		p = rest
	}
	if v, ok := s.embeds[p]; ok {
		route, _ := s.ui.Route(p)
		v[widget.Parse(route.Widget, r.URL.Query(), s.site.Article.HasSection)].serve(w, r)
		return
	}
	if a := s.pages[p]; a != nil {
		if saveData(r) {
			a = s.light[p]
		}
		a.serve(w, r)
		return
	}
	if a := s.files[p]; a != nil {
		a.serve(w, r)
		return
	}
	if t := strings.TrimRight(p, "/"); t != p && (s.pages[t] != nil || s.embeds[t] != nil) {
		s.redirect(w, r, s.prefix+t) // /faq/ → /faq
		return
	}
	s.notFound(w, r)
}

// redirect sends a permanent redirect to a path of this site, keeping the
// query string.
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	w.Header()["Location"] = []string{to}
	w.Header()["Cache-Control"] = []string{cacheSEO}
	w.WriteHeader(http.StatusMovedPermanently)
}

// notFound answers with the site's 404 page. r.URL.Path is never written
// into it: the page is the same for every missing path.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	w.Header()["Content-Type"] = []string{s.missing.ctype}
	w.Header()["Cache-Control"] = []string{cacheRevalidate}
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(s.missing.body)
	}
}

// minifyCSS drops comments and needless whitespace from the stylesheet
// inlined in every page: every byte is downloaded before the first paint.
// It keeps one space wherever one may matter (descendant selectors, values),
// and strings are left as they are.
func minifyCSS(css []byte) []byte {
	var b bytes.Buffer
	space := false
	emit := func(c byte) {
		if space && b.Len() > 0 && !strings.ContainsRune("{};,>", rune(c)) && !strings.ContainsRune("{};,>:", rune(b.Bytes()[b.Len()-1])) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	for i := 0; i < len(css); i++ {
		c := css[i]
		switch {
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			end := bytes.Index(css[i+2:], []byte("*/"))
			if end < 0 {
				return b.Bytes()
			}
			i += end + 3
		case c == '"' || c == '\'':
			end := bytes.IndexByte(css[i+1:], c)
			if end < 0 {
				end = len(css) - i - 2
			}
			emit(c)
			b.Write(css[i+1 : i+2+end])
			i += end + 1
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			space = true
		default:
			emit(c)
		}
	}
	return b.Bytes()
}
