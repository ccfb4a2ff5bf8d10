//go:build !js

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"explainer/app/tools/chromium"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// codeCache visits route twice in one browser profile, starting the app
// each time and waiting for its mark of ready, then a few seconds for V8 to
// write its code cache, and records the second visit's trace. It prints
// the wasm events of that trace whose names speak of a cache (Chromium's
// v8.wasm.moduleCacheHit, v8.wasm.cachedModule, ...), and the time V8 spent
// compiling wasm functions on each visit.
func codeCache(chrome, base, route, jsFlags, probe string, settle time.Duration) error {
	dir, err := os.MkdirTemp("", "mountbench-cache-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	opts := chromium.Options(chrome, dir, 412, 823)
	if jsFlags != "" {
		opts = append(opts, chromedp.Flag("js-flags", jsFlags))
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 4*time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
		return err
	}
	var mu sync.Mutex
	var events []map[string]any
	done := make(chan struct{}, 1)
	if err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, raw := range e.Value {
				var m map[string]any
				if json.Unmarshal(raw, &m) == nil {
					events = append(events, m)
				}
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			done <- struct{}{}
		}
	}); err != nil {
		return err
	}
	for visit := 1; visit <= 3; visit++ {
		mu.Lock()
		events = nil
		mu.Unlock()
		if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
			TransferMode: tracing.StartTransferModeReportEvents,
			TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{
				"v8.wasm", "disabled-by-default-v8.wasm.detailed", "disabled-by-default-v8.wasm.turbofan", "v8", "devtools.timeline",
				// Chromium's wasm code cache events (v8.wasm.moduleCacheHit,
				// v8.wasm.cachedModule, ...) are in this category.
				"disabled-by-default-devtools.timeline",
			}},
		}); err != nil {
			return fmt.Errorf("starting the trace: %w", err)
		}
		if probe != "app" {
			// Only the compilation, on a page of the same origin that runs
			// no script of its own.
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"/robots.txt")); err != nil {
				return err
			}
			expr := fmt.Sprintf(compileOnly[probe], base+"/web/app.wasm", base+"/web/compile-worker.js")
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise)); err != nil {
				return fmt.Errorf("visit %d: compiling: %w", visit, err)
			}
		} else {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+route)); err != nil {
				return err
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](startGo)); err != nil {
				return err
			}
			if err := waitReady(ctx); err != nil {
				return fmt.Errorf("visit %d: %w", visit, err)
			}
		}
		time.Sleep(settle)
		if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
			return err
		}
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			return fmt.Errorf("the trace did not complete")
		}
		mu.Lock()
		report(visit, events)
		mu.Unlock()
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
			return err
		}
	}
	return nil
}

// compileOnly compiles the wasm as the page would by itself, or as
// web/compile-worker.js does for the page, without running it.
var compileOnly = map[string]string{
	"page": `WebAssembly.compileStreaming(fetch(%[1]q)).then(m => m instanceof WebAssembly.Module)`,
	"worker": `new Promise((resolve, reject) => {
  const url = %[1]q, w = new Worker(%[2]q);
  w.onmessage = (e) => { if (e.data.loaded !== undefined) return; w.terminate(); e.data.module ? resolve(true) : reject(new Error(e.data.error)); };
  w.postMessage({url, priority: "high", count: false});
})`,
}

func waitReady(ctx context.Context) error {
	deadline := time.Now().Add(90 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.getAttribute("data-app") === "ready"`))
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the app did not mark the page ready")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// report prints one visit's cache events and wasm compile time.
func report(visit int, events []map[string]any) {
	counts := map[string]int{}
	var compileMs float64
	for _, e := range events {
		name, _ := e["name"].(string)
		cat, _ := e["cat"].(string)
		if strings.HasPrefix(name, "v8.wasm.") {
			counts[name]++
			if args, ok := e["args"].(map[string]any); ok && len(args) > 0 && name != "v8.wasm.compileConsume" {
				b, _ := json.Marshal(args)
				counts[name+" "+string(b)]++
			}
			continue
		}
		if !strings.Contains(cat, "wasm") {
			continue
		}
		if strings.Contains(strings.ToLower(name), "cache") || strings.Contains(name, "TopTier") || strings.Contains(name, "Turbo") {
			counts[name]++
		}
		if strings.Contains(name, "Compile") || strings.Contains(name, "compile") {
			if d, ok := e["dur"].(float64); ok {
				compileMs += d / 1000
			}
			counts["(compile events) "+name]++
		}
	}
	var names []string
	for n := range counts {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Printf("visit %d: wasm compile events total %.0f ms (durations summed, all threads)\n", visit, compileMs)
	for _, n := range names {
		fmt.Printf("  %s ×%d\n", n, counts[n])
	}
}
