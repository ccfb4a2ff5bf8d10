//go:build !js

package server

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"explainer/app/site"
	"explainer/app/ui"
	"explainer/content"
	"explainer/web"

	"github.com/andybalholm/brotli"
)

func TestEveryResponseCarriesTheSecurityHeaders(t *testing.T) {
	srv := newTestServer(t, "-https")
	for _, tc := range []struct{ method, target string }{
		{"GET", "/"}, {"GET", "/faq"}, {"GET", "/nope"}, {"GET", "/web/app.css"}, {"GET", "/web/app.wasm"},
		{"GET", "/app.js"}, {"GET", "/app-worker.js"}, {"GET", "/healthz"}, {"GET", "/manifest.webmanifest"},
		{"POST", "/"}, {"GET", "/web/..%2fgo.mod"}, {"GET", "/" + strings.Repeat("a", 3000)},
	} {
		h := do(srv, tc.method, tc.target).Header()
		c := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self' 'sha256-", "frame-ancestors 'self'", "object-src 'none'"} {
			if !strings.Contains(c, want) {
				t.Errorf("%s %s: CSP lacks %q: %s", tc.method, tc.target, want, c)
			}
		}
		if strings.Contains(c, "unsafe-inline") || strings.Contains(c, "'unsafe-eval'") {
			t.Errorf("%s: CSP allows unsafe code: %s", tc.target, c)
		}
		for k, v := range map[string]string{
			"X-Content-Type-Options":     "nosniff",
			"Referrer-Policy":            "strict-origin-when-cross-origin",
			"Cross-Origin-Opener-Policy": "same-origin",
			"Strict-Transport-Security":  "max-age=31536000",
			"X-Frame-Options":            "SAMEORIGIN",
		} {
			if h.Get(k) != v {
				t.Errorf("%s %s: %s = %q, want %q", tc.method, tc.target, k, h.Get(k), v)
			}
		}
		if !strings.Contains(h.Get("Permissions-Policy"), "camera=()") {
			t.Errorf("%s: Permissions-Policy = %q", tc.target, h.Get("Permissions-Policy"))
		}
	}
	if h := do(newTestServer(t), "GET", "/").Header(); h.Get("Strict-Transport-Security") != "" {
		t.Error("HSTS sent without -https")
	}
}

func TestInlineStyleHashMatchesTheStylesheet(t *testing.T) {
	srv := newTestServer(t)
	w := do(srv, "GET", "/")
	page := w.Body.String()
	i, j := strings.Index(page, "<style>"), strings.Index(page, "</style>")
	if !strings.Contains(w.Header().Get("Content-Security-Policy"), styleHash([]byte(page[i+len("<style>"):j]))) {
		t.Error("the CSP does not allow the inline stylesheet by its hash")
	}
	if strings.Contains(page, " style=\"") {
		t.Error("a page has an inline style attribute, which the CSP blocks")
	}
}

func TestEmbedRoutesMayBeFramedByTheAllowList(t *testing.T) {
	any := newTestServer(t)
	if c := do(any, "GET", "/embed/fit").Header().Get("Content-Security-Policy"); !strings.Contains(c, "frame-ancestors *") {
		t.Errorf("default embed CSP = %s", c)
	}
	if xfo := do(any, "GET", "/embed/fit").Header().Get("X-Frame-Options"); xfo != "" {
		t.Errorf("embed route sends X-Frame-Options %q", xfo)
	}
	srv := newTestServer(t, "-embed-origins", "https://a.example https://B.example:8443")
	c := do(srv, "GET", "/embed/fit").Header().Get("Content-Security-Policy")
	if !strings.Contains(c, "frame-ancestors 'self' https://a.example https://b.example:8443") {
		t.Errorf("embed CSP = %s", c)
	}
	if c := do(srv, "GET", "/faq").Header().Get("Content-Security-Policy"); !strings.HasSuffix(c, "frame-ancestors 'self'") {
		t.Errorf("full page CSP = %s", c)
	}
	for _, bad := range []string{"a.example", "https://a.example/path", "javascript:alert(1)", "https://a.example'; script-src *", "https://u@a.example", "ftp://a.example"} {
		if _, err := ParseFlags([]string{"-embed-origins", bad}, func(string) string { return "" }, io.Discard); err == nil {
			t.Errorf("-embed-origins %q accepted", bad)
		}
	}
}

