//go:build !js

package browsertest

import (
	"context"
	"encoding/json"
	"explainer/app/tools/chromium"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// testSite is the real server on a loopback port.
type testSite struct {
	URL  string
	gate chan struct{} // closed to let held-back downloads through
	once sync.Once

	mu   sync.Mutex
	seen map[string][]time.Time // path → when the server received each request for it
}

// requested returns when the server received each request for path, from
// the page or any of its workers (the wasm is fetched by a worker, whose
// requests the page's DevTools session does not see).
func (s *testSite) requested(path string) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.seen[path]...)
}

// siteOption changes how startSite runs the server.
type siteOption func(*siteConfig)

type siteConfig struct {
	holdWasm    bool
	holdScripts bool
}

// holdingWasm makes /web/app.wasm wait until release is called, to see the
// page as a reader on a slow network sees it before the app arrives.
func holdingWasm() siteOption { return func(c *siteConfig) { c.holdWasm = true } }

// holdingScripts makes every script and the wasm wait until release is
// called: on a slow network the page's text arrives and is painted long
// before any of them.
func holdingScripts() siteOption {
	return func(c *siteConfig) { c.holdWasm, c.holdScripts = true, true }
}

func startSite(t *testing.T, opts ...siteOption) *testSite {
	t.Helper()
	var c siteConfig
	for _, o := range opts {
		o(&c)
	}
	h := newHandler(t)
	ts := &testSite{gate: make(chan struct{}), seen: map[string][]time.Time{}}
	if !c.holdWasm {
		ts.release()
	}
	held := func(p string) bool {
		return p == "/web/app.wasm" || c.holdScripts && strings.HasSuffix(p, ".js")
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ts.mu.Lock()
		ts.seen[r.URL.Path] = append(ts.seen[r.URL.Path], time.Now())
		ts.mu.Unlock()
		if held(r.URL.Path) {
			select {
			case <-ts.gate:
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { ts.release(); srv.Close() })
	ts.URL = srv.URL
	return ts
}

// release lets the held-back downloads go on.
func (s *testSite) release() { s.once.Do(func() { close(s.gate) }) }

// chromium finds the browser, or skips (fails under CI) when there is none.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := chromium.Find(); p != "" {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium not found: CI must install it (apt-get install -y chromium); set CHROME_PATH for another path")
	}
	t.Skip("browser test skipped: no Chromium found (apt-get install -y chromium, or set CHROME_PATH)")
	return ""
}

// browser is one tab, in a browser context of its own, of the Chromium the
// package's tests share. It records console
// errors, uncaught exceptions and requests to other origins, and fails the
// test on any of them when the test ends.
type browser struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	problems []string
	requests []string
	sent     []sentRequest                         // the same requests, with when and why
	allowed  []string                              // substrings of console messages the test expects
	contexts map[string]runtime.ExecutionContextID // frame id → its page's JavaScript context
}

