//go:build !js

// Command mountbench measures what mounting a page costs the app in the
// browser, with its static blocks (the article's text with its "In short"
// boxes, the FAQ answers; see package ui, static.go) mounted as one HTML
// string each, against the same page mounted node by node.
//
// go-app creates every element and attribute through syscall/js, one call
// into JavaScript each. For each route and mode it opens a fresh Chromium at
// 4x CPU slowdown on a phone's viewport, counts the calls the wasm makes
// into JavaScript (by wrapping the Go runtime's imports) and times go.run
// to the page's data-app="ready" mark, which follows the first mount.
// "node by node" removes the data-static marks from the prerendered page
// before the app starts, so the app builds those blocks as it does when
// no prerendered copy exists. Each figure is the median and range of -runs.
//
// Run it against a built server (make build):
//
//	go run ./app/tools/mountbench -runs 5 [-server bin/explainer] [-url http://...]
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"

	"explainer/app/tools/chromium"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// probe wraps the Go runtime's imports as wasm_exec.js defines the Go
// class, counts the syscall/js calls from go.run on, and records when the
// app marks the page ready. With strip it removes the static blocks' marks
// before any script of the page reads them.
const probe = `(() => {
  const m = window.__mount = {calls: 0, start: 0, ready: 0, callsAtReady: 0, strip: __STRIP__};
  let G;
  Object.defineProperty(globalThis, "Go", {configurable: true, get() { return G; }, set(Base) {
    G = class extends Base {
      constructor() {
        super();
        const imp = this.importObject.gojs;
        for (const k of Object.keys(imp)) {
          if (!k.startsWith("syscall/js.")) continue;
          const f = imp[k];
          imp[k] = (sp) => { m.calls++; return f(sp); };
        }
      }
      run(inst) { m.start = performance.now(); m.calls = 0; return super.run(inst); }
    };
  }});
  new MutationObserver(() => {
    if (!m.ready && document.documentElement.getAttribute("data-app") === "ready") {
      m.ready = performance.now();
      m.callsAtReady = m.calls;
    }
  }).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-app"]});
  if (m.strip) {
    document.addEventListener("readystatechange", () => {
      for (const el of document.querySelectorAll("[data-static]")) el.removeAttribute("data-static");
    }, {once: true});
  }
})()`

// startGo asks boot.js to start the app as a reader's first touch of a
// control that needs it would; /fit starts it on load by itself.
const startGo = `(() => {
  const el = document.querySelector("[data-needs-app]");
  if (el) el.dispatchEvent(new PointerEvent("pointerdown", {bubbles: true}));
  return !!el;
})()`

type sample struct {
	Calls, Ms, Static float64
}

func main() {
	runs := flag.Int("runs", 5, "fresh browsers per route and mode")
	server := flag.String("server", "bin/explainer", "the built server")
	base := flag.String("url", "", "an app already serving (default: start -server on a free port)")
	routes := flag.String("routes", "/,/faq", "comma-separated routes")
	cache := flag.String("codecache", "", "instead, visit this route three times in one profile and report V8's wasm code cache events")
	jsFlags := flag.String("js-flags", "", "V8 flags for -codecache, e.g. --wasm-caching-threshold=0 to see whether caching works at all")
	probe := flag.String("probe", "app", "with -codecache: app (start the app on the route), page (only compile the wasm on a page) or worker (only compile it in web/compile-worker.js)")
	flag.Parse()
	chrome := chromium.Find()
	if chrome == "" {
		fail(fmt.Errorf("no Chromium found"))
	}
	if *base == "" {
		u, stop, err := startServer(*server)
		if err != nil {
			fail(err)
		}
		defer stop()
		*base = u
	}
	if *cache != "" {
		if err := codeCache(chrome, *base, *cache, *jsFlags, *probe, 8*time.Second); err != nil {
			fail(err)
		}
		return
	}
	fmt.Printf("route\tmode\tjs calls (median, range)\tgo.run→ready ms at 4x CPU (median, range)\tstatic blocks\n")
	for _, route := range strings.Split(*routes, ",") {
		for _, strip := range []bool{false, true} {
			var ss []sample
			for i := 0; i < *runs; i++ {
				s, err := once(chrome, *base+route, strip)
				if err != nil {
					fail(fmt.Errorf("%s: %w", route, err))
				}
				ss = append(ss, s)
			}
			mode := "static blocks as HTML"
			if strip {
				mode = "node by node"
			}
			fmt.Printf("%s\t%s\t%s\t%s\t%.0f\n", route, mode,
				stat(ss, func(s sample) float64 { return s.Calls }, "%.0f"),
				stat(ss, func(s sample) float64 { return s.Ms }, "%.0f"), ss[0].Static)
		}
	}
}

func once(chrome, url string, strip bool) (sample, error) {
	dir, err := os.MkdirTemp("", "mountbench-")
	if err != nil {
		return sample{}, err
	}
	defer os.RemoveAll(dir)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), chromium.Options(chrome, dir, 412, 823)...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	defer cancelT()
	src := strings.Replace(probe, "__STRIP__", fmt.Sprint(strip), 1)
	var s sample
	if err := chromedp.Do(ctx); err != nil {
		return s, fmt.Errorf("starting Chromium: %w", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		return s, err
	}
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
		return s, err
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(412, 823, chromedp.EmulateMobile), chromedp.Navigate(url)); err != nil {
		return s, err
	}
	if s.Static, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelectorAll("[data-static]").length`)); err != nil {
		return s, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](startGo)); err != nil {
		return s, err
	}
	deadline := time.Now().Add(80 * time.Second)
	for {
		ready, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__mount.ready > 0`))
		if err != nil {
			return s, err
		}
		if ready {
			break
		}
		if time.Now().After(deadline) {
			return s, fmt.Errorf("the app did not mark the page ready")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if s.Calls, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__mount.callsAtReady`)); err != nil {
		return s, err
	}
	if s.Ms, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__mount.ready - window.__mount.start`)); err != nil {
		return s, err
	}
	return s, nil
}

func stat(ss []sample, f func(sample) float64, format string) string {
	var v []float64
	for _, s := range ss {
		v = append(v, f(s))
	}
	sort.Float64s(v)
	return fmt.Sprintf(format+" ("+format+"–"+format+")", v[len(v)/2], v[0], v[len(v)-1])
}

func startServer(bin string) (string, func(), error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(bin, "-addr", addr)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	stop := func() { cmd.Process.Kill(); cmd.Wait() }
	for i := 0; i < 100; i++ {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return "http://" + addr, stop, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	stop()
	return "", nil, fmt.Errorf("%s did not start listening on %s", bin, addr)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mountbench:", err)
	os.Exit(1)
}
