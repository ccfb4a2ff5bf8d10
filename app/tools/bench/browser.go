//go:build !js

package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"explainer/app/tools/chromium"
	"fmt"
	"math"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

//go:embed metrics.js
var metricsJS string

// profile is the emulated phone and network.
type profile struct {
	Width       int     `json:"width"`
	Height      int     `json:"height"`
	Scale       float64 `json:"deviceScaleFactor"`
	CPUSlowdown float64 `json:"cpuSlowdown"`
	LatencyMs   float64 `json:"latencyMs"`
	DownBits    float64 `json:"downloadBitsPerSecond"`
	UpBits      float64 `json:"uploadBitsPerSecond"`
}

var mobile = profile{Width: 412, Height: 823, Scale: 1.75, CPUSlowdown: 4, LatencyMs: 150, DownBits: 1.6e6, UpBits: 750e3}

// visit is what one page load measured. Times are milliseconds from the
// start of navigation; NaN means the figure never came.
type visit struct {
	FCP           figure `json:"fcpMs"`
	OnTop         figure `json:"onTopMs"`   // first frame with the paragraph visible and on top
	Visible       figure `json:"visibleMs"` // the later of onTop and FCP: text cannot be seen before it is painted
	LCP           figure `json:"lcpMs"`
	CLS           figure `json:"cls"`
	CLSAfterReady figure `json:"clsAfterReady"`
	Load          figure `json:"loadMs"`
	Ready         figure `json:"readyMs"`
	Interactive   figure `json:"interactiveMs"`
	// Long tasks after first contentful paint, measured under the
	// profile's real CPU throttling: the longest, and the blocking time
	// (the sum of each one's excess over 50 ms, as in Total Blocking Time).
	LongestTask figure `json:"longestTaskMs"`
	Blocking    figure `json:"blockingMs"`

	// Bytes and WorkerBytes are CDP's counts (headers included) with the
	// wasm's replaced by the link's count of its body bytes: the page's
	// and the service worker's sessions do not see the dedicated worker
	// that fetches the wasm, the link sees every fetch (wasmlog.go).
	Bytes       int64  `json:"bytes"`       // encoded bytes received, page and workers
	WorkerBytes int64  `json:"workerBytes"` // of which by workers
	Requests    int    `json:"requests"`    // CDP's: without the dedicated worker's
	DocEncoding string `json:"docEncoding"`
	// The wasm as the link saw it: requests that reached it, from the page
	// or any worker (one the service worker or the HTTP cache answered
	// without revalidating did not), their body bytes, and their encoding.
	// A fetch still running when the visit's figures are read (on / the
	// wasm comes after load, in the background) counts the bytes passed.
	WasmEncoding    string  `json:"wasmEncoding"`
	WasmBytes       int64   `json:"wasmBytes"`
	WasmNetwork     int     `json:"wasmNetworkRequests"`
	WasmRevalidated int     `json:"wasmRevalidations"`     // of which answered 304
	WasmFromSW      bool    `json:"wasmFromServiceWorker"` // the page's session saw a response from the service worker (CDP)
	Controlled      bool    `json:"controlled"`            // a service worker controlled the page
	WorkersSeen     int     `json:"workersWatched"`
	WorkerWasmMs    float64 `json:"workerWasmMs,omitempty"` // how long a worker's own fetch of app.wasm took (the service worker's: a revalidation, as it registers after the page has the wasm)
	WorkerProblem   string  `json:"workerProblem,omitempty"`
	Boot            string  `json:"boot,omitempty"` // the last data-boot state seen
	Failed          bool    `json:"failed,omitempty"`
}

// run is one cold visit in a fresh profile, and for the app's /fit the
// repeat visit that follows it in the same profile.
type run struct {
	Cold   visit  `json:"cold"`
	Repeat *visit `json:"repeat,omitempty"`
}

// mode tells metrics.js what "done" means: "static" for the baselines,
// "read" for a read-only visit of the app, "fit" for the questionnaire
// answering script clicks, "drive" for a page the bench drives itself.
type mode string

// counters collects network figures from the page and worker sessions,
// from since on; the wasm's are read from the link's log (wasmlog.go).
type counters struct {
	mu         sync.Mutex
	v          visit
	since      time.Time
	wasmReqs   map[network.RequestID]bool
	swWasm     map[string]float64 // worker request id → start, seconds
	pageWasm   int64              // the wasm's bytes CDP saw on the page
	workerWasm int64              // and on the workers' sessions
	workers    map[target.SessionID]bool
}

func (c *counters) reset() {
	c.mu.Lock()
	c.v = visit{}
	c.since = time.Now()
	c.wasmReqs = map[network.RequestID]bool{}
	c.swWasm = map[string]float64{}
	c.pageWasm, c.workerWasm = 0, 0
	c.mu.Unlock()
}

