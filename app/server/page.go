//go:build !js

package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"html"
	"regexp"
	"strings"

	"explainer/app/ui"
	"explainer/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shell holds what every page shares: the inline stylesheet and the head
// parts that do not change between routes.
type shell struct {
	cfg       Config
	prefix    string // the base path, prepended to every URL of the site
	css       string
	styleHash string // CSP hash of the inline stylesheet
}

func newShell(cfg Config, css []byte) *shell {
	sum := sha256.Sum256(css)
	return &shell{cfg: cfg, prefix: cfg.BasePath, css: string(css), styleHash: "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"}
}

// prerender renders a page's component as the browser will show it.
func prerender(c app.Composer) string { return ui.Prerender(c) }

// page writes a complete HTML document for path around the prerendered body.
// The head is written here rather than by go-app so that attribute values
// are HTML-escaped (go-app quotes them with strconv.Quote), empty tags are
// left out, and JSON-LD is not HTML-escaped.
func (s *shell) page(path string, v variant, body string, ld any) []byte {
	m := ui.MetaFor(path)
	var b bytes.Buffer
	w := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	tag := v.htmlTag()
	if s.prefix != "" {
		// links.js keeps in-app links under the base path after mount.
		tag = strings.Replace(tag, `<html lang="en"`, `<html lang="en" data-base="`+html.EscapeString(s.prefix)+`"`, 1)
	}
	w("<!doctype html>\n", tag, "\n<head>\n<meta charset=\"utf-8\">\n",
		`<meta name="viewport" content="width=device-width, initial-scale=1">`, "\n",
		"<title>", html.EscapeString(m.Title), "</title>\n")
	meta := func(attr, name, content string) {
		if content != "" {
			w("<meta ", attr, `="`, name, `" content="`, html.EscapeString(content), "\">\n")
		}
	}
	meta("name", "description", m.Description)
	meta("name", "author", contentAuthor())
	meta("name", "theme-color", "#2f5d62")
	canonical := ""
	if s.cfg.BaseURL != "" {
		canonical = s.cfg.BaseURL + path
		w(`<link rel="canonical" href="`, html.EscapeString(canonical), "\">\n")
	}
	meta("property", "og:type", "article")
	meta("property", "og:site_name", ui.SiteName)
	meta("property", "og:title", m.Title)
	meta("property", "og:description", m.Description)
	meta("property", "og:url", canonical)
	if s.cfg.BaseURL != "" {
		meta("property", "og:image", s.cfg.BaseURL+"/web/og-image.png")
		meta("property", "og:image:width", "1200")
		meta("property", "og:image:height", "630")
		meta("property", "og:image:alt", "The explainer's emblem: two overlapping circles on a teal tile")
		meta("name", "twitter:image", s.cfg.BaseURL+"/web/og-image.png")
	}
	meta("name", "twitter:card", "summary_large_image")
	meta("name", "twitter:title", m.Title)
	meta("name", "twitter:description", m.Description)
	u := s.prefix
	w(`<link rel="icon" href="`, u, `/web/icon.svg" type="image/svg+xml">`, "\n",
		`<link rel="icon" href="`, u, `/web/favicon-32.png" sizes="32x32" type="image/png">`, "\n",
		`<link rel="apple-touch-icon" href="`, u, `/web/apple-touch-icon.png">`, "\n",
		`<link rel="manifest" href="`, u, `/manifest.webmanifest">`, "\n",
		"<style>", s.css, "</style>\n")
	if ld != nil {
		j, _ := json.Marshal(ld) // escapes <, > and & so the script cannot be closed early
		w(`<script type="application/ld+json">`, string(j), "</script>\n")
	}
	w("</head>\n<body>\n", s.prefixed(body), "\n", loader, "\n")
	// Scripts and the WebAssembly come after the text: on a slow link,
	// anything requested from the <head> shares the bandwidth with the page
	// the reader is waiting for. Deferred scripts run after parsing either
	// way. The preload starts the wasm download as soon as the page's own
	// bytes are in; app.js's fetch (same URL, same CORS mode) then takes it
	// from the preload instead of downloading it again.
	if v.widget != "" {
		// Before links.js: it makes links that leave the widget open a new tab.
		w(`<script defer src="`, u, `/web/embed-frame.js"></script>`, "\n")
	}
	w(`<script defer src="`, u, `/web/links.js"></script>`, "\n",
		`<script defer src="`, u, `/wasm_exec.js"></script>`, "\n",
		`<script defer src="`, u, `/app.js"></script>`, "\n",
		`<link rel="preload" href="`, u, `/web/app.wasm" as="fetch" type="application/wasm" crossorigin>`,
		"\n</body>\n</html>\n")
	return b.Bytes()
}

// variant is what makes one prerendered copy of a page differ from another
// of the same route: the embed widget it shows, and the validated query
// parameters of an embed. Every value comes from a fixed list, never from
// the request itself.
type variant struct {
	widget string
	params widget.Params
}

// htmlTag is the page's <html> start tag: the widget and theme are set here
// so the first paint already has the right colours and no inner scrollbar.
func (v variant) htmlTag() string {
	t := `<html lang="en"`
	if v.widget != "" {
		t += ` data-widget="` + v.widget + `"`
	}
	if v.params.Theme != "" {
		t += ` data-theme="` + v.params.Theme + `"`
	}
	if v.params.AutoHeight {
		t += ` class="autoheight"`
	}
	return t + ">"
}

// loader replaces go-app's full-screen loader with a small status pill that
// never covers the prerendered text. It holds the ids go-app's app.js
// updates (the icon, the percentage) and removes: app.js removes
// #app-wasm-loader as soon as Go first gives the browser a turn, which is
// during start-up (package startup), so that is an empty element inside and
// the app removes the pill itself once the page has mounted. The percentage
// is hidden from screen readers so the live region is announced once, not on
// every chunk.
const loader = `<div id="wasm-status" class="wasm-status" role="status">` +
	`<span id="app-wasm-loader-icon" class="wasm-status-dot" aria-hidden="true"></span>` +
	`<span>Loading interactive features</span> ` +
	`<span id="app-wasm-loader-label" aria-hidden="true">0%</span>` +
	`<span id="app-wasm-loader" hidden></span></div>`

func contentAuthor() string { return ui.Content().Article.Author }

// siteURL matches an href or src attribute holding a path on this site.
var siteURL = regexp.MustCompile(`(\s(?:href|src)=")(/[^/"]?)`)

// prefixed puts the base path in front of every site path in the
// prerendered body. (In the browser, go-app does the same for /web/ URLs;
// page links need the UI's help, see README "Static export".)
func (s *shell) prefixed(body string) string {
	if s.prefix == "" {
		return body
	}
	return siteURL.ReplaceAllString(body, "${1}"+s.prefix+"${2}")
}