func TestEmbedScriptIsServedWhenPresent(t *testing.T) {
	mfs := fstest.MapFS{}
	fs.WalkDir(web.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && p != "embed.js" {
			b, _ := fs.ReadFile(web.FS, p)
			mfs[p] = &fstest.MapFile{Data: b}
		}
		return err
	})
	s, _ := site.Load(content.FS, ui.LinkTargets(), nil)
	without, err := New(Config{}, s, content.FS, mfs)
	if err != nil {
		t.Fatal(err)
	}
	if w := do(without, "GET", "/embed.js"); w.Code != 404 {
		t.Errorf("/embed.js without web/embed.js = %d", w.Code)
	}
	mfs["embed.js"] = &fstest.MapFile{Data: []byte("/* embed */ console.log('x');")}
	with, err := New(Config{}, s, content.FS, mfs)
	if err != nil {
		t.Fatal(err)
	}
	w := do(with, "GET", "/embed.js")
	if w.Code != 200 || w.Header().Get("Cache-Control") != "public, max-age=300" ||
		w.Header().Get("Cross-Origin-Resource-Policy") != "cross-origin" || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/javascript") {
		t.Errorf("/embed.js: %d %v", w.Code, w.Header())
	}
	if w := do(with, "GET", "/web/embed.js"); w.Code != 404 {
		t.Errorf("/web/embed.js = %d, want 404 (it lives at /embed.js)", w.Code)
	}
}

func TestCacheControlFitsEachKindOfResource(t *testing.T) {
	srv := newTestServer(t)
	for path, want := range map[string]string{
		"/": "no-cache", "/faq": "no-cache", "/app.js": "no-cache", "/app-worker.js": "no-cache", "/wasm_exec.js": "no-cache",
		"/web/app.wasm": "no-cache", "/manifest.webmanifest": "no-cache", "/web/icon-512.png": cacheStatic,
		"/robots.txt": cacheSEO, "/healthz": "no-store", "/nope": "no-cache",
	} {
		if got := do(srv, "GET", path).Header().Get("Cache-Control"); got != want {
			t.Errorf("%s: Cache-Control = %q, want %q", path, got, want)
		}
	}
}