// snapshot returns the figures so far for a visit of pageURL, with the
// wasm's as its linked server saw them since the last reset, and the
// tally they came from.
func (c *counters) snapshot(pageURL string) (visit, wasmTally) {
	c.mu.Lock()
	v, since, pageWasm, workerWasm := c.v, c.since, c.pageWasm, c.workerWasm
	c.mu.Unlock()
	t := tally(wasmRequests.window(originOf(pageURL), since, time.Now()))
	return withLinkWasm(v, pageWasm, workerWasm, t), t
}

// withLinkWasm replaces CDP's wasm figures in v with the link's: the
// wasm's bytes CDP saw on the page and the workers come out of the totals,
// the link's go in, and those the page did not see count as a worker's.
func withLinkWasm(v visit, pageWasm, workerWasm int64, t wasmTally) visit {
	v.Bytes += t.Bytes - pageWasm - workerWasm
	v.WorkerBytes += max(0, t.Bytes-pageWasm) - workerWasm
	v.WasmBytes, v.WasmNetwork, v.WasmRevalidated, v.WasmEncoding = t.Bytes, t.Requests, t.Revalidated, t.Encoding
	return v
}

// originOf is scheme://host of a URL, as serveLinked names its server.
func originOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Scheme + "://" + p.Host
}

func (c *counters) onPageEvent(ev any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventResponseReceived:
		r := ev.Response
		if ev.Type == network.ResourceTypeDocument {
			c.v.DocEncoding = header(r.Headers, "content-encoding")
		}
		if isWasm(r.URL) {
			c.wasmReqs[ev.RequestID] = true
			c.v.WasmFromSW = c.v.WasmFromSW || r.FromServiceWorker
		}
	case *network.EventLoadingFinished:
		c.v.Bytes += int64(ev.EncodedDataLength)
		c.v.Requests++
		if c.wasmReqs[ev.RequestID] {
			c.pageWasm += int64(ev.EncodedDataLength)
		}
	}
}

func header(h network.Headers, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return fmt.Sprint(v)
		}
	}
	return ""
}

// workerMessage is a protocol message from a worker session, relayed by the
// browser session (the worker sessions are not flattened, so chromedp, which
// routes only the sessions it made, passes them on as browser events).
type workerMessage struct {
	ID     int64           `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error"`
}

func (c *counters) onWorkerMessage(raw string) {
	var m workerMessage
	if json.Unmarshal([]byte(raw), &m) != nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if m.Error != nil {
		c.v.WorkerProblem = m.Error.Message
	}
	switch m.Method {
	case "Network.requestWillBeSent":
		var p struct {
			RequestID string               `json:"requestId"`
			Timestamp float64              `json:"timestamp"`
			Request   struct{ URL string } `json:"request"`
		}
		json.Unmarshal(m.Params, &p)
		if isWasm(p.Request.URL) {
			c.swWasm[p.RequestID] = p.Timestamp
		}
	case "Network.loadingFinished":
		var p struct {
			RequestID         string  `json:"requestId"`
			Timestamp         float64 `json:"timestamp"`
			EncodedDataLength float64 `json:"encodedDataLength"`
		}
		json.Unmarshal(m.Params, &p)
		if t0, ok := c.swWasm[p.RequestID]; ok {
			c.v.WorkerWasmMs = (p.Timestamp - t0) * 1000
			c.workerWasm += int64(p.EncodedDataLength)
		}
		c.v.Bytes += int64(p.EncodedDataLength)
		c.v.WorkerBytes += int64(p.EncodedDataLength)
		c.v.Requests++
	}
}

// tab is one fresh browser with the profile applied and metrics.js
// injected into every document; close ends it and removes its profile.
type tab struct {
	ctx   context.Context
	c     *counters
	close func()
}

// openTab starts Chromium with a fresh profile, the phone's viewport and
// CPU slowdown, the network and worker watchers, and metrics.js in mode md.
func openTab(parent context.Context, chrome string, md mode, needle string, prof profile) (*tab, error) {
	dir, err := os.MkdirTemp("", "bench-profile-")
	if err != nil {
		return nil, err
	}
	actx, cancelA := chromedp.NewExecAllocator(parent, chromium.Options(chrome, dir, prof.Width, prof.Height)...)
	// Detaching the worker sessions that chromedp never knew makes it log
	// that their executor does not exist; that is expected here.
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithErrorf(func(format string, args ...any) {
		if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "doesn't exist") {
			logf("chromedp: %s", msg)
		}
	}))
	t := &tab{ctx: ctx, c: &counters{workers: map[target.SessionID]bool{}}, close: func() {
		cancel()
		cancelA()
		os.RemoveAll(dir)
	}}
	if err := t.setUp(md, needle, prof); err != nil {
		t.close()
		return nil, err
	}
	return t, nil
}

