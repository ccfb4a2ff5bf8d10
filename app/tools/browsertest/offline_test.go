//go:build !js

package browsertest

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"explainer/app/server"
	"explainer/app/site"
	"explainer/app/ui"
	"explainer/content"
	"explainer/web"

	"github.com/chromedp/chromedp"
)

// liveServer is a server on a real loopback listener that a test can stop
// outright (CDP's offline emulation does not cover the service worker's own
// fetches, so only a stopped server proves the site works offline) and
// start again on the same port.
type liveServer struct {
	URL  string
	addr string
	srv  *http.Server
}

func serveOn(t *testing.T, addr string, h http.Handler) *liveServer {
	t.Helper()
	var ln net.Listener
	var err error
	for i := 0; i < 50; i++ { // the port may linger for a moment after a stop
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	s := &liveServer{addr: ln.Addr().String(), srv: &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}}
	s.URL = "http://" + s.addr
	go s.srv.Serve(ln)
	t.Cleanup(s.stop)
	return s
}

// stop closes the listener and every connection.
func (s *liveServer) stop() { s.srv.Close() }

func newHandler(t *testing.T, args ...string) *server.Server {
	t.Helper()
	if _, err := web.FS.Open("app.wasm"); err != nil {
		t.Fatal("web/app.wasm is missing: build it first with `make wasm` (make test does)")
	}
	cfg, err := server.ParseFlags(args, func(string) string { return "" }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(content.FS, ui.LinkTargets(), nil)
	if err != nil {
		t.Fatal(err)
	}
	h, err := server.New(cfg, s, content.FS, web.FS)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// waitAsync polls an async JavaScript predicate (one that returns a
// promise) until it resolves to true.
func (b *browser) waitAsync(what, expr string) {
	b.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if eval[bool](b, expr) {
			return
		}
		b.run(sleep(100))
	}
	b.t.Fatalf("timed out waiting for %s", what)
}

// waitThroughNavigation polls a predicate across a navigation the page
// starts itself, when an evaluation may hit the page being replaced.
func (b *browser) waitThroughNavigation(what, expr string) {
	b.t.Helper()
	deadline := time.Now().Add(45 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		b.run(sleep(100))
	}
	b.t.Fatalf("timed out waiting for %s", what)
}

// waitInstalled waits until the service worker controls the page and its
// cache holds every precached URL.
func (b *browser) waitInstalled(precache []string) {
	b.t.Helper()
	want, _ := json.Marshal(precache)
	b.waitFor("the service worker to control the page", `navigator.serviceWorker.controller !== null`)
	b.waitAsync("the cache to hold every precached URL", fmt.Sprintf(`(async () => {
		const want = %s;
		for (const k of await caches.keys()) {
			if (!k.startsWith("explainer:")) continue;
			const got = new Set((await (await caches.open(k)).keys()).map(r => new URL(r.url).pathname));
			if (want.every(u => got.has(u))) return true;
		}
		return false;
	})()`, want))
}

// cacheNames lists the worker's caches.
func cacheNames(b *browser) []string {
	return eval[[]string](b, `caches.keys().then(ks => ks.filter(k => k.startsWith("explainer:")))`)
}

// pageH1 loads u as a fresh navigation, waits for the app, and returns the
// h1's text.
func pageH1(b *browser, u string) string {
	b.t.Helper()
	b.open(u)
	b.waitApp()
	return eval[string](b, `(document.querySelector("h1") || {}).textContent || ""`)
}

// checkOfflineRoutes stops the site and loads every route fresh, with and
// without a query string, checking each renders its own heading with the
// app running, and that the questionnaire takes an answer.
func checkOfflineRoutes(t *testing.T, b *browser, base string, stop func(), routes map[string]string) {
	b.allow("ERR_CONNECTION_REFUSED")
	b.allow("Failed to fetch")
	b.allow("app-worker.js")
	stop()
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Fatal("the server still answers after stop")
	}
	for route, h1 := range routes {
		for _, q := range []string{"", "?utm_source=x"} {
			if got := pageH1(b, base+route+q); got != h1 {
				t.Errorf("offline %s%s: h1 = %q, want %q", route, q, got, h1)
			}
		}
	}
	// The questionnaire works offline: answer one statement if the page
	// offers one (its UI is being built alongside).
	b.open(base + "/fit")
	b.waitApp()
	if eval[bool](b, `document.querySelector("#main input[type=radio]") !== null`) {
		b.run(clickJS(`#main input[type=radio][value="4"]`))
		b.waitFor("the answer to be taken and kept on the device", `document.querySelector('#main input[type=radio][value="4"]').checked && /=4/.test(sessionStorage.getItem("explainer.fit.v1") || "")`)
	} else if eval[bool](b, `document.querySelector("#main a.button[href$='/fit'], #main button") !== null`) {
		b.run(clickJS(`#main button, #main a.button`))
		b.run(sleep(200))
	}
	t.Logf("offline: %d routes loaded fresh, with and without a query string, after the server stopped", len(routes))
}

