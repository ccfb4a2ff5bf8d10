//go:build !js

// Command bench measures what a reader on a slow phone network gets from the
// explainer, side by side with a static baseline: the same article as one
// plain HTML page, the physical limit for reading. It drives Chromium with a
// mobile profile over several cold runs, prints a table of medians and
// ranges with each figure's ratio to the baseline, the wasm's size and where
// its bytes go, and Lighthouse's scores, and writes it all as JSON to
// bench-results/. It asserts nothing: it is a measurement, not a test.
//
// Run it from the repository root after make build (make bench does both):
//
//	go run ./app/bench [-runs 3] [-lighthouse=false]
package main

import (
	"context"
	"encoding/json"
	"explainer/app/chromium"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
)

type options struct {
	runs       int
	root       string
	server     string
	chrome     string
	lighthouse string
	skipLH     bool
	out        string
	serve      bool
}

// results is what one run of the benchmark writes as JSON.
type results struct {
	Time       time.Time          `json:"time"`
	LoadBefore string             `json:"loadAverageBefore"`
	LoadAfter  string             `json:"loadAverageAfter"`
	Runs       int                `json:"runs"`
	Profile    profile            `json:"profile"`
	Wasm       wasmSizes          `json:"wasm"`
	FloorMs    float64            `json:"floorMs"`
	Breakdown  breakdown          `json:"breakdown"`
	Visits     map[string][]run   `json:"visits"` // by target: baseline, /, /fit
	Table      []row              `json:"table"`
	Lighthouse []lighthouseResult `json:"lighthouse,omitempty"`
	Problems   []string           `json:"problems,omitempty"`
}

