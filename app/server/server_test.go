//go:build !js

package server

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"explainer/app/site"
	"explainer/app/ui"
	"explainer/content"
	"explainer/web"
)

func newTestServer(t *testing.T, args ...string) *Server {
	t.Helper()
	cfg, err := ParseFlags(args, func(string) string { return "" }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(content.FS, ui.LinkTargets(), nil)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(cfg, s, content.FS, web.FS)
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

func do(h http.Handler, method, target string, hdr ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

var (
	tags       = regexp.MustCompile(`<[^>]*>`)
	inlineTags = regexp.MustCompile(`</?(?:a|em|strong|code|span|time|button)\b[^>]*>`) // button: a glossary term
)

// visibleText is the body's text as a reader sees it, whitespace collapsed.
func visibleText(page string) string {
	if i := strings.Index(page, "<body>"); i >= 0 {
		page = page[i:]
	}
	page = inlineTags.ReplaceAllString(page, "")
	t := html.UnescapeString(tags.ReplaceAllString(page, " "))
	return strings.Join(strings.Fields(t), " ")
}

func TestRoutes(t *testing.T) {
	srv := newTestServer(t)
	for _, tc := range []struct {
		method, path string
		status       int
		contains     string
	}{
		{"GET", "/", 200, "What Is Psychodynamic Therapy?"},
		{"HEAD", "/", 200, ""},
		{"GET", "/healthz", 200, "ok"},
		{"GET", "/nope", 404, "Page not found"},
		{"HEAD", "/nope", 404, ""},
		{"GET", "/web/app.css", 200, "--accent"},
		{"GET", "/web/icon.svg", 200, "<svg"},
		{"GET", "/robots.txt", 200, "User-agent: *"},
		{"GET", "/manifest.webmanifest", 200, `"display": "standalone"`},
		{"GET", "/app.js", 200, "goappInitWebAssembly"},
		{"GET", "/wasm_exec.js", 200, "Go"},
		{"POST", "/", 405, ""},
		{"DELETE", "/healthz", 405, ""},
		{"PUT", "/web/app.css", 405, ""},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			w := do(srv, tc.method, tc.path)
			if w.Code != tc.status {
				t.Fatalf("status = %d, want %d", w.Code, tc.status)
			}
			if !strings.Contains(w.Body.String(), tc.contains) {
				t.Errorf("body lacks %q", tc.contains)
			}
			if tc.method == "HEAD" && w.Body.Len() != 0 {
				t.Errorf("HEAD wrote a body of %d bytes", w.Body.Len())
			}
			if tc.status == 405 && w.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow = %q", w.Header().Get("Allow"))
			}
		})
	}
}

func TestHomePageHoldsEveryLineOfTheArticle(t *testing.T) {
	// The practice's original text, kept with the content tests (see
	// app/site/testdata).
	b, err := os.ReadFile("../site/testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	page := visibleText(do(newTestServer(t, "-booking-url", "https://book.example/"), "GET", "/").Body.String())
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.Contains(page, l) {
			t.Errorf("GET / lacks the seed line:\n%s", l)
		}
	}
}

func TestNoPathOutsideWebIsReadable(t *testing.T) {
	srv := newTestServer(t)
	for _, p := range []string{
		"/web/..%2fgo.mod", "/web/../go.mod", "/web/%2e%2e/go.mod", "/web/..%2f..%2fetc%2fpasswd",
		"/web/web.go", "/web/", "/web", "/go.mod", "/main.go", "/.git/config", "/web/.%2e/main.go",
		"/content/article.md", "/app.css", "/manifest.json",
	} {
		w := do(srv, "GET", p)
		if w.Code != 404 {
			t.Errorf("GET %s = %d, want 404", p, w.Code)
		}
		if b := w.Body.String(); strings.Contains(b, "module explainer") || strings.Contains(b, "package ") {
			t.Errorf("GET %s leaked a source file", p)
		}
	}
}