func decode(t *testing.T, enc string, b []byte) []byte {
	t.Helper()
	var r io.Reader
	switch enc {
	case "br":
		r = brotli.NewReader(bytes.NewReader(b))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	default:
		return b
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestContentCodingIsNegotiated(t *testing.T) {
	srv := newTestServer(t)
	raw := do(srv, "GET", "/web/app.wasm").Body.Bytes()
	for _, tc := range []struct{ ae, want string }{
		{"gzip, deflate, br, zstd", "br"},
		{"br;q=0.5, gzip", "gzip"},
		{"gzip;q=0.5, br;q=0.9", "br"},
		{"br;q=0, gzip;q=0", ""},
		{"*", "br"},
		{"*;q=0", ""},
		{"identity", ""},
		{"", ""},
		{"BR", "br"},
		{"gzip;q=2", ""},
		{"br;q=abc, ;;;, gzip", "gzip"},
		{",,,;q=,=", ""},
		{strings.Repeat("x,", 1000) + "gzip", "gzip"},
	} {
		for _, p := range []string{"/", "/web/app.wasm", "/app.js"} {
			w := do(srv, "GET", p, "Accept-Encoding", tc.ae)
			if w.Code != 200 || w.Header().Get("Content-Encoding") != tc.want {
				t.Errorf("%s with Accept-Encoding %q: %d, coding %q, want %q", p, tc.ae, w.Code, w.Header().Get("Content-Encoding"), tc.want)
				continue
			}
			if vary := w.Header().Get("Vary"); !strings.HasPrefix(vary, "Accept-Encoding") {
				t.Errorf("%s: Vary = %q", p, vary)
			}
			if p == "/web/app.wasm" && !bytes.Equal(decode(t, tc.want, w.Body.Bytes()), raw) {
				t.Errorf("%s coded %q does not decode to the wasm", p, tc.want)
			}
		}
	}
}

// A request with Save-Data: on gets the page marked for boot.js to fetch
// nothing of the app until the reader uses it; any other value is ignored.
// Both variants say they vary on the header, so a cache keeps them apart.
func TestSaveDataSelectsTheLightPage(t *testing.T) {
	srv := newTestServer(t)
	for _, tc := range []struct {
		value string
		light bool
	}{
		{"", false}, {"on", true}, {"On", true}, {" on ", true}, {"off", false}, {"on, on", false}, {"1", false}, {"<img src=x>", false},
	} {
		for _, p := range []string{"/", "/faq", "/fit"} {
			var hdr []string
			if tc.value != "" {
				hdr = []string{"Save-Data", tc.value}
			}
			w := do(srv, "GET", p, hdr...)
			if w.Code != http.StatusOK {
				t.Fatalf("%s with Save-Data %q: status %d", p, tc.value, w.Code)
			}
			html := w.Body.String()
			open := html[strings.Index(html, "<html"):]
			open = open[:strings.Index(open, ">")]
			if got := strings.Contains(open, " data-save-data"); got != tc.light {
				t.Errorf("%s with Save-Data %q: <html> %s, light %v, want %v", p, tc.value, open, got, tc.light)
			}
			if tc.value == "<img src=x>" && strings.Contains(html, tc.value) {
				t.Errorf("%s: the Save-Data header reached the page", p)
			}
			if vary := w.Header().Get("Vary"); !strings.Contains(vary, "Save-Data") {
				t.Errorf("%s: Vary = %q, want Save-Data in it", p, vary)
			}
		}
	}
	// The two variants have their own validators.
	plain, light := do(srv, "GET", "/"), do(srv, "GET", "/", "Save-Data", "on")
	if plain.Header().Get("ETag") == light.Header().Get("ETag") {
		t.Error("the light page has the plain page's ETag")
	}
	if w := do(srv, "GET", "/", "Save-Data", "on", "If-None-Match", plain.Header().Get("ETag")); w.Code != http.StatusOK {
		t.Errorf("the plain page's ETag validated the light page: %d", w.Code)
	}
}

func TestETagsAnswerConditionalRequests(t *testing.T) {
	srv := newTestServer(t, "-base-url", "https://therapy.example")
	for _, p := range []string{"/", "/faq", "/web/app.wasm", "/web/app.css", "/web/icon.svg", "/app.js", "/wasm_exec.js", "/app-worker.js", "/manifest.webmanifest", "/robots.txt", "/sitemap.xml"} {
		etags := map[string]bool{}
		for _, ae := range []string{"", "gzip", "br"} {
			w := do(srv, "GET", p, "Accept-Encoding", ae)
			etag := w.Header().Get("ETag")
			if etag == "" || w.Code != 200 {
				t.Errorf("%s (%q): status %d, ETag %q", p, ae, w.Code, etag)
				continue
			}
			etags[etag] = true
			if w2 := do(srv, "GET", p, "Accept-Encoding", ae, "If-None-Match", etag); w2.Code != 304 || w2.Body.Len() != 0 {
				t.Errorf("%s (%q) If-None-Match: %d", p, ae, w2.Code)
			}
			if w2 := do(srv, "GET", p, "Accept-Encoding", ae, "If-None-Match", `"other", `+etag); w2.Code != 304 {
				t.Errorf("%s If-None-Match list: %d", p, w2.Code)
			}
			if w2 := do(srv, "GET", p, "Accept-Encoding", ae, "If-None-Match", `"stale"`); w2.Code != 200 {
				t.Errorf("%s stale If-None-Match: %d", p, w2.Code)
			}
		}
		if w := do(srv, "GET", p, "Accept-Encoding", "br"); w.Header().Get("Content-Encoding") != "" && len(etags) < 2 {
			t.Errorf("%s: coded variants share an ETag", p)
		}
	}
}

func TestRangeRequestsOnTheWasm(t *testing.T) {
	srv := newTestServer(t)
	raw := do(srv, "GET", "/web/app.wasm").Body.Bytes()
	n := len(raw)
	w := do(srv, "GET", "/web/app.wasm", "Range", "bytes=0-99", "Accept-Encoding", "br, gzip")
	if w.Code != 206 || w.Header().Get("Content-Encoding") != "" || !bytes.Equal(w.Body.Bytes(), raw[:100]) ||
		w.Header().Get("Content-Range") != fmt.Sprintf("bytes 0-99/%d", n) {
		t.Errorf("bytes=0-99: %d %v", w.Code, w.Header())
	}
	if w := do(srv, "GET", "/web/app.wasm", "Range", "bytes=-10"); w.Code != 206 || !bytes.Equal(w.Body.Bytes(), raw[n-10:]) {
		t.Errorf("suffix range: %d", w.Code)
	}
	for _, r := range []string{fmt.Sprintf("bytes=%d-", n), fmt.Sprintf("bytes=%d-%d", n+10, n+20)} {
		w := do(srv, "GET", "/web/app.wasm", "Range", r)
		if w.Code != 416 || w.Header().Get("Content-Range") != fmt.Sprintf("bytes */%d", n) {
			t.Errorf("Range %s: %d %q, want 416", r, w.Code, w.Header().Get("Content-Range"))
		}
	}
	if w := do(srv, "GET", "/web/app.wasm", "Range", "bytes=0-1,5-6"); w.Code != 206 || !strings.HasPrefix(w.Header().Get("Content-Type"), "multipart/byteranges") {
		t.Errorf("multi-range: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
	if w := do(srv, "GET", "/web/app.wasm", "Range", "pages=1"); w.Code != 200 || w.Body.Len() != n {
		t.Errorf("unknown range unit: %d", w.Code)
	}
}

func TestBadRequestsGetTheRightStatus(t *testing.T) {
	srv := newTestServer(t, "-base-url", "https://therapy.example")
	for _, tc := range []struct {
		method, target string
		status         int
	}{
		{"GET", "/web%2fapp.css", 404},
		{"GET", "/web/app.css%2f", 404},
		{"GET", "/web%5capp.css", 404},
		{"GET", "/web/..%5cgo.mod", 404},
		{"GET", "/web/./app.css", 404},
		{"GET", "//web/app.css", 404},
		{"GET", "/web/app.wasm.br", 404},
		{"GET", "/web/app-worker.js", 404},
		{"GET", "/faq/", 301},
		{"GET", "/" + strings.Repeat("x", maxURI), 414},
		{"OPTIONS", "/", 405},
		{"PATCH", "/faq", 405},
		{"CONNECT", "/", 405},
		{"TRACE", "/", 405},
	} {
		w := do(srv, tc.method, tc.target)
		if w.Code != tc.status {
			t.Errorf("%s %s = %d, want %d", tc.method, tc.target, w.Code, tc.status)
		}
		if tc.status == 405 && w.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow = %q", tc.method, w.Header().Get("Allow"))
		}
	}
	if w := do(srv, "GET", "/faq/?utm_source=x"); w.Header().Get("Location") != "/faq?utm_source=x" {
		t.Errorf("/faq/ redirects to %q", w.Header().Get("Location"))
	}
}

// startReal runs the server as Main does, on a loopback port.
func startReal(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := NewHTTPServer("127.0.0.1:0", h, slog.New(slog.DiscardHandler))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(limitListener(ln, maxConns))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

func rawRequest(t *testing.T, addr, req string) string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, req)
	line, _ := bufio.NewReader(c).ReadString('\n')
	return strings.TrimSpace(line)
}

func TestOverlongHeadersAndURLs(t *testing.T) {
	addr := startReal(t, newTestServer(t))
	if got := rawRequest(t, addr, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: "+strings.Repeat("a", 20<<10)+"\r\n\r\n"); !strings.Contains(got, "431") {
		t.Errorf("overlong header: %q, want 431", got)
	}
	if got := rawRequest(t, addr, "GET /"+strings.Repeat("a", 4000)+" HTTP/1.1\r\nHost: x\r\n\r\n"); !strings.Contains(got, "414") {
		t.Errorf("overlong URL: %q, want 414", got)
	}
	if got := rawRequest(t, addr, "GET /web/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"); !strings.Contains(got, "404") {
		t.Errorf("dot-dot request line: %q", got)
	}
	if got := rawRequest(t, addr, "GET / HTTP/1.1\r\nHost: evil.example\r\nAccept-Encoding: ;q=;;, br;q=x,,gzip;;q\r\n\r\n"); !strings.Contains(got, "200") {
		t.Errorf("malformed Accept-Encoding: %q", got)
	}
}

// TestSlowClientsAreCutOffAndABurstIsServed runs the server with the
// timeouts it has in production. The header timeout starts when a
// connection is accepted, for ordinary clients too: cut to a fraction of a
// second to make the test quick, it also cut off readers of the burst that
// a loaded machine had not yet let write their request (they saw EOF or a
// reset), so the test failed under load. With the real timeout an ordinary
// client has seconds to send a few hundred bytes, and the test waits that
// long for the slow connections to be closed.
func TestSlowClientsAreCutOffAndABurstIsServed(t *testing.T) {
	t.Parallel()
	timeout := NewHTTPServer("", http.NotFoundHandler(), slog.New(slog.DiscardHandler)).ReadHeaderTimeout
	addr := startReal(t, newTestServer(t))
	// Slowloris: connections that never finish their headers.
	var slow []net.Conn
	opened := time.Now()
	for i := 0; i < 100; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n")
		slow = append(slow, c)
	}
	// A burst of ordinary readers meanwhile.
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	client := &http.Client{Timeout: 30 * time.Second}
	for i := 0; i < 400; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := client.Get("http://" + addr + "/")
			if err != nil {
				errs <- err
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 {
				errs <- fmt.Errorf("status %d", res.StatusCode)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error("burst:", err)
	}
	// The slow connections are closed by the server once the header
	// timeout has passed (the margin is for a loaded machine).
	deadline := opened.Add(timeout + 10*time.Second)
	for _, c := range slow {
		c.SetReadDeadline(deadline)
		if _, err := c.Read(make([]byte, 512)); err == nil {
			// A 408 may be written before the close; the next read ends.
			if _, err := c.Read(make([]byte, 512)); err == nil {
				t.Error("a slow client's connection stayed open")
			}
		} else if ne, ok := err.(net.Error); ok && ne.Timeout() {
			t.Errorf("a slow client's connection stayed open %v after it was opened", time.Since(opened).Round(time.Second))
		}
		c.Close()
	}
}

func TestGoAppScriptsAreConfiguredForThisSite(t *testing.T) {
	srv := newTestServer(t)
	js := do(srv, "GET", "/app.js").Body.String()
	size := strconv.Itoa(len(do(srv, "GET", "/web/app.wasm").Body.Bytes()))
	if !strings.Contains(js, `goappWasmContentLength = "`+size+`"`) {
		t.Error("app.js lacks the wasm's uncompressed length, so progress would be wrong with compression")
	}
	worker := do(srv, "GET", "/app-worker.js").Body.String()
	for _, want := range []string{srv.Version(), `"/faq"`, `"/fit"`, `"/web/app.wasm"`, `"/app.js"`, "waitUntil", "skipWaiting"} {
		if !strings.Contains(worker, want) {
			t.Errorf("worker lacks %s", want)
		}
	}
	if strings.Contains(worker, "{{") || strings.Contains(worker, `"/app.css"`) {
		t.Error("worker has an unfilled placeholder or go-app's unserved /app.css")
	}
	for _, u := range srv.PrecacheURLs() {
		if w := do(srv, "GET", u); w.Code != 200 {
			t.Errorf("precached %s answers %d", u, w.Code)
		}
	}
}

func TestManifestHasWhatInstallingNeeds(t *testing.T) {
	m := do(newTestServer(t), "GET", "/manifest.webmanifest").Body.String()
	for _, want := range []string{`"id": "/"`, `"name"`, `"short_name"`, `"description"`, `"start_url": "/"`, `"scope": "/"`,
		`"display": "standalone"`, `"theme_color"`, `"background_color"`, `"192x192"`, `"512x512"`, `"maskable"`, `"image/svg+xml"`} {
		if !strings.Contains(m, want) {
			t.Errorf("manifest lacks %s", want)
		}
	}
}

func TestBasePathPrefixesEveryURL(t *testing.T) {
	srv := newTestServer(t, "-base-url", "https://example.org/explainer/")
	if srv.prefix != "/explainer" {
		t.Fatalf("prefix = %q", srv.prefix)
	}
	page := do(srv, "GET", "/explainer/faq").Body.String()
	for _, want := range []string{`href="/explainer/web/icon.svg"`, `"data-scripts":"/explainer/web/links.js /explainer/wasm_exec.js /explainer/app.js"`, `"src":"/explainer/web/boot.js"`, `href="/explainer/manifest.webmanifest"`, `href="/explainer/faq"`, `<link rel="canonical" href="https://example.org/explainer/faq">`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(page, `href="/web/`) || strings.Contains(page, `src="/web/`) || strings.Contains(page, `href="/faq"`) {
		t.Error("page has an unprefixed site URL")
	}
	if js := do(srv, "GET", "/explainer/app.js").Body.String(); !strings.Contains(js, `"/explainer/web/app.wasm"`) || !strings.Contains(js, `"/explainer/app-worker.js"`) {
		t.Error("app.js does not carry the base path")
	}
	if m := do(srv, "GET", "/explainer/manifest.webmanifest").Body.String(); !strings.Contains(m, `"start_url": "/explainer/"`) || !strings.Contains(m, `"/explainer/web/icon-192.png"`) {
		t.Errorf("manifest: %s", m)
	}
	if w := do(srv, "GET", "/explainer"); w.Code != 301 || w.Header().Get("Location") != "/explainer/" {
		t.Errorf("/explainer: %d %q", w.Code, w.Header().Get("Location"))
	}
	for _, p := range []string{"/", "/faq", "/web/app.css", "/explainerx/faq"} {
		if w := do(srv, "GET", p); w.Code != 404 {
			t.Errorf("%s outside the base path: %d", p, w.Code)
		}
	}
	if w := do(srv, "GET", "/healthz"); w.Code != 200 {
		t.Errorf("/healthz: %d", w.Code)
	}
	for _, bad := range [][]string{{"-base-path", "/a/../b"}, {"-base-path", "/a b"}, {"-base-url", "https://x.example/a", "-base-path", "/b"}} {
		if _, err := ParseFlags(bad, func(string) string { return "" }, io.Discard); err == nil {
			t.Errorf("ParseFlags(%q) accepted", bad)
		}
	}
}

func TestTLSFlags(t *testing.T) {
	c, err := ParseFlags([]string{"-tls-cert", "c.pem", "-tls-key", "k.pem"}, func(string) string { return "" }, io.Discard)
	if err != nil || !c.HTTPS {
		t.Errorf("TLS flags: %+v %v", c, err)
	}
	if _, err := ParseFlags([]string{"-tls-cert", "c.pem"}, func(string) string { return "" }, io.Discard); err == nil {
		t.Error("-tls-cert without -tls-key accepted")
	}
}

func TestExportIsCompleteWithHeaders(t *testing.T) {
	srv := newTestServer(t, "-base-url", "https://example.org", "-https", "-embed-origins", "https://a.example")
	dir := t.TempDir()
	if err := srv.Export(dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.html", "index.html.br", "index.html.gz", "faq.html", "fit.html", "404.html", "app.js", "app.js.br",
		"wasm_exec.js", "app-worker.js", "manifest.webmanifest", "robots.txt", "sitemap.xml", "web/app.wasm", "web/app.wasm.br",
		"web/app.wasm.gz", "web/icon-192.png", "web/icon-512.png", "web/icon.svg", "web/links.js", "_headers"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("export lacks %s", f)
		}
	}
	worker, _ := os.ReadFile(filepath.Join(dir, "app-worker.js"))
	if !strings.Contains(string(worker), `["/faq","/faq.html"]`) || !strings.Contains(string(worker), srv.Version()) {
		t.Error("exported worker does not fetch pages from their files")
	}
	hdr, _ := os.ReadFile(filepath.Join(dir, "_headers"))
	for _, want := range []string{"/*\n  X-Content-Type-Options: nosniff", "Strict-Transport-Security: max-age=31536000",
		"/faq\n  Content-Security-Policy: default-src 'self'", "frame-ancestors 'self' https://a.example", "/web/app.wasm\n  Cache-Control: no-cache"} {
		if !strings.Contains(string(hdr), want) {
			t.Errorf("_headers lacks %q", want)
		}
	}
}

// The wasm must not embed package web (which holds the previous wasm).
func TestWebAssemblyDoesNotLinkTheEmbeddedAssets(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	cmd := exec.Command("go", "list", "-deps", "../..")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal("go list failed:", err)
	}
	for _, l := range strings.Fields(string(out)) {
		if l == "explainer/web" || strings.Contains(l, "brotli") || l == "net/http/httptest" || l == "log/slog" || l == "html/template" || l == "text/template" {
			t.Errorf("the wasm build links %s", l)
		}
	}
}