func (t *tab) setUp(md mode, needle string, prof profile) error {
	ctx, c := t.ctx, t.c
	if err := chromedp.Do(ctx); err != nil {
		return fmt.Errorf("starting Chromium: %w", err)
	}
	c.reset()
	if err := watchWorkers(ctx, c); err != nil {
		return err
	}
	if err := chromedp.Listen(ctx, c.onPageEvent); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: prof.CPUSlowdown}); err != nil {
		return fmt.Errorf("CPU throttling: %w", err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(prof.Width), int64(prof.Height), chromedp.EmulateScale(prof.Scale), chromedp.EmulateMobile)); err != nil {
		return err
	}
	cfg, _ := json.Marshal(map[string]string{"mode": string(md), "needle": needle})
	src := strings.Replace(metricsJS, "__BENCH_CONFIG__", string(cfg), 1)
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
	return err
}

// measure runs one fresh browser: a cold visit of url, and with repeat a
// second visit once the service worker is active.
func measure(parent context.Context, chrome, url string, md mode, needle string, prof profile, repeat bool) (run, error) {
	t, err := openTab(parent, chrome, md, needle, prof)
	if err != nil {
		return run{}, err
	}
	defer t.close()
	ctx, c := t.ctx, t.c
	var r run
	if r.Cold, err = loadOnce(ctx, c, url); err != nil {
		return r, fmt.Errorf("cold visit: %w", err)
	}
	if !repeat {
		return r, nil
	}
	if err := prepareRepeat(ctx); err != nil {
		return r, err
	}
	c.reset()
	v, err := loadOnce(ctx, c, url)
	if err != nil {
		return r, fmt.Errorf("repeat visit: %w", err)
	}
	r.Repeat = &v
	return r, nil
}

// prepareRepeat waits for the service worker and forgets the tab's
// session, so that the next visit is a reader's return.
func prepareRepeat(ctx context.Context) error {
	if err := waitServiceWorker(ctx); err != nil {
		return err
	}
	return chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`sessionStorage.clear()`))
}

// watchWorkers makes the browser pause every service worker and shared
// worker as it starts, enables its network events, then lets it run: the
// page's session does not see a worker's requests, so without this the
// service worker's copy of the wasm would go uncounted. (The network itself
// is emulated at the server, for workers too: see link.go.)
//
// The browser pauses a worker only for a flat auto-attached session, and
// chromedp drops the messages of sessions it did not open itself. So a
// second, non-flat session is opened on the paused worker (its messages
// travel inside browser-level events that chromedp passes on), its network
// events are enabled there, and then the flat session is detached, which
// releases the pause.
func watchWorkers(ctx context.Context, c *counters) error {
	type attach struct {
		flat target.SessionID
		id   target.ID
	}
	attached := make(chan attach, 16)
	err := chromedp.ListenBrowser(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *target.EventAttachedToTarget:
			if t := ev.TargetInfo.Type; (t == "service_worker" || t == "shared_worker") && ev.WaitingForDebugger {
				select {
				case attached <- attach{ev.SessionID, ev.TargetInfo.TargetID}:
				default:
				}
			}
		case *target.EventReceivedMessageFromTarget:
			c.onWorkerMessage(ev.Message)
		}
	})
	if err != nil {
		return err
	}
	browser := chromedp.FromContext(ctx).Browser
	problem := func(err error) {
		c.mu.Lock()
		c.v.WorkerProblem = err.Error()
		c.mu.Unlock()
	}
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case a := <-attached:
				var res struct {
					SessionID target.SessionID `json:"sessionId"`
				}
				if err := browser.Call(ctx, "Target.attachToTarget", map[string]any{"targetId": a.id, "flatten": false}, &res); err != nil {
					problem(err)
				} else {
					for _, msg := range []string{
						`{"id":1,"method":"Network.enable","params":{}}`,
						`{"id":2,"method":"Runtime.runIfWaitingForDebugger","params":{}}`,
					} {
						if err := browser.Call(ctx, "Target.sendMessageToTarget", map[string]any{"sessionId": res.SessionID, "message": msg}, nil); err != nil {
							problem(err)
						}
					}
					c.mu.Lock()
					c.workers[res.SessionID] = true
					c.v.WorkersSeen++
					c.mu.Unlock()
				}
				if err := browser.Call(ctx, "Target.detachFromTarget", map[string]any{"sessionId": a.flat}, nil); err != nil {
					problem(err)
				}
			}
		}
	}()
	yes := true
	_, err = chromedp.CallBrowser(ctx, target.SetAutoAttach, target.SetAutoAttachParams{
		AutoAttach:             true,
		WaitForDebuggerOnStart: true,
		Flatten:                &yes,
		Filter: target.Filter{
			{Type: "service_worker"},
			{Type: "shared_worker"},
			{Exclude: true},
		},
	})
	if err != nil {
		return fmt.Errorf("attaching to workers: %w", err)
	}
	return nil
}