func TestHeadIsWellFormedAndLocal(t *testing.T) {
	srv := newTestServer(t, "-base-url", "https://therapy.example")
	page := do(srv, "GET", "/").Body.String()
	for _, want := range []string{
		`<html lang="en">`,
		`<link rel="canonical" href="https://therapy.example/">`,
		`<meta property="og:image" content="https://therapy.example/web/og-image.png">`,
		`<meta name="author" content="Paulina Kaiser, MD">`,
		`<div id="wasm-status" class="wasm-status" role="status">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if body := page[strings.Index(page, "<body>"):]; strings.Contains(body, `\"`) {
		t.Error(`an attribute in the body was written with strconv.Quote's \"`)
	}
	// go-app's default loader and its remote icon are gone.
	for _, bad := range []string{"goapp-app-info", "raw.githubusercontent.com", `content=""`} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	// Every src and href is on this origin (or the configured base URL),
	// but for a link the reader may follow to another site (the crisis
	// line's chat), which the page never fetches and opens in a new tab.
	for _, m := range regexp.MustCompile(`<(\w+)[^>]*?(?:src|href)="([^"]*)"[^>]*>`).FindAllStringSubmatch(page, -1) {
		u := m[2]
		if strings.HasPrefix(u, "/") || strings.HasPrefix(u, "#") || strings.HasPrefix(u, "tel:") || strings.HasPrefix(u, "sms:") ||
			strings.HasPrefix(u, "https://therapy.example/") {
			continue
		}
		if m[1] != "a" || !strings.Contains(m[0], `rel="noopener noreferrer"`) || !strings.Contains(m[0], `target="_blank"`) {
			t.Errorf("reference to another origin: %s", m[0])
		}
	}
}

func TestAttributeQuotesAreEscaped(t *testing.T) {
	s, err := site.Load(content.FS, ui.LinkTargets(), nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Article.Description = `A "quoted" description & more`
	srv, err := New(Config{}, s, content.FS, web.FS)
	if err != nil {
		t.Fatal(err)
	}
	page := do(srv, "GET", "/").Body.String()
	if !strings.Contains(page, `<meta name="description" content="A &#34;quoted&#34; description &amp; more">`) {
		t.Errorf("description attribute not escaped:\n%s", page[:1500])
	}
	if strings.Contains(page, `content="A \"`) {
		t.Error(`a strconv-quoted \" reached the HTML`)
	}
}

// Each server renders from the content it was given: the offline test runs
// an old and a new version side by side, and neither may show the other's
// text, on a full page or on an embed variant.
func TestTwoServersInOneProcessKeepTheirOwnContent(t *testing.T) {
	load := func(name string) *Server {
		s, err := site.Load(content.FS, ui.LinkTargets(), nil)
		if err != nil {
			t.Fatal(err)
		}
		s.Article.Author = name + " Author"
		s.Fit.Title = name + " Questionnaire"
		srv, err := New(Config{}, s, content.FS, web.FS)
		if err != nil {
			t.Fatal(err)
		}
		return srv
	}
	a, b := load("First"), load("Second")
	for target, field := range map[string]string{
		"/": "Author", "/faq": "Author", "/fit": "Questionnaire", "/embed/article?theme=dark": "Author",
		"/embed/fit?autoheight=1": "Questionnaire", "/nope": "Author",
	} {
		for srv, name := range map[*Server]string{a: "First", b: "Second"} {
			if page := do(srv, "GET", target).Body.String(); !strings.Contains(page, name+" "+field) {
				t.Errorf("%s: the page lacks its own server's %q", target, name+" "+field)
			}
		}
	}
}

func TestJSONLDParsesAndDescribesTheArticle(t *testing.T) {
	page := do(newTestServer(t), "GET", "/").Body.String()
	m := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
	}
	if ld["@type"] != "MedicalWebPage" || ld["author"].(map[string]any)["name"] != "Paulina Kaiser, MD" {
		t.Errorf("JSON-LD = %v", ld)
	}
	if _, ok := ld["lastReviewed"]; ok {
		t.Error("lastReviewed is set although the content gives no date")
	}
}

func TestForgedHostDoesNotChangeSEOFiles(t *testing.T) {
	srv := newTestServer(t, "-base-url", "https://therapy.example")
	first := do(srv, "GET", "http://evil.example/robots.txt").Body.String()
	sm := do(srv, "GET", "http://evil.example/sitemap.xml").Body.String()
	if strings.Contains(first+sm, "evil") {
		t.Errorf("forged host leaked into robots.txt or sitemap.xml:\n%s\n%s", first, sm)
	}
	if !strings.Contains(sm, "<loc>https://therapy.example/</loc>") {
		t.Errorf("sitemap lacks the home page:\n%s", sm)
	}
	if again := do(srv, "GET", "/robots.txt").Body.String(); again != first {
		t.Error("robots.txt changed between requests")
	}
}

