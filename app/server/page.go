//go:build !js

package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"regexp"
	"strconv"

	"explainer/app/contract"
	"explainer/app/ui"
	"explainer/app/widget"
)

// shell holds what every page shares: the inline stylesheet, the head parts
// that do not change between routes, and where each route's title and
// description come from.
type shell struct {
	cfg       Config
	prefix    string // the base path, prepended to every URL of the site
	css       template.CSS
	styleHash string // CSP hash of the inline stylesheet
	meta      func(path string) ui.Meta
	author    string
	wasmSize  int         // decoded bytes of the wasm, for the loading pill
	early     template.JS // the page's inline script, see earlyJS
	earlyHash string      // its CSP hash
}

func newShell(cfg Config, css []byte, meta func(string) ui.Meta, author string, wasmSize int) *shell {
	early := earlyJS(cfg.BasePath, wasmSize)
	return &shell{cfg: cfg, prefix: cfg.BasePath, css: template.CSS(css), styleHash: styleHash(css), meta: meta, author: author, wasmSize: wasmSize,
		early: early, earlyHash: cspHash([]byte(early))}
}

// styleHash is the CSP source that allows an inline stylesheet.
func styleHash(css []byte) string { return cspHash(css) }

// cspHash is the CSP source that allows an inline element holding b.
func cspHash(b []byte) string {
	sum := sha256.Sum256(b)
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// variant is what makes one prerendered copy of a page differ from another
// of the same route: the embed widget it shows, the validated query
// parameters of an embed, and whether the request asked to save data.
type variant struct {
	widget   string
	params   widget.Params
	saveData bool
}

// headMeta is one <meta> element; it is left out when Content is empty (an
// empty content attribute is invalid HTML).
type headMeta struct {
	Property bool // property= (Open Graph) rather than name=
	Name     string
	Content  string
}

// pageData fills pageTemplate.
type pageData struct {
	Prefix, Widget, Theme string
	AutoHeight            bool
	SaveData              bool
	Title                 string
	Canonical             string
	Meta                  []headMeta
	CSS                   template.CSS
	LD                    template.JS // JSON-LD, already JSON-encoded
	Body                  template.HTML
	Loader                template.HTML
	Icons                 headIcons
	Templates             template.HTML // see ui.BannerTemplates
	Early                 template.JS   // earlyJS
}

// headIcons are the icons every page's head names.
type headIcons struct{ SVG, Favicon, Apple string }

// pageTemplate is every page. The widget and theme are set on <html> so
// the first paint already has the right colours and no inner scrollbar;
// links.js keeps in-app links under the base path (data-base) after mount.
// data-save-data tells boot.js to fetch nothing of the app until the
// reader asks (web/boot.js). Every data-* name the scripts read comes from package
// contract.
//
// The page names no script but embed-frame.js in a widget: on a slow link,
// a script the page names is fetched alongside it and, once there, run
// before its first paint (measured on the bench's phone: the first
// contentful paint of / came 1.3-1.9x later than without its scripts).
// The one inline script (earlyJS) loads boot.js after the load event, or
// at once on the reader's intent; boot.js loads the rest. The banner
// templates are what boot.js shows before the app runs
// (ui.BannerTemplates). embed-frame.js comes before links.js, which makes
// links that leave the widget open a new tab.
var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"{{with .Prefix}} ` + contract.AttrBase + `="{{.}}"{{end}}{{if .SaveData}} ` + contract.AttrSaveData + `{{end}}{{with .Widget}} ` + contract.AttrWidget + `="{{.}}"{{end}}{{with .Theme}} ` + contract.AttrTheme + `="{{.}}"{{end}}{{if .AutoHeight}} class="autoheight"{{end}}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>{{.Early}}</script>
<title>{{.Title}}</title>
{{range .Meta}}{{if .Content}}<meta {{if .Property}}property{{else}}name{{end}}="{{.Name}}" content="{{.Content}}">
{{end}}{{end}}{{with .Canonical}}<link rel="canonical" href="{{.}}">
{{end}}<link rel="icon" href="{{.Prefix}}{{.Icons.SVG}}" type="image/svg+xml">
<link rel="icon" href="{{.Prefix}}{{.Icons.Favicon}}" sizes="32x32" type="image/png">
<link rel="apple-touch-icon" href="{{.Prefix}}{{.Icons.Apple}}">
<link rel="manifest" href="{{.Prefix}}/manifest.webmanifest">
<style>{{.CSS}}</style>
{{with .LD}}<script type="application/ld+json">{{.}}</script>
{{end}}</head>
<body>
{{.Body}}
{{.Loader}}
{{.Templates}}
{{if .Widget}}<script defer src="{{.Prefix}}/web/embed-frame.js"></script>
{{end}}</body>
</html>
`))

// earlyJS is the page's one inline script, a few hundred bytes run before
// the first paint. It keeps the reader's trusted clicks and input events
// for boot.js (contract.GlobalEarly): on a slow link boot.js arrives well
// after the text, and a reader ticks an answer or types a search meanwhile;
// with them boot.js can tell the reader's own ticks from answers the
// browser restored. It loads boot.js, with the attributes boot.js reads,
// after the load event, or at once when the reader reaches for a control
// that needs the app. It also places a glossary definition as it opens,
// which can be long before boot.js, and applies the reader's remembered
// "In short" choice before the first paint. Its text depends only on the base path and the wasm,
// so one CSP hash covers every page of a server.
func earlyJS(prefix string, wasmSize int) template.JS {
	attrs, _ := json.Marshal(map[string]string{ // json escapes <, > and &
		"src":                 prefix + "/web/boot.js",
		contract.AttrScripts:  prefix + "/web/links.js " + prefix + "/wasm_exec.js " + prefix + "/app.js",
		contract.AttrWasm:     prefix + "/web/app.wasm",
		contract.AttrWasmSize: strconv.Itoa(wasmSize),
	})
	return template.JS(`(function(){var k=[],d=document,A=addEventListener,c=` + string(attrs) + `;` +
		// A reader who hid the "In short" boxes does not see them flash at
		// every visit: the class hides them from the first paint, and once
		// the switch is parsed it is set off and the class gives way to it.
		`try{if(localStorage.getItem("` + contract.KeyInShort + `")=="hidden"){var h=d.documentElement.classList;h.add("in-short-hidden");` +
		`A("DOMContentLoaded",function(){var b=d.getElementById("in-short-toggle");if(b)b.checked=!1;h.remove("in-short-hidden")})}}catch(e){}` +
		`function l(){if(c){var s=d.createElement("script");for(var a in c)s.setAttribute(a,c[a]);c=null;d.body.appendChild(s)}}` +
		`function f(e){if(!e.isTrusted)return;if(k&&(e.type=="click"||e.type=="input"))k.push(e);` +
		`var t=e.target;if(t.closest&&t.closest("[` + contract.AttrNeedsApp + `]"))l()}` +
		`["click","input","pointerdown","focusin","keydown"].forEach(function(t){A(t,f,!0)});` +
		`A("load",l);` +
		// A glossary definition opens on the side of the screen away from
		// its term, so that it never covers the line being read.
		`A("beforetoggle",function(e){var p=e.target;if(e.newState=="open"&&p.matches&&p.matches(".term-def")){` +
		`var t=d.querySelector('button.term[popovertarget="'+p.id+'"]');p.classList.toggle("term-def-top",!!t&&t.getBoundingClientRect().top>innerHeight/2)}},!0);` +
		`window.` + contract.GlobalEarly + `=function(){var r=k||[];k=null;return r}})()`)
}

// page writes a complete HTML document for route r ("" for the 404 page)
// around the prerendered body. The head is written here rather than by go-app so that attribute
// values are HTML-escaped (go-app quotes them with strconv.Quote), empty
// tags are left out, and JSON-LD is not HTML-escaped.
func (s *shell) page(r ui.Route, v variant, body string, ld any) []byte {
	path := r.Path
	m := s.meta(path)
	canonical := ""
	if s.cfg.BaseURL != "" {
		canonical = s.cfg.BaseURL + path
	}
	d := pageData{
		Prefix: s.prefix, Widget: v.widget, Theme: v.params.Theme, AutoHeight: v.params.AutoHeight,
		SaveData: v.saveData,
		Title:    m.Title, Canonical: canonical, CSS: s.css,
		Body: template.HTML(s.prefixed(body)), Loader: loader,
		Icons:     headIcons{ui.IconSVG, ui.IconFavicon, ui.IconApple},
		Templates: template.HTML(ui.BannerTemplates()), Early: s.early,
		Meta: []headMeta{
			{Name: "description", Content: m.Description},
			{Name: "author", Content: s.author},
			{Name: "theme-color", Content: ui.ThemeColor},
			{Property: true, Name: "og:type", Content: "article"},
			{Property: true, Name: "og:site_name", Content: ui.SiteName},
			{Property: true, Name: "og:title", Content: m.Title},
			{Property: true, Name: "og:description", Content: m.Description},
			{Property: true, Name: "og:url", Content: canonical},
		},
	}
	if s.cfg.BaseURL != "" {
		d.Meta = append(d.Meta,
			headMeta{Property: true, Name: "og:image", Content: s.cfg.BaseURL + "/web/og-image.png"},
			headMeta{Property: true, Name: "og:image:width", Content: "1200"},
			headMeta{Property: true, Name: "og:image:height", Content: "630"},
			headMeta{Property: true, Name: "og:image:alt", Content: "The explainer's emblem: two overlapping circles on a teal tile"},
			headMeta{Name: "twitter:image", Content: s.cfg.BaseURL + "/web/og-image.png"})
	}
	d.Meta = append(d.Meta,
		headMeta{Name: "twitter:card", Content: "summary_large_image"},
		headMeta{Name: "twitter:title", Content: m.Title},
		headMeta{Name: "twitter:description", Content: m.Description})
	if ld != nil {
		j, _ := json.Marshal(ld) // escapes <, > and & so the script cannot be closed early
		d.LD = template.JS(j)
	}
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, d); err != nil {
		panic("server: the page template failed: " + err.Error()) // a programmer error: the data is fixed
	}
	return b.Bytes()
}

// loader replaces go-app's full-screen loader with a small status pill that
// never covers the prerendered text. It holds the ids go-app's app.js
// updates (the icon, the percentage) and removes: app.js removes
// #app-wasm-loader as soon as Go first gives the browser a turn, which is
// during start-up (package startup), so that is an empty element inside and
// the app removes the pill itself once the page has mounted. The percentage
// is hidden from screen readers so the live region is announced once, not on
// every chunk.
const loader template.HTML = `<div id="wasm-status" class="wasm-status" role="status">` +
	`<span id="app-wasm-loader-icon" class="wasm-status-dot" aria-hidden="true"></span>` +
	`<span>Loading interactive features</span> ` +
	`<span id="app-wasm-loader-label" aria-hidden="true">0%</span>` +
	`<span id="app-wasm-loader" hidden></span></div>`

// siteURL matches an href or src attribute holding a path on this site.
var siteURL = regexp.MustCompile(`(\s(?:href|src)=")(/[^/"]?)`)

// prefixed puts the base path in front of every site path in the
// prerendered body. (In the browser, go-app does the same for /web/ URLs;
// page links need web/links.js's help.)
func (s *shell) prefixed(body string) string {
	if s.prefix == "" {
		return body
	}
	return siteURL.ReplaceAllString(body, "${1}"+s.prefix+"${2}")
}