// loadOnce navigates and waits until metrics.js says it has every figure,
// then a little longer for late layout shifts and paints.
func loadOnce(ctx context.Context, c *counters, url string) (visit, error) {
	tctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(url)); err != nil {
		return visit{}, err
	}
	_, err := chromedp.Run(tctx, chromedp.Poll[chromedp.Void](`window.__bench && window.__bench.done`,
		chromedp.WithPollingTimeout(2*time.Minute), chromedp.WithPollingInterval(100*time.Millisecond)))
	if err != nil {
		partial, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(window.__bench || null)`))
		return visit{}, fmt.Errorf("waiting for the page's figures (so far %s): %w", partial, err)
	}
	time.Sleep(1500 * time.Millisecond)
	js, err := pageFigures(tctx)
	if err != nil {
		return visit{}, err
	}
	v, _ := c.snapshot(url)
	v.FCP, v.LCP, v.OnTop = figure(val(js.FCP)), figure(val(js.LCP)), figure(val(js.OnTop))
	v.Load, v.Ready, v.Interactive = figure(val(js.Load)), figure(val(js.Ready)), figure(val(js.Interactive))
	v.CLS, v.CLSAfterReady, v.Controlled = figure(js.CLS), figure(js.ClsAfterReady), js.Controlled
	v.Boot, v.Failed = js.lastBoot(), js.Failed
	v.Visible = figure(math.Max(float64(v.OnTop), float64(v.FCP))) // NaN if either is
	longest, total := blocking(js.LongTasks, float64(v.FCP))
	v.LongestTask, v.Blocking = figure(longest), figure(total)
	return v, nil
}

// blocking sums the long tasks (start, duration) that end after fcp the
// way Total Blocking Time does, and returns the longest of them too.
func blocking(tasks [][2]float64, fcp float64) (longest, total float64) {
	for _, t := range tasks {
		if math.IsNaN(fcp) || t[0]+t[1] <= fcp {
			continue
		}
		longest = math.Max(longest, t[1])
		total += math.Max(0, t[1]-50)
	}
	return longest, total
}

// figures is what metrics.js recorded on the page (window.__bench).
type figures struct {
	FCP, LCP, OnTop, Load, Ready, Interactive, Answered, FirstTap *float64
	CLS, ClsAfterReady                                            float64
	Controlled, Failed                                            bool
	TimeOrigin                                                    float64 // performance.timeOrigin, epoch ms
	LongTasks                                                     [][2]float64
	Boot                                                          [][2]json.RawMessage // [state, ms]
	Events                                                        []eventEntry
	NextPresses                                                   []float64
	NextPressBoot                                                 []string // data-boot at each press
	Error                                                         string
}

// eventEntry is one Event Timing entry.
type eventEntry struct {
	Name            string  `json:"name"`
	EntryType       string  `json:"entryType"`
	Start           float64 `json:"start"`
	ProcessingStart float64 `json:"processingStart"`
	ProcessingEnd   float64 `json:"processingEnd"`
	Duration        float64 `json:"duration"`
	Target          string  `json:"target"`
}

func (f figures) lastBoot() string {
	if len(f.Boot) == 0 {
		return ""
	}
	var s string
	json.Unmarshal(f.Boot[len(f.Boot)-1][0], &s)
	return s
}

// bootAt returns the data-boot state at page time t ("none" before
// boot.js set one).
func (f figures) bootAt(t float64) string {
	state := "none"
	for _, b := range f.Boot {
		var s string
		var at float64
		if json.Unmarshal(b[0], &s) != nil || json.Unmarshal(b[1], &at) != nil || at > t {
			break
		}
		state = s
	}
	return state
}

// pageFigures reads window.__bench, and whether a service worker
// controls the page.
func pageFigures(ctx context.Context) (figures, error) {
	var js figures
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(Object.assign({}, window.__bench, {controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller), timeOrigin: performance.timeOrigin}))`))
	if err != nil {
		return js, err
	}
	err = json.Unmarshal([]byte(raw), &js)
	return js, err
}

func val(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

// waitServiceWorker waits until a service worker is installed and active,
// so that the next visit is served by it.
func waitServiceWorker(ctx context.Context) error {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`navigator.serviceWorker ? navigator.serviceWorker.getRegistration().then(r => !!(r && r.active && r.active.state === "activated" && !r.installing && !r.waiting)) : false`, chromedp.EvalAwaitPromise))
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		time.Sleep(250 * time.Millisecond)
	}
	return errors.New("no service worker became active within two minutes")
}