func TestVersionIsStableAcrossRestarts(t *testing.T) {
	a, b := newTestServer(t), newTestServer(t)
	if a.Version() != b.Version() || len(a.Version()) != 16 {
		t.Errorf("versions %q and %q", a.Version(), b.Version())
	}
	c := newTestServer(t, "-booking-url", "https://book.example/")
	if c.Version() == a.Version() {
		t.Error("a configuration change the pages embed did not change the version")
	}
	js := do(a, "GET", "/app.js").Body.String()
	if !strings.Contains(js, a.Version()) {
		t.Error("app.js does not carry the derived version")
	}
}

func TestConditionalAndCompressedResponses(t *testing.T) {
	srv := newTestServer(t)
	w := do(srv, "GET", "/", "Accept-Encoding", "gzip")
	if w.Header().Get("Content-Encoding") != "gzip" || !strings.Contains(w.Header().Get("Vary"), "Accept-Encoding") {
		t.Errorf("headers = %v", w.Header())
	}
	etag := w.Header().Get("ETag")
	if w2 := do(srv, "GET", "/", "Accept-Encoding", "gzip", "If-None-Match", etag); w2.Code != 304 {
		t.Errorf("If-None-Match = %d, want 304", w2.Code)
	}
	for _, ae := range []string{"gzip;q=0", "br;q=abc, ;;;", "identity", "gzip;q=nope"} {
		if w := do(srv, "GET", "/", "Accept-Encoding", ae); w.Header().Get("Content-Encoding") != "" || w.Code != 200 {
			t.Errorf("Accept-Encoding %q: status %d, encoding %q", ae, w.Code, w.Header().Get("Content-Encoding"))
		}
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	srv := newTestServer(t)
	for _, p := range []string{"/", "/nope", "/web/app.css", "/healthz"} {
		h := do(srv, "GET", p).Header()
		if !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self' 'wasm-unsafe-eval'") ||
			strings.Contains(h.Get("Content-Security-Policy"), "unsafe-inline") ||
			h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v", p, h)
		}
	}
}

func TestFlags(t *testing.T) {
	env := map[string]string{"PORT": "9000", "BOOKING_URL": "https://book.example/x"}
	c, err := ParseFlags(nil, func(k string) string { return env[k] }, io.Discard)
	if err != nil || c.Addr != ":9000" || c.BookingURL != "https://book.example/x" {
		t.Errorf("env fallback: %+v %v", c, err)
	}
	c, err = ParseFlags([]string{"-addr", "127.0.0.1:1234", "-base-url", "https://a.example/"}, func(string) string { return "" }, io.Discard)
	if err != nil || c.Addr != "127.0.0.1:1234" || c.BaseURL != "https://a.example" {
		t.Errorf("flags: %+v %v", c, err)
	}
	for _, bad := range [][]string{{"-base-url", "javascript:alert(1)"}, {"-booking-url", "/relative"}, {"-nope"}, {"extra"}} {
		if _, err := ParseFlags(bad, func(string) string { return "" }, io.Discard); err == nil {
			t.Errorf("ParseFlags(%q) accepted", bad)
		}
	}
}

func TestMinifyCSSKeepsMeaning(t *testing.T) {
	in := "/* note */\n.a .b > .c:hover,\n.d { font: 1em \"Segoe  UI\", serif; content: \" (\" attr(href) \")\"; }\n@media (min-width: 40rem) {\n  .e::after { margin: 0 auto; }\n}\n"
	want := `.a .b>.c:hover,.d{font:1em "Segoe  UI",serif;content:" (" attr(href) ")";}@media (min-width:40rem){.e::after{margin:0 auto;}}`
	if got := string(minifyCSS([]byte(in))); got != want {
		t.Errorf("minifyCSS =\n%s\nwant\n%s", got, want)
	}
}

// go-app writes attributes in map order; two server starts must still serve
// the same bytes, or every restart (and every instance behind a load
// balancer) gives each page a new ETag and the static export never repeats.
func TestPagesAreTheSameAcrossRestarts(t *testing.T) {
	a, b := newTestServer(t), newTestServer(t)
	routes := []string{"/nope"}
	for _, r := range a.ui.Routes() {
		routes = append(routes, r.Path)
	}
	for _, route := range routes {
		wa, wb := do(a, "GET", route), do(b, "GET", route)
		if wa.Body.String() != wb.Body.String() {
			t.Errorf("%s: two starts served different pages", route)
		}
		if ea, eb := wa.Header().Get("ETag"), wb.Header().Get("ETag"); ea != eb {
			t.Errorf("%s: ETag %s, then %s", route, ea, eb)
		}
	}
}