// routeHeadings loads every route online and records its h1.
func routeHeadings(b *browser, base string) map[string]string {
	out := map[string]string{}
	s, err := site.Load(content.FS, ui.LinkTargets(), nil)
	if err != nil {
		b.t.Fatal(err)
	}
	for _, r := range ui.New(s, ui.Config{}).Routes() {
		out[r.Path] = pageH1(b, base+r.Path)
	}
	return out
}

func TestOfflineEveryRouteAfterTheServerStops(t *testing.T) {
	t.Parallel()
	h := newHandler(t)
	s := serveOn(t, "127.0.0.1:0", h)
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	b.waitApp()
	b.waitInstalled(h.PrecacheURLs())
	if label := eval[string](b, `(document.querySelector("#app-wasm-loader-label") || {}).textContent || "gone"`); label != "gone" {
		t.Errorf("loader still shows %q", label)
	}
	headings := routeHeadings(b, s.URL)
	checkOfflineRoutes(t, b, s.URL, s.stop, headings)
	if !eval[bool](b, `document.querySelector(".banner-offline") === null || navigator.onLine === false`) {
		t.Error("the offline banner shows while the browser is online")
	}
}

// A reader who only reads the home page never starts the app, yet the
// worker precaches the wasm and every page after the load event, so every
// route, the questionnaire included, works offline on the next visit.
func TestOfflineAfterAFirstVisitThatOnlyRead(t *testing.T) {
	t.Parallel()
	h := newHandler(t)
	s := serveOn(t, "127.0.0.1:0", h)
	// The routes' headings, from the server's prerendered pages.
	st, err := site.Load(content.FS, ui.LinkTargets(), nil)
	if err != nil {
		t.Fatal(err)
	}
	headings := map[string]string{}
	for _, r := range ui.New(st, ui.Config{}).Routes() {
		headings[r.Path] = prerenderedH1(t, s.URL+r.Path)
	}
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	b.waitInstalled(h.PrecacheURLs())
	if state := eval[string](b, `document.documentElement.dataset.boot + "/" + (document.documentElement.dataset.app || "")`); state != "compiled/" {
		t.Errorf("after reading only, the boot state is %q, want the wasm compiled and the app not started (compiled/)", state)
	}
	checkOfflineRoutes(t, b, s.URL, s.stop, headings)
}

// prerenderedH1 fetches u and returns the text of its first <h1>.
func prerenderedH1(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	m := h1Pattern.FindSubmatch(body)
	if m == nil {
		t.Fatalf("%s: no <h1> in the server's page", u)
	}
	return html.UnescapeString(tagPattern.ReplaceAllString(string(m[1]), ""))
}

var (
	h1Pattern  = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	tagPattern = regexp.MustCompile(`<[^>]+>`)
)

func TestOfflineBannerWhenTheDeviceGoesOffline(t *testing.T) {
	t.Parallel()
	s := serveOn(t, "127.0.0.1:0", newHandler(t))
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	b.waitApp()
	if eval[bool](b, `document.querySelector(".banner-offline") !== null`) {
		t.Fatal("offline banner shown while online")
	}
	eval[bool](b, `(dispatchEvent(new Event("offline")), true)`)
	b.waitFor("the offline banner", `document.querySelector(".status-banners .banner-offline") !== null`)
	// The page keeps room under its last line while the notice floats
	// there: scrolled to the end, the footer's last line is above it.
	b.run(sleep(100))
	if !eval[bool](b, `(() => {
		window.scrollTo(0, document.documentElement.scrollHeight);
		const last = document.querySelector(".site-footer").lastElementChild.getBoundingClientRect();
		return last.bottom <= document.querySelector(".banner-offline").getBoundingClientRect().top;
	})()`) {
		t.Error("the offline notice covers the end of the page")
	}
	eval[bool](b, `(dispatchEvent(new Event("online")), true)`)
	b.waitFor("the offline banner to go", `document.querySelector(".banner-offline") === null`)
}

func TestUpdateBannerReloadsToTheNewVersion(t *testing.T) {
	t.Parallel()
	old := newHandler(t)
	s := serveOn(t, "127.0.0.1:0", old)
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	b.waitApp()
	b.waitInstalled(old.PrecacheURLs())

	s.stop()
	const booking = "https://book.example/new-version"
	next := newHandler(t, "-booking-url", booking)
	if next.Version() == old.Version() {
		t.Fatal("the new configuration did not change the version")
	}
	s2 := serveOn(t, s.addr, next)
	b.open(s2.URL + "/")
	b.waitApp()
	b.waitFor("the update banner", `document.querySelector(".banner-update button") !== null`)
	if eval[bool](b, fmt.Sprintf(`document.body.innerHTML.includes(%q)`, booking)) {
		t.Error("the new version showed before the reader chose to reload")
	}
	b.run(clickJS(".banner-update button"))
	b.waitThroughNavigation("the new version after Reload", fmt.Sprintf(`document.body.innerHTML.includes(%q)`, booking))
	if names := cacheNames(b); len(names) != 1 || !strings.HasSuffix(names[0], next.Version()) {
		t.Errorf("caches after the update = %v, want only the new version's", names)
	}
}

