//go:build !js

package main

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
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
//
// boot.js has a dedicated worker fetch and compile the wasm, out of sight
// of the page's CDP session, so the wasm's requests are those the emulated
// link saw (wasmlog.go), and when the first arrived is put on the page's
// clock with performance.timeOrigin.

// readerRun is one run's two read-only visits.
type readerRun struct {
	SaveDataBytes     int64  `json:"saveDataBytes"`
	SaveDataWasmBytes int64  `json:"saveDataWasmBytes"`
	SaveDataWasmReqs  int    `json:"saveDataWasmRequests"`
	SaveDataBoot      string `json:"saveDataBoot"`

	LoadMs          figure `json:"loadMs"`          // load event, ms since navigation
	WasmStartMs     figure `json:"wasmStartMs"`     // app.wasm's first request reached the link, ms since navigation
	WasmAfterLoadMs figure `json:"wasmAfterLoadMs"` // WasmStartMs − LoadMs
	Boot            string `json:"boot"`            // data-boot at the end
	GoStarted       bool   `json:"goStarted"`       // data-app, or data-boot starting or ready
	// Long tasks after first paint until 2 s after the wasm was compiled:
	// what fetching and compiling in the background costs the reader.
	LongestTask figure `json:"longestTaskMs"`
	Blocking    figure `json:"blockingMs"`
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
	v, _ := t.c.snapshot(url)
	r.SaveDataBytes, r.SaveDataWasmBytes, r.SaveDataWasmReqs = v.Bytes, v.WasmBytes, v.WasmNetwork
	r.SaveDataBoot = js.lastBoot()
	return nil
}

func plainReadVisit(ctx context.Context, chrome, url string, prof profile, r *readerRun) error {
	t, err := openTab(ctx, chrome, "read", "", prof)
	if err != nil {
		return err
	}
	defer t.close()
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
	_, wasm := t.c.snapshot(url)
	r.LoadMs = figure(val(js.Load))
	r.WasmStartMs = sinceNavigation(wasm.First, js.TimeOrigin)
	r.WasmAfterLoadMs = figure(float64(r.WasmStartMs) - float64(r.LoadMs)) // NaN if either is
	return nil
}

func nan() figure { return figure(math.NaN()) }
