//go:build !js

package server

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"explainer/app/site"
	"explainer/app/widget"
	"explainer/content"
)

// exportMain is `explainer export -out DIR [server flags]`.
func exportMain(args []string, s *site.Site) int {
	fs := flag.NewFlagSet("explainer export", flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	raw := addFlags(fs, os.Getenv)
	out := exportFlags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	cfg, err := raw.finish()
	if err != nil {
		fmt.Fprintln(os.Stderr, "explainer export:", err)
		return 2
	}
	srv, err := New(cfg, s, content.FS, embeddedWeb())
	if err == nil {
		err = srv.Export(*out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "explainer export:", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "explainer export: wrote %s (version %s)\n", *out, srv.Version())
	return 0
}

// exportFlags adds the flags export has beside the server's to fs.
func exportFlags(fs *flag.FlagSet) (out *string) {
	return fs.String("out", "dist", "directory to write the static site into (emptied first)")
}

// compressMain is the build step `explainer compress FILE...`: it writes
// FILE.br and FILE.gz at the strongest settings.
func compressMain(files []string) int {
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "explainer compress:", err)
			return 1
		}
		br, gz := Compress(b)
		for name, z := range map[string][]byte{f + ".br": br, f + ".gz": gz} {
			if err := writeFile(name, z); err != nil {
				fmt.Fprintln(os.Stderr, "explainer compress:", err)
				return 1
			}
		}
		fmt.Fprintf(os.Stderr, "%s: %d bytes, brotli %d, gzip %d\n", f, len(b), len(br), len(gz))
	}
	return 0
}

// exportPage is the file a route's page is written to: /faq → faq.html,
// which GitHub Pages, Netlify, Cloudflare Pages and nginx's
// `try_files $uri $uri.html` serve at /faq without a redirect.
func exportPage(route string) string {
	if route == "/" {
		return "index.html"
	}
	return strings.TrimPrefix(route, "/") + ".html"
}

// Export writes the whole site into dir as static files: every page, the
// 404 page, every asset, go-app's scripts, the worker (which fetches pages
// from their .html files), robots.txt, sitemap.xml, the manifest, .br and
// .gz variants, and a _headers file with the server's headers.
func (s *Server) Export(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	write := func(name string, a *asset) error {
		p := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(name, "/")))
		if err := writeFile(p, a.body); err != nil {
			return err
		}
		br, gz := a.variants()
		for ext, z := range map[string][]byte{".br": br, ".gz": gz} {
			if z != nil {
				if err := writeFile(p+ext, z); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, r := range s.ui.Routes() {
		a := s.pages[r.Path]
		if r.Widget != "" {
			a = s.embeds[r.Path][widget.Params{}] // a static host cannot pick a variant by query
		}
		if err := write(exportPage(r.Path), a); err != nil {
			return err
		}
	}
	if err := write("404.html", s.missing); err != nil {
		return err
	}
	worker := strings.ReplaceAll(s.workerJS(func(route string) string { return s.url("/" + exportPage(route)) }), "{{.Version}}", s.version)
	for p, a := range s.files {
		if p == "/app-worker.js" {
			a = newAsset([]byte(worker), a.ctype, a.cacheControl)
		}
		if err := write(p, a); err != nil {
			return err
		}
	}
	return writeFile(filepath.Join(dir, "_headers"), []byte(s.headersFile()))
}

// headersFile is the _headers file read by Netlify and Cloudflare Pages:
// the headers every response gets, then each file's own. No header appears
// in two matching rules, since such hosts join the values with a comma.
func (s *Server) headersFile() string {
	var b strings.Builder
	block := func(path string, kv ...string) {
		b.WriteString(path + "\n")
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i+1] != "" {
				b.WriteString("  " + kv[i] + ": " + kv[i+1] + "\n")
			}
		}
	}
	common := []string{"X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy", "Strict-Transport-Security"}
	var kv []string
	for _, k := range common {
		kv = append(kv, k, s.headers.page.Get(k))
	}
	block(s.url("/*"), kv...)
	page := func(path string) {
		block(path, "Content-Security-Policy", s.headers.page.Get("Content-Security-Policy"),
			"X-Frame-Options", "SAMEORIGIN", "Cache-Control", cacheRevalidate)
	}
	embed := func(path string) {
		block(path, "Content-Security-Policy", s.headers.embed.Get("Content-Security-Policy"), "Cache-Control", cacheRevalidate)
	}
	for _, r := range s.ui.Routes() {
		f := page
		if r.Widget != "" {
			f = embed
		}
		f(s.url(r.Path))
		f(s.url("/" + exportPage(r.Path)))
	}
	page(s.url("/404.html"))
	var names []string
	for p := range s.files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		a := s.files[p]
		corp := "same-origin"
		if p == "/embed.js" {
			corp = "cross-origin"
		}
		block(s.url(p), "Cache-Control", a.cacheControl, "Cross-Origin-Resource-Policy", corp)
	}
	return b.String()
}

func writeFile(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o644)
}