// A reader who only reads never starts the app, and still learns of a new
// version: boot.js shows the same banner until the app runs.
func TestUpdateBannerShowsBeforeTheAppStarts(t *testing.T) {
	t.Parallel()
	old := newHandler(t)
	s := serveOn(t, "127.0.0.1:0", old)
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	b.waitInstalled(old.PrecacheURLs())

	s.stop()
	const booking = "https://book.example/new-version"
	s2 := serveOn(t, s.addr, newHandler(t, "-booking-url", booking))
	b.open(s2.URL + "/")
	b.waitFor("the update banner", `document.querySelector(".banner-update button") !== null`)
	if eval[bool](b, `document.documentElement.dataset.app === "ready"`) {
		t.Error("the app started on a page the reader only read")
	}
	if eval[bool](b, fmt.Sprintf(`document.body.innerHTML.includes(%q)`, booking)) {
		t.Error("the new version showed before the reader chose to reload")
	}
	b.tap(".banner-update button")
	b.waitThroughNavigation("the new version after Reload", fmt.Sprintf(`document.body.innerHTML.includes(%q)`, booking))
}

// abortWasm serves h but cuts /web/app.wasm off halfway, as a dropped
// connection would.
func abortWasm(h http.Handler, hits *atomic.Int32) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/web/app.wasm" {
			h.ServeHTTP(w, r)
			return
		}
		hits.Add(1)
		w.Header().Set("Content-Type", "application/wasm")
		w.Header().Set("Content-Length", "9000000")
		w.WriteHeader(http.StatusOK)
		w.Write(make([]byte, 100_000))
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler)
	})
}

func TestInterruptedUpdateLeavesTheOldVersionWorkingOffline(t *testing.T) {
	t.Parallel()
	old := newHandler(t)
	s := serveOn(t, "127.0.0.1:0", old)
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	b.waitApp()
	b.waitInstalled(old.PrecacheURLs())
	headings := routeHeadings(b, s.URL)

	s.stop()
	var hits atomic.Int32
	s2 := serveOn(t, s.addr, abortWasm(newHandler(t, "-booking-url", "https://book.example/broken"), &hits))
	b.allow("precaching")
	b.allow("app-worker.js")
	b.open(s2.URL + "/")
	b.waitApp()
	// The navigation made the browser check the worker script; wait until
	// the new worker has tried the wasm and its install has ended.
	for i := 0; hits.Load() == 0; i++ {
		if i == 300 {
			t.Fatal("the new worker never tried to download the wasm")
		}
		b.run(sleep(100))
	}
	b.waitAsync("no worker installing", `navigator.serviceWorker.getRegistration().then(r => !r.installing && !r.waiting)`)
	if names := cacheNames(b); len(names) != 1 || !strings.HasSuffix(names[0], old.Version()) {
		t.Fatalf("caches after the failed update = %v, want only the old version's", names)
	}
	if eval[bool](b, `document.querySelector(".banner-update") !== null`) {
		t.Error("the update banner showed for an update that failed")
	}
	b.waitInstalled(old.PrecacheURLs())
	checkOfflineRoutes(t, b, s2.URL, s2.stop, headings)
}

// On a first visit, installing the service worker downloads every page,
// stylesheet and icon. Those downloads wait until the wasm has arrived, so
// they do not share a slow link with it while the reader waits for the
// questionnaire; once the wasm is compiled, the worker is registered and
// installs.
func TestServiceWorkerIsRegisteredOnlyAfterTheWasmArrives(t *testing.T) {
	t.Parallel()
	s := startSite(t, holdingWasm())
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	deadline := time.Now().Add(30 * time.Second)
	for len(s.requested("/web/app.wasm")) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the wasm was never requested")
		}
		b.run(sleep(100))
	}
	b.run(sleep(1000)) // time for a registration that should not happen
	if eval[bool](b, `navigator.serviceWorker.getRegistration().then(r => !!r)`) || len(s.requested("/app-worker.js")) > 0 {
		t.Fatal("the service worker was registered while the wasm was still downloading")
	}
	s.release()
	b.waitApp()
	b.waitFor("the service worker to control the page", `navigator.serviceWorker.controller !== null`)
}