func main() {
	var o options
	flag.IntVar(&o.runs, "runs", 3, "cold runs per target")
	flag.StringVar(&o.root, "root", ".", "repository root")
	flag.StringVar(&o.server, "server", "bin/explainer", "the built server (make build)")
	flag.StringVar(&o.chrome, "chrome", "", "Chromium (default $CHROME_PATH, then /usr/bin/chromium)")
	flag.StringVar(&o.lighthouse, "lighthouse", ".tools/lighthouse/node_modules/.bin/lighthouse", "Lighthouse CLI (make bench-tools)")
	flag.BoolVar(&o.skipLH, "no-lighthouse", false, "skip Lighthouse")
	flag.StringVar(&o.out, "out", "bench-results", "directory for the JSON results")
	flag.BoolVar(&o.serve, "serve", false, "only serve the baseline and the app over the emulated link, to look at them with DevTools (CPU not throttled)")
	flag.Parse()
	if err := bench(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func bench(o options) error {
	ctx := context.Background()
	chrome := findChrome(o.chrome)
	if chrome == "" {
		return fmt.Errorf("no Chromium: apt-get install -y chromium, or pass -chrome")
	}
	res := results{Time: time.Now().UTC(), LoadBefore: loadAverage(), Runs: o.runs, Profile: mobile, Visits: map[string][]run{}}
	start := time.Now()

	// Sizes first: compressing and building use the CPU the browser runs
	// would otherwise share.
	var err error
	if !o.serve {
		if res.Wasm, err = measureWasm(filepath.Join(o.root, "web", "app.wasm")); err != nil {
			return fmt.Errorf("web/app.wasm: %w (run make build)", err)
		}
		logf("wasm: %d B raw, %d B gzip -9, %d B brotli 11", res.Wasm.Raw, res.Wasm.Gzip, res.Wasm.Brotli)
		if res.Breakdown, err = buildBreakdown(o.root); err != nil {
			res.Problems = append(res.Problems, "size breakdown: "+err.Error())
		}
	}

	page, err := baselinePage(o.root)
	if err != nil {
		return fmt.Errorf("baseline: %w", err)
	}
	needle, err := firstParagraph(o.root)
	if err != nil {
		return err
	}
	// Each target is reached over its own emulated link (link.go).
	baseURL, closeBase, err := serveLinked(mobile, baselineHandler(page))
	if err != nil {
		return err
	}
	defer closeBase()
	appDirect, stopApp, err := startApp(ctx, filepath.Join(o.root, o.server))
	if err != nil {
		return err
	}
	defer stopApp()
	proxy, err := proxyTo(appDirect)
	if err != nil {
		return err
	}
	appURL, closeApp, err := serveLinked(mobile, proxy)
	if err != nil {
		return err
	}
	defer closeApp()
	if o.serve {
		logf("over the emulated link: baseline %s/ and app %s/ (Ctrl-C stops)", baseURL, appURL)
		select {}
	}

	targets := []struct {
		name, url string
		md        mode
		needle    string
		repeat    bool
	}{
		{"baseline", baseURL + "/", "static", needle, false},
		{"/", appURL + "/", "app", needle, false},
		{"/fit", appURL + "/fit", "fit", "", true},
	}
	// Interleave the targets, so that a burst of load on the machine
	// spreads over all of them rather than skewing one.
	for i := 0; i < o.runs; i++ {
		for _, t := range targets {
			r, err := measure(ctx, chrome, t.url, t.md, t.needle, mobile, t.repeat)
			if err != nil {
				res.Problems = append(res.Problems, fmt.Sprintf("%s run %d: %v", t.name, i+1, err))
				logf("%s run %d: %v", t.name, i+1, err)
				continue
			}
			logf("%s run %d: %s", t.name, i+1, brief(r))
			res.Visits[t.name] = append(res.Visits[t.name], r)
		}
	}

	if !o.skipLH {
		lh := filepath.Join(o.root, o.lighthouse)
		if _, err := os.Stat(lh); err != nil {
			res.Problems = append(res.Problems, "Lighthouse not installed: run make bench-tools")
		} else {
			// Straight to the server, not over the emulated link: Lighthouse
			// simulates its own network from an unthrottled load.
			for _, route := range []string{"/", "/faq", "/fit"} {
				logf("lighthouse %s", route)
				res.Lighthouse = append(res.Lighthouse, runLighthouse(ctx, lh, chrome, appDirect, route))
			}
		}
	}
	res.LoadAfter = loadAverage()

	baseLoad := summarize(pick(res.Visits["baseline"], func(v visit) float64 { return float64(v.Load) }, false)).Median
	res.FloorMs = floorMs(float64(baseLoad), res.Wasm.Brotli, mobile.DownBits)
	res.Table = table(res)

	fmt.Println()
	fmt.Printf("make bench: %d cold run(s) per target, %s; took %s\n", o.runs, describeProfile(mobile), time.Since(start).Round(time.Second))
	fmt.Printf("load average before %s, after %s (%d cores)\n\n", res.LoadBefore, res.LoadAfter, numCPU())
	fmt.Print(formatTable(res.Table, "baseline", []string{"/", "/fit"}))
	fmt.Printf("\nphysical floor for interactive: baseline load %.0f ms + %d B brotli wasm at %.1f Mbit/s = %.0f ms\n",
		baseLoad, res.Wasm.Brotli, mobile.DownBits/1e6, res.FloorMs)
	fmt.Printf("\nwasm: %.0f KB raw, %.0f KB gzip -9, %.0f KB brotli 11 (target ≤ 1700 KB brotli)\n",
		kb(res.Wasm.Raw), kb(res.Wasm.Gzip), kb(res.Wasm.Brotli))
	if res.Breakdown.Total > 0 {
		fmt.Println("\nwhere the wasm's bytes go (unstripped build, code by package):")
		fmt.Print(formatBreakdown(res.Breakdown, 20))
	}
	if len(res.Lighthouse) > 0 {
		fmt.Println()
		fmt.Print(formatLighthouse(res.Lighthouse))
	}
	for _, p := range res.Problems {
		fmt.Println("problem:", p)
	}
	return writeResults(o.out, res)
}

// table builds the rows of the results table from the visits.
func table(res results) []row {
	cold := func(f func(v visit) float64) map[string]summary {
		m := map[string]summary{}
		for name, runs := range res.Visits {
			m[name] = summarize(pick(runs, f, false))
		}
		return m
	}
	repeat := func(f func(v visit) float64) map[string]summary {
		m := map[string]summary{}
		for name, runs := range res.Visits {
			m[name] = summarize(pick(runs, f, true))
		}
		return m
	}
	base := func(m map[string]summary) float64 { return float64(m["baseline"].Median) }
	nan := math.NaN()

	fcp := cold(func(v visit) float64 { return float64(v.FCP) })
	vis := cold(func(v visit) float64 { return float64(v.Visible) })
	lcp := cold(func(v visit) float64 { return float64(v.LCP) })
	load := cold(func(v visit) float64 { return float64(v.Load) })
	bytes := cold(func(v visit) float64 { return float64(v.Bytes) })
	return []row{
		{Name: "first contentful paint, ms", Cells: fcp, Ref: figure(base(fcp)), Target: "≤ 1.1× baseline"},
		{Name: "article text visible and on top, ms", Cells: vis, Ref: figure(base(vis)), Target: "≤ 1.1× baseline"},
		{Name: "largest contentful paint, ms", Cells: lcp, Ref: figure(base(lcp))},
		{Name: "cumulative layout shift", Cells: cold(func(v visit) float64 { return float64(v.CLS) }), Ref: figure(nan), Digits: 3, Target: "< 0.02"},
		{Name: "  of which after mount", Cells: cold(func(v visit) float64 { return float64(v.CLSAfterReady) }), Ref: figure(nan), Digits: 3},
		{Name: "longest task after FCP, ms", Cells: cold(func(v visit) float64 { return float64(v.LongestTask) }), Ref: figure(nan)},
		{Name: "blocking time after FCP (TBT, real), ms", Cells: cold(func(v visit) float64 { return float64(v.Blocking) }), Ref: figure(nan)},
		{Name: "load event, ms", Cells: load, Ref: figure(base(load))},
		{Name: "app mounted (data-app=ready), ms", Cells: cold(func(v visit) float64 { return float64(v.Ready) }), Ref: figure(res.FloorMs)},
		{Name: "interactive, ms (ratio to floor)", Cells: cold(func(v visit) float64 { return float64(v.Interactive) }), Ref: figure(res.FloorMs), Target: "≤ 1.2× floor"},
		{Name: "bytes transferred, KB", Cells: bytes, Ref: figure(base(bytes)), Scale: 1000},
		{Name: "  of which by workers, KB", Cells: cold(func(v visit) float64 { return float64(v.WorkerBytes) }), Ref: figure(nan), Scale: 1000},
		{Name: "wasm transferred, KB", Cells: cold(func(v visit) float64 { return ifPos(float64(v.WasmBytes)) }), Ref: figure(nan), Scale: 1000, Target: "≤ 1700 brotli"},
		{Name: "repeat visit: interactive, ms", Cells: repeat(func(v visit) float64 { return float64(v.Interactive) }), Ref: figure(nan)},
		{Name: "repeat visit: wasm network requests", Cells: repeat(func(v visit) float64 { return float64(v.WasmNetwork) }), Ref: figure(nan), Target: "0"},
		{Name: "repeat visit: bytes transferred, KB", Cells: repeat(func(v visit) float64 { return float64(v.Bytes) }), Ref: figure(nan), Scale: 1000},
	}
}

func ifPos(x float64) float64 {
	if x <= 0 {
		return math.NaN()
	}
	return x
}

// pick extracts one figure from each run's cold or repeat visit.
func pick(runs []run, f func(visit) float64, repeat bool) []float64 {
	var out []float64
	for _, r := range runs {
		switch {
		case !repeat:
			out = append(out, f(r.Cold))
		case r.Repeat != nil:
			out = append(out, f(*r.Repeat))
		}
	}
	return out
}

func brief(r run) string {
	v := r.Cold
	s := fmt.Sprintf("fcp %.0f visible %.0f lcp %.0f cls %.3f load %.0f ready %.0f interactive %.0f, %d B (wasm %d B %s), workers watched %d",
		v.FCP, v.Visible, v.LCP, v.CLS, v.Load, v.Ready, v.Interactive, v.Bytes, v.WasmBytes, v.WasmEncoding, v.WorkersSeen)
	if v.WorkerWasmMs > 0 {
		s += fmt.Sprintf(", a worker fetched the wasm in %.0f ms", v.WorkerWasmMs)
	}
	if v.WorkerProblem != "" {
		s += " (worker: " + v.WorkerProblem + ")"
	}
	if p := r.Repeat; p != nil {
		s += fmt.Sprintf("; repeat: controlled %v interactive %.0f, wasm from SW %v, wasm network requests %d, %d B", p.Controlled, p.Interactive, p.WasmFromSW, p.WasmNetwork, p.Bytes)
	}
	return s
}

func formatLighthouse(rs []lighthouseResult) string {
	var b strings.Builder
	b.WriteString("Lighthouse 12.2.3, mobile (targets: Performance ≥ 95, the others 100)\n")
	fmt.Fprintf(&b, "%-6s", "route")
	for _, c := range lighthouseCategories {
		fmt.Fprintf(&b, "  %-14s", c.Title)
	}
	b.WriteString("\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "%-6s", r.Route)
		for _, c := range lighthouseCategories {
			s := r.Scores[c.ID]
			cell := fmt.Sprint(s)
			if s < 0 {
				cell = "–"
			} else if s < c.Target {
				cell += " !"
			}
			fmt.Fprintf(&b, "  %-14s", cell)
		}
		b.WriteString("\n")
		if r.Error != "" {
			fmt.Fprintf(&b, "    error: %s\n", r.Error)
		}
		if len(r.Metrics) > 0 {
			fmt.Fprintf(&b, "    lab metrics: FCP %s, LCP %s, TBT %s, CLS %s, SI %s\n", r.Metrics["first-contentful-paint"],
				r.Metrics["largest-contentful-paint"], r.Metrics["total-blocking-time"], r.Metrics["cumulative-layout-shift"], r.Metrics["speed-index"])
		}
		for _, c := range lighthouseCategories {
			for _, t := range r.Failing[c.ID] {
				fmt.Fprintf(&b, "    %s: %s\n", c.Title, t)
			}
		}
	}
	return b.String()
}

func writeResults(dir string, res results) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(res, "", "  ") // figure writes NaN as null
	if err != nil {
		return err
	}
	p := filepath.Join(dir, res.Time.Format("20060102T150405Z")+".json")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		return err
	}
	fmt.Println("\nresults written to", p)
	return nil
}

func findChrome(flagPath string) string { return chromium.Find(flagPath) }

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func describeProfile(p profile) string {
	return fmt.Sprintf("%d×%d at %.2gx, CPU %gx slower, %g ms latency, %.1f Mbit/s down, %g kbit/s up",
		p.Width, p.Height, p.Scale, p.CPUSlowdown, p.LatencyMs, p.DownBits/1e6, p.UpBits/1e3)
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}
