//go:build !js

package main

import (
	"context"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// A reader who only reads /: what it costs them. Two visits per run, each
// in a fresh browser, that load the page and do nothing:
//
//   - with Save-Data: on, every byte received in the 5 s after load, and
//     the wasm's (boot on intent should fetch none);
//   - without it, when the wasm's request starts against the load event
//     (it should start after it), and that Go is still not running once
//     the wasm has been fetched and compiled, and the longest task the
//     fetch and compile cost the page meanwhile.

// readerRun is one run's two read-only visits.
type readerRun struct {
	SaveDataBytes     int64  `json:"saveDataBytes"`
	SaveDataWasmBytes int64  `json:"saveDataWasmBytes"`
	SaveDataWasmReqs  int    `json:"saveDataWasmRequests"`
	SaveDataBoot      string `json:"saveDataBoot"`

	LoadMs          figure `json:"loadMs"`          // load event, ms since navigation
	WasmStartMs     figure `json:"wasmStartMs"`     // app.wasm's request, ms since navigation
	WasmAfterLoadMs figure `json:"wasmAfterLoadMs"` // WasmStartMs − LoadMs
	Boot            string `json:"boot"`            // data-boot at the end
	GoStarted       bool   `json:"goStarted"`       // data-app, or data-boot starting or ready
	// Long tasks after first paint until 2 s after the wasm was compiled:
	// what fetching and compiling in the background costs the reader.
	LongestTask figure `json:"longestTaskMs"`
	Blocking    figure `json:"blockingMs"`
}

// requestClock notes, in CDP's monotonic seconds, when the document's and
// app.wasm's requests start and when the load event fires.
type requestClock struct {
	mu                  sync.Mutex
	doc, wasm, loadTime float64
}

func (rc *requestClock) on(ev any) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		ts := float64(ev.Timestamp)
		switch {
		case ev.Type == network.ResourceTypeDocument && rc.doc == 0:
			rc.doc = ts
		case isWasm(ev.Request.URL) && rc.wasm == 0:
			rc.wasm = ts
		}
	case *page.EventLoadEventFired:
		if rc.loadTime == 0 {
			rc.loadTime = float64(ev.Timestamp)
		}
	}
}

func isWasm(url string) bool { return strings.HasSuffix(strings.SplitN(url, "?", 2)[0], "/app.wasm") }

// measureReader runs the two read-only visits of url.
func measureReader(ctx context.Context, chrome, url string, prof profile) (readerRun, error) {
	var r readerRun
	if err := saveDataVisit(ctx, chrome, url, prof, &r); err != nil {
		return r, fmt.Errorf("Save-Data visit: %w", err)
	}
	if err := plainReadVisit(ctx, chrome, url, prof, &r); err != nil {
		return r, fmt.Errorf("read-only visit: %w", err)
	}
	return r, nil
}

func saveDataVisit(ctx context.Context, chrome, url string, prof profile, r *readerRun) error {
	t, err := openTab(ctx, chrome, "read", "", prof)
	if err != nil {
		return err
	}
	defer t.close()
	if _, err := chromedp.Call(t.ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Save-Data": "on"}}); err != nil {
		return err
	}
	if err := navigate(t.ctx, url); err != nil {
		return err
	}
	if err := waitFor(t.ctx, `window.__bench && window.__bench.load !== null`, 2*time.Minute); err != nil {
		return err
	}
	time.Sleep(5 * time.Second) // anything that comes late
	js, err := pageFigures(t.ctx)
	if err != nil {
		return err
	}
	t.c.mu.Lock()
	r.SaveDataBytes, r.SaveDataWasmBytes, r.SaveDataWasmReqs = t.c.v.Bytes, t.c.v.WasmBytes, len(t.c.wasmReqs)
	t.c.mu.Unlock()
	r.SaveDataBoot = js.lastBoot()
	return nil
}

func plainReadVisit(ctx context.Context, chrome, url string, prof profile, r *readerRun) error {
	t, err := openTab(ctx, chrome, "read", "", prof)
	if err != nil {
		return err
	}
	defer t.close()
	rc := &requestClock{}
	if err := chromedp.Listen(t.ctx, rc.on); err != nil {
		return err
	}
	if err := navigate(t.ctx, url); err != nil {
		return err
	}
	if err := waitFor(t.ctx, `window.__bench && window.__bench.load !== null`, 2*time.Minute); err != nil {
		return err
	}
	// The wasm comes after load, at low priority: wait until it has been
	// compiled (or failed), then a little longer, to see that nothing
	// starts Go.
	waitFor(t.ctx, `["compiled", "failed", "starting", "ready"].includes(document.documentElement.getAttribute("data-boot"))`, 30*time.Second)
	time.Sleep(2 * time.Second)
	state, err := chromedp.Run(t.ctx, chromedp.Evaluate[[]string](`[document.documentElement.getAttribute("data-boot") || "", document.documentElement.getAttribute("data-app") || ""]`))
	if err != nil {
		return err
	}
	r.Boot = state[0]
	js, err := pageFigures(t.ctx)
	if err != nil {
		return err
	}
	longest, total := blocking(js.LongTasks, val(js.FCP))
	r.LongestTask, r.Blocking = figure(longest), figure(total)
	r.GoStarted = state[1] != "" || state[0] == "starting" || state[0] == "ready"
	rc.mu.Lock()
	defer rc.mu.Unlock()
	r.LoadMs, r.WasmStartMs, r.WasmAfterLoadMs = nan(), nan(), nan()
	if rc.doc > 0 && rc.loadTime > 0 {
		r.LoadMs = figure((rc.loadTime - rc.doc) * 1000)
	}
	if rc.doc > 0 && rc.wasm > 0 {
		r.WasmStartMs = figure((rc.wasm - rc.doc) * 1000)
	}
	if rc.wasm > 0 && rc.loadTime > 0 {
		r.WasmAfterLoadMs = figure((rc.wasm - rc.loadTime) * 1000)
	}
	return nil
}

func nan() figure { return figure(math.NaN()) }
