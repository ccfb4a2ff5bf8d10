package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
	"strings"

	"explainer/app/site"
	"explainer/app/ui"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Server is the site's http.Handler.
type Server struct {
	cfg     Config
	version string
	pages   map[string]*asset // prerendered, by route path
	missing *asset            // the 404 page
	files   map[string]*asset // /web/..., robots.txt, sitemap.xml, manifest
	goapp   *app.Handler      // only for go-app's own scripts
	csp     string
}

// New builds the handler: it prerenders every route once, loads the assets
// into memory and derives the app version from their bytes.
func New(cfg Config, s *site.Site, contentFS, webFS fs.FS) (*Server, error) {
	ui.Init(s, ui.Config{BookingURL: cfg.BookingURL, BaseURL: cfg.BaseURL})
	files, err := loadWeb(webFS)
	if err != nil {
		return nil, fmt.Errorf("loading web assets: %w", err)
	}
	css, err := stylesheet(files)
	if err != nil {
		return nil, err
	}
	srv := &Server{cfg: cfg, files: files, pages: map[string]*asset{}}
	srv.version, err = version(contentFS, webFS, cfg)
	if err != nil {
		return nil, err
	}
	sh := newShell(cfg, css)
	srv.csp = csp(sh.styleHash)
	for _, r := range ui.Routes() {
		srv.pages[r.Path] = htmlAsset(sh.page(r.Path, prerender(r.New()), ui.StructuredData(r.Path, cfg.BaseURL)))
	}
	srv.missing = htmlAsset(sh.page("", prerender(&ui.NotFound{}), nil))
	srv.addSEO()
	srv.goapp = srv.goappHandler()
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
	return css, nil
}

func htmlAsset(b []byte) *asset {
	// Pages are revalidated on every visit (cheap with the ETag) so a new
	// version of the content reaches readers at once.
	return newAsset(b, "text/html; charset=utf-8", "no-cache")
}

// Version is the app version derived from the content, the assets and the
// configuration the pages embed: a restart with the same build keeps it, so
// readers are not made to download the app again, and any real change moves it.
func (s *Server) Version() string { return s.version }

func version(contentFS, webFS fs.FS, cfg Config) (string, error) {
	h := sha256.New()
	for _, fsys := range []fs.FS{contentFS, webFS} {
		var names []string
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				names = append(names, p)
			}
			return err
		})
		if err != nil {
			return "", err
		}
		sort.Strings(names)
		for _, n := range names {
			b, err := fs.ReadFile(fsys, n)
			if err != nil {
				return "", err
			}
			fmt.Fprintf(h, "%s\x00%d\x00", n, len(b))
			h.Write(b)
		}
	}
	fmt.Fprintf(h, "%s\x00%s", cfg.BaseURL, cfg.BookingURL)
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// goappHandler configures go-app for the three files it still serves:
// app.js, wasm_exec.js and app-worker.js. Pages, assets, the manifest and the
// SEO files are ours. Every icon is local, so nothing is fetched from
// another origin.
func (s *Server) goappHandler() *app.Handler {
	a := ui.Content().Article
	return &app.Handler{
		Name:            ui.SiteName,
		ShortName:       "Psychodynamic",
		Title:           a.Title,
		Description:     a.Description,
		Author:          a.Author,
		Lang:            "en",
		BackgroundColor: "#fbf8f3",
		ThemeColor:      "#2f5d62",
		LoadingLabel:    "{progress}%",
		Version:         s.version,
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			SVG:      "/web/icon.svg",
			Maskable: "/web/icon-maskable-512.png",
		},
		Env:       map[string]string{ui.EnvBookingURL: s.cfg.BookingURL},
		Resources: app.LocalDir(""),
	}
}

// ServeHTTP routes a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.setSecurityHeaders(w)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	switch {
	case p == "/healthz":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte("ok\n"))
	case p == "/app.js" || p == "/wasm_exec.js" || p == "/app-worker.js":
		s.goapp.ServeHTTP(w, r)
	case s.pages[p] != nil:
		s.pages[p].serve(w, r)
	case s.files[p] != nil:
		s.files[p].serve(w, r)
	default:
		s.notFound(w, r)
	}
}

// notFound answers with the site's 404 page. r.URL.Path is never written
// into it: the page is the same for every missing path.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", s.missing.ctype)
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(s.missing.body)
	}
}

func csp(styleHash string) string {
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self' " + styleHash,
		"img-src 'self' data:",
		"connect-src 'self'",
		"worker-src 'self'",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'self'",
	}, "; ")
}

func (s *Server) setSecurityHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", s.csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}