func newBrowser(t *testing.T, width, height int) *browser {
	t.Helper()
	path := chromiumPath(t)
	// A tab is opened in the shared Chromium; if that Chromium has died or
	// did not start (now and then, on a loaded machine), sharedChromium
	// starts a fresh one and the tab is tried again before the test gives up.
	var b *browser
	var err error
	for try := 0; try < 3; try++ {
		if b, err = openTab(t, path); err == nil {
			break
		}
		t.Logf("no tab in Chromium (try %d): %v", try+1, err)
	}
	if err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	if _, err := chromedp.Call(b.ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(b.ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.EmulateViewport(int64(width), int64(height)))
	t.Cleanup(b.report)
	return b
}

// testTimeout bounds one browser's life in a test. It is a guard against
// a hung page, not a measure of speed: tests run side by side on a shared
// machine, so it is generous.
const testTimeout = 3 * time.Minute

// openTab opens a tab in a browser context of its own (Chromium's
// incognito kind: its own cookies, storage, HTTP cache and service
// workers), in the Chromium the package's tests share, and listens to it.
// Starting a Chromium costs seconds; a browser context costs milliseconds
// and isolates a test from the others as well as a fresh profile did.
func openTab(t *testing.T, path string) (*browser, error) {
	parent, err := sharedChromium(path)
	if err != nil {
		return nil, err
	}
	ctx, cancelC := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	ctx, cancelT := context.WithTimeout(ctx, testTimeout)
	stop := func() {
		cancelT()
		cancelC()
	}
	b := &browser{t: t, ctx: ctx}
	if err := chromedp.Listen(ctx, b.onEvent); err != nil {
		stop()
		return nil, err
	}
	t.Cleanup(stop)
	return b, nil
}

// chromiumShared is the one Chromium the package's tests share, started on
// first use and closed by TestMain.
var chromiumShared struct {
	sync.Mutex
	ctx    context.Context // a chromedp context holding the browser
	cancel func()
	dir    string // its profile
}

// sharedChromium returns the shared browser's context, starting Chromium
// when there is none or the last one has died.
func sharedChromium(path string) (context.Context, error) {
	s := &chromiumShared
	s.Lock()
	defer s.Unlock()
	if s.ctx != nil && s.ctx.Err() == nil {
		return s.ctx, nil
	}
	stopChromiumLocked()
	dir, err := os.MkdirTemp("", "browsertest-")
	if err != nil {
		return nil, err
	}
	// The window is the largest viewport any test uses; each tab sets its
	// own viewport.
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), chromium.Options(path, dir, 1280, 900)...)
	ctx, cancelC := chromedp.NewContext(actx)
	s.ctx, s.dir = ctx, dir
	s.cancel = func() {
		cancelC()
		cancelA()
	}
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		stopChromiumLocked()
		return nil, err
	}
	return ctx, nil
}

// closeChromium closes the shared browser.
func closeChromium() {
	chromiumShared.Lock()
	defer chromiumShared.Unlock()
	stopChromiumLocked()
}

func stopChromiumLocked() {
	s := &chromiumShared
	if s.cancel != nil {
		s.cancel()
		os.RemoveAll(s.dir)
	}
	s.ctx, s.cancel, s.dir = nil, nil, ""
}

// TestMain closes the shared Chromium once every test has run.
func TestMain(m *testing.M) {
	code := m.Run()
	closeChromium()
	os.Exit(code)
}

func (b *browser) onEvent(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if os.Getenv("BROWSER_LOG") != "" {
			for _, a := range ev.Args {
				b.t.Log("console:", string(a.Value), a.Description)
			}
		}
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			b.problems = append(b.problems, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		b.problems = append(b.problems, "exception: "+ev.ExceptionDetails.Text+" "+describe(ev.ExceptionDetails.Exception))
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError {
			b.problems = append(b.problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
		r := sentRequest{url: ev.Request.URL, typ: ev.Type, wall: time.UnixMicro(int64(ev.WallTime.Float64() * 1e6))}
		if ev.Initiator != nil {
			r.initiator = ev.Initiator.Type
		}
		b.sent = append(b.sent, r)
	case *runtime.EventExecutionContextCreated:
		var aux struct {
			FrameID   string `json:"frameId"`
			IsDefault bool   `json:"isDefault"`
		}
		if json.Unmarshal(ev.Context.AuxData, &aux) == nil && aux.IsDefault {
			if b.contexts == nil {
				b.contexts = map[string]runtime.ExecutionContextID{}
			}
			b.contexts[aux.FrameID] = ev.Context.ID
		}
	}
}

// frameContext finds the JavaScript context of the iframe whose URL
// contains urlPart, for evaluating inside a cross-origin frame.
func (b *browser) frameContext(urlPart string) (runtime.ExecutionContextID, bool) {
	b.t.Helper()
	tree, err := chromedp.Call(b.ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		b.t.Fatal(err)
	}
	var walk func(*page.FrameTree) string
	walk = func(ft *page.FrameTree) string {
		if ft.Frame.ParentID != "" && strings.Contains(ft.Frame.URL, urlPart) {
			return string(ft.Frame.ID)
		}
		for _, c := range ft.ChildFrames {
			if id := walk(c); id != "" {
				return id
			}
		}
		return ""
	}
	id := walk(tree.FrameTree)
	b.mu.Lock()
	defer b.mu.Unlock()
	c, ok := b.contexts[id]
	return c, ok && id != ""
}

// evalIn evaluates expr inside the iframe whose URL contains urlPart.
func evalIn[T any](b *browser, urlPart, expr string) T {
	b.t.Helper()
	id, ok := b.frameContext(urlPart)
	if !ok {
		b.t.Fatalf("no frame with a URL containing %q", urlPart)
	}
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise, func(p *runtime.EvaluateParams) { p.ContextID = id }))
	if err != nil {
		b.t.Fatalf("evaluating in %s: %s: %v", urlPart, expr, err)
	}
	return v
}

func describe(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	return o.Description
}

// allow accepts console errors containing s (for example the 404 of a
// deliberately missing page).
func (b *browser) allow(s string) {
	b.mu.Lock()
	b.allowed = append(b.allowed, s)
	b.mu.Unlock()
}

// report fails the test on console errors and on any request that left the
// site's origin.
func (b *browser) report() {
	b.mu.Lock()
	defer b.mu.Unlock()
next:
	for _, p := range b.problems {
		for _, a := range b.allowed {
			if strings.Contains(p, a) {
				continue next
			}
		}
		b.t.Errorf("browser reported: %s", p)
	}
	for _, r := range b.requests {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Scheme != "blob" && u.Hostname() != "127.0.0.1") {
			b.t.Errorf("request to another origin: %s", r)
		}
	}
}

// sentRequest is one request as the browser reported it: its URL, when it
// was sent by the browser's clock (not when the test heard of it), what
// kind of resource it is and what started it.
type sentRequest struct {
	url       string
	wall      time.Time
	typ       network.ResourceType
	initiator network.InitiatorType
}

// requestsSince returns the requests the browser sent at or after t, by
// the browser's own timestamps, so a request whose event reaches the test
// late still counts. It first lets the events of a just-finished action
// arrive.
func (b *browser) requestsSince(t time.Time) []sentRequest {
	b.t.Helper()
	b.run(sleep(500))
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []sentRequest
	for _, r := range b.sent {
		if !r.wall.Before(t) {
			out = append(out, r)
		}
	}
	return out
}

// pageClock is the browser's wall clock now, as the page reads it.
func pageClock(b *browser) time.Time {
	b.t.Helper()
	ms := eval[float64](b, `performance.timeOrigin + performance.now()`)
	return time.UnixMicro(int64(ms * 1000))
}

// requestsMatching returns the requests made so far whose URL contains s.
func (b *browser) requestsMatching(s string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, r := range b.requests {
		if strings.Contains(r, s) {
			out = append(out, r)
		}
	}
	return out
}

// run runs actions, failing the test on error.
func (b *browser) run(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression into T.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript predicate until it is true.
func (b *browser) waitFor(what, predicate string) {
	b.t.Helper()
	var err error
	// A document replaced while polling (a navigation the page made
	// itself) ends the poll with its context; the new document is polled.
	for try := 0; try < 3; try++ {
		_, err = chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingTimeout(45*time.Second), chromedp.WithPollingInterval(25*time.Millisecond)))
		if err == nil || !strings.Contains(err.Error(), "Cannot find context") && !strings.Contains(err.Error(), "context was destroyed") &&
			!strings.Contains(err.Error(), "target navigated or closed") {
			break
		}
	}
	if err != nil {
		b.t.Fatalf("waiting for %s (%s): %v", what, predicate, err)
	}
}

// open navigates and waits for the document to be parsed.
func (b *browser) open(u string) {
	b.t.Helper()
	b.run(chromedp.Navigate(u))
	b.waitFor("the document", `document.readyState !== "loading"`)
}

// waitApp starts the WebAssembly app, as a reader's intent would (the
// page starts it only then, web/boot.js), and waits for it to mount.
func (b *browser) waitApp() {
	b.t.Helper()
	b.waitFor("boot.js", `!!window.explainerBoot`)
	eval[bool](b, `explainerBoot.start().catch(() => {}), true`)
	b.waitFor("the app to mount", `document.documentElement.dataset.app === "ready"`)
}

// onTop reports whether the element matched by selector is painted and is
// the topmost element at its centre: the check that catches text hidden
// under an overlay, which paint metrics count as painted.
func onTop(b *browser, selector string) bool {
	b.t.Helper()
	return eval[bool](b, fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		if (!el) return false;
		el.scrollIntoView({block: "center", behavior: "instant"});
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) return false;
		const hit = document.elementFromPoint(r.left + Math.min(20, r.width / 2), r.top + r.height / 2);
		return hit !== null && (hit === el || el.contains(hit));
	})()`, selector))
}
