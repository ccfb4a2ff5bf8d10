//go:build !js

// Command bench measures what a reader on a slow phone network gets from the
// explainer, against baselines measured in the same run. It drives Chromium
// with a mobile profile (4× CPU, 150 ms, 1.6 Mbit/s over an emulated link),
// and prints, each figure as median and range over the runs:
//
//   - visits: first paint, visible text, LCP, CLS, long tasks, load, bytes
//     of /, /fit (cold and repeat) beside two baselines: the article as one
//     static page, and the app's own prerendered / with every script
//     removed (first contentful paint of / as a ratio to both);
//   - sizes: the wasm's size, raw and compressed, and where its bytes go;
//   - reader: the bytes a reader who only reads / receives with Save-Data
//     (the wasm's: none), and without it when the wasm's fetch starts
//     against the load event, and that Go does not start;
//   - intent: on /fit, cold and warm, the time from the reader's first
//     press of Next (trusted taps from first paint) to the answer, and with
//     -before the comparison version's time to interactive;
//   - delay: on /faq and /fit, the worst input delay and the longest task
//     while a reader taps through the boot, and which tap it was;
//   - lighthouse: Lighthouse mobile on /, /faq and /fit, several runs:
//     scores, lab metrics, and the median run's failing audits.
//
// The wasm's requests, bytes and start time are counted at the emulated
// link, which every fetch of it must pass (wasmlog.go): boot.js fetches it
// in a dedicated worker, which the browser's CDP sessions do not see.
//
// It writes everything as JSON to bench-results/. It asserts nothing: it
// is a measurement, not a test. Run it from the repository root after make
// build (make bench does both):
//
//	go run ./app/bench [-runs 3] [-lighthouse-runs 3] [-before PATH] [-only visits,reader,...]
package main

import (
	"context"
	"encoding/json"
	"explainer/app/tools/chromium"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// sections are the parts of the bench -only can pick, in the order they run.
var sections = []string{"sizes", "visits", "reader", "intent", "delay", "lighthouse"}

type options struct {
	runs       int
	lhRuns     int
	root       string
	server     string
	before     string
	chrome     string
	lighthouse string
	skipLH     bool
	only       map[string]bool
	out        string
	serve      bool
}

// results is what one run of the benchmark writes as JSON.
type results struct {
	Time       time.Time              `json:"time"`
	LoadBefore string                 `json:"loadAverageBefore"`
	LoadAfter  string                 `json:"loadAverageAfter"`
	Runs       int                    `json:"runs"`
	Sections   []string               `json:"sections"`
	Profile    profile                `json:"profile"`
	Wasm       wasmSizes              `json:"wasm"`
	FloorMs    figure                 `json:"floorMs"`
	Breakdown  breakdown              `json:"breakdown"`
	Visits     map[string][]run       `json:"visits"` // by target: baseline, no scripts, /, /fit
	Table      []row                  `json:"table"`
	Reader     []readerRun            `json:"reader,omitempty"`
	Intent     map[string][]intentRun `json:"intent,omitempty"` // "now" and "before"
	Delay      map[string][]delayRun  `json:"delay,omitempty"`  // by route
	Lighthouse []lighthouseRoute      `json:"lighthouse,omitempty"`
	Problems   []string               `json:"problems,omitempty"`
}

func main() {
	var o options
	var only string
	flag.IntVar(&o.runs, "runs", 3, "runs per target and section")
	flag.IntVar(&o.lhRuns, "lighthouse-runs", 3, "Lighthouse runs per route")
	flag.StringVar(&o.root, "root", ".", "repository root")
	flag.StringVar(&o.server, "server", "bin/explainer", "the built server (make build)")
	flag.StringVar(&o.before, "before", "", "the server binary of the comparison version (BEFORE_REF in the Makefile), to measure its /fit too (intent section)")
	flag.StringVar(&o.chrome, "chrome", "", "Chromium (default $CHROME_PATH, then /usr/bin/chromium)")
	flag.StringVar(&o.lighthouse, "lighthouse", ".tools/lighthouse/node_modules/.bin/lighthouse", "Lighthouse CLI (make bench-tools)")
	flag.BoolVar(&o.skipLH, "no-lighthouse", false, "skip Lighthouse")
	flag.StringVar(&only, "only", "", "comma-separated sections to run, of "+strings.Join(sections, ",")+" (default all)")
	flag.StringVar(&o.out, "out", "bench-results", "directory for the JSON results")
	flag.BoolVar(&o.serve, "serve", false, "only serve the baselines and the app over the emulated link, to look at them with DevTools (CPU not throttled)")
	flag.Parse()
	var err error
	if o.only, err = parseOnly(only); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	if o.skipLH {
		delete(o.only, "lighthouse")
	}
	if err := bench(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// parseOnly reads -only: every section when empty.
func parseOnly(s string) (map[string]bool, error) {
	m := map[string]bool{}
	if strings.TrimSpace(s) == "" {
		for _, name := range sections {
			m[name] = true
		}
		return m, nil
	}
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		known := false
		for _, k := range sections {
			known = known || k == name
		}
		if !known {
			return nil, fmt.Errorf("-only: unknown section %q (have %s)", name, strings.Join(sections, ", "))
		}
		m[name] = true
	}
	return m, nil
}

func bench(o options) error {
	ctx := context.Background()
	chrome := findChrome(o.chrome)
	if chrome == "" {
		return fmt.Errorf("no Chromium: apt-get install -y chromium, or pass -chrome")
	}
	res := results{Time: time.Now().UTC(), LoadBefore: loadAverage(), Runs: o.runs, Profile: mobile, Visits: map[string][]run{},
		Intent: map[string][]intentRun{}, Delay: map[string][]delayRun{}}
	for _, s := range sections {
		if o.only[s] {
			res.Sections = append(res.Sections, s)
		}
	}
	start := time.Now()

	// Sizes first: compressing and building use the CPU the browser runs
	// would otherwise share.
	var err error
	if !o.serve && (o.only["sizes"] || o.only["visits"]) {
		if res.Wasm, err = measureWasm(filepath.Join(o.root, "web", "app.wasm")); err != nil {
			return fmt.Errorf("web/app.wasm: %w (run make build)", err)
		}
		logf("wasm: %d B raw, %d B gzip -9, %d B brotli 11", res.Wasm.Raw, res.Wasm.Gzip, res.Wasm.Brotli)
	}
	if !o.serve && o.only["sizes"] {
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
	appDirect, appURL, stopApp, err := startLinkedApp(ctx, filepath.Join(o.root, o.server))
	if err != nil {
		return err
	}
	defer stopApp()
	stripped, err := noScriptsPage(appDirect)
	if err != nil {
		return fmt.Errorf("scripts-removed baseline: %w", err)
	}
	proxy, err := proxyTo(appDirect)
	if err != nil {
		return err
	}
	noJSURL, closeNoJS, err := serveLinked(mobile, noScriptsHandler(stripped, proxy))
	if err != nil {
		return err
	}
	defer closeNoJS()
	if o.serve {
		logf("over the emulated link: baseline %s/, scripts removed %s/ and app %s/ (Ctrl-C stops)", baseURL, noJSURL, appURL)
		select {}
	}
	beforeURL := ""
	if o.before != "" && o.only["intent"] {
		_, u, stop, err := startLinkedApp(ctx, o.before)
		if err != nil {
			return fmt.Errorf("-before: %w", err)
		}
		defer stop()
		beforeURL = u
	}
	problem := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		res.Problems = append(res.Problems, msg)
		logf("%s", msg)
	}

	if o.only["visits"] {
		targets := []struct {
			name, url string
			md        mode
			needle    string
			repeat    bool
		}{
			{"baseline", baseURL + "/", "static", needle, false},
			{"no scripts", noJSURL + "/", "static", needle, false},
			{"/", appURL + "/", "read", needle, false},
			{"/fit", appURL + "/fit", "fit", "", true},
		}
		// Interleave the targets, so that a burst of load on the machine
		// spreads over all of them rather than skewing one.
		for i := 0; i < o.runs; i++ {
			for _, t := range targets {
				r, err := measure(ctx, chrome, t.url, t.md, t.needle, mobile, t.repeat)
				if err != nil {
					problem("%s run %d: %v", t.name, i+1, err)
					continue
				}
				if r.Cold.Failed {
					problem("%s run %d: data-boot=failed", t.name, i+1)
				}
				logf("%s run %d: %s", t.name, i+1, brief(r))
				res.Visits[t.name] = append(res.Visits[t.name], r)
			}
		}
	}

	if o.only["reader"] {
		for i := 0; i < o.runs; i++ {
			r, err := measureReader(ctx, chrome, appURL+"/", mobile)
			if err != nil {
				problem("reader run %d: %v", i+1, err)
				continue
			}
			logf("reader run %d: %+v", i+1, r)
			if r.GoStarted {
				problem("reader run %d: Go started on a read-only visit of / (data-boot=%s)", i+1, r.Boot)
			}
			res.Reader = append(res.Reader, r)
		}
	}

	if o.only["intent"] {
		versions := []struct{ name, url string }{{"now", appURL}}
		if beforeURL != "" {
			versions = append(versions, struct{ name, url string }{"before", beforeURL})
		}
		for i := 0; i < o.runs; i++ {
			for _, v := range versions {
				r, err := measureIntent(ctx, chrome, v.url+"/fit", mobile)
				if err != nil {
					problem("intent %s run %d: %v", v.name, i+1, err)
					continue
				}
				logf("intent %s run %d: cold %+v warm %+v", v.name, i+1, r.Cold, r.Warm)
				res.Intent[v.name] = append(res.Intent[v.name], r)
			}
		}
	}

	if o.only["delay"] {
		for i := 0; i < o.runs; i++ {
			for _, route := range []string{"/faq", "/fit"} {
				r, err := measureDelay(ctx, chrome, appURL+route, route, mobile)
				if err != nil {
					problem("delay %s run %d: %v", route, i+1, err)
					continue
				}
				logf("delay %s run %d: worst delay %.0f ms (%s, tap %s, %s), longest task %.0f ms, ready %.0f ms, %d taps",
					route, i+1, float64(r.WorstDelay), r.WorstEvent, r.WorstAction, relativeToReady(float64(r.WorstFromRdy)), float64(r.LongestTask), float64(r.Ready), r.Taps)
				res.Delay[route] = append(res.Delay[route], r)
			}
		}
	}

	if o.only["lighthouse"] {
		lh := filepath.Join(o.root, o.lighthouse)
		if _, err := os.Stat(lh); err != nil {
			problem("Lighthouse not installed: run make bench-tools")
		} else {
			// Straight to the server, not over the emulated link: Lighthouse
			// simulates its own network from an unthrottled load.
			for _, route := range []string{"/", "/faq", "/fit"} {
				var runs []lighthouseResult
				for i := 0; i < o.lhRuns; i++ {
					logf("lighthouse %s run %d", route, i+1)
					r := runLighthouse(ctx, lh, chrome, appDirect, route)
					if r.Error != "" && len(r.Scores) == 0 {
						// Lighthouse's own trace sometimes fails (NO_NAVSTART): once more.
						logf("lighthouse %s run %d: %s; again", route, i+1, r.Error)
						r = runLighthouse(ctx, lh, chrome, appDirect, route)
					}
					runs = append(runs, r)
				}
				res.Lighthouse = append(res.Lighthouse, summarizeLighthouse(route, runs))
			}
		}
	}
	res.LoadAfter = loadAverage()

	baseLoad := summarize(pick(res.Visits["baseline"], func(v visit) float64 { return float64(v.Load) }, false)).Median
	res.FloorMs = figure(floorMs(float64(baseLoad), res.Wasm.Brotli, mobile.DownBits))

	fmt.Println()
	fmt.Printf("make bench: %d run(s) per target, %d Lighthouse run(s) per route, sections %s; %s; took %s\n",
		o.runs, o.lhRuns, strings.Join(res.Sections, ","), describeProfile(mobile), time.Since(start).Round(time.Second))
	fmt.Printf("load average before %s, after %s (%d cores)\n", res.LoadBefore, res.LoadAfter, numCPU())
	if o.only["visits"] {
		res.Table = table(res)
		fmt.Println("\n== visits: cold loads (/fit also a repeat visit), ratios to the static text page unless the row says otherwise")
		fmt.Print(formatTable(res.Table, "baseline", []string{"no scripts", "/", "/fit"}))
		fmt.Printf("physical floor for interactive: baseline load %.0f ms + %d B brotli wasm at %.1f Mbit/s = %.0f ms\n",
			baseLoad, res.Wasm.Brotli, mobile.DownBits/1e6, float64(res.FloorMs))
	}
	if o.only["sizes"] {
		fmt.Printf("\n== sizes\nwasm: %.0f KB raw, %.0f KB gzip -9, %.0f KB brotli 11 (target ≤ 1350 KB brotli)\n",
			kb(res.Wasm.Raw), kb(res.Wasm.Gzip), kb(res.Wasm.Brotli))
		if res.Breakdown.Total > 0 {
			fmt.Println("\nwhere the wasm's bytes go (unstripped build, code by package):")
			fmt.Print(formatBreakdown(res.Breakdown, 20))
		}
	}
	if o.only["reader"] {
		fmt.Println("\n== reader: a visit of / that only reads")
		fmt.Print(formatReader(res.Reader))
	}
	if o.only["intent"] {
		fmt.Println("\n== intent: /fit, trusted taps from first paint (a tick, then Next)")
		fmt.Print(formatIntent(res.Intent))
	}
	if o.only["delay"] {
		fmt.Println("\n== delay: a reader tapping through the boot, 4× CPU, from first paint to 3 s after data-app=ready")
		fmt.Print(formatDelay(res.Delay))
	}
	if o.only["lighthouse"] {
		fmt.Println()
		fmt.Print(formatLighthouse(res.Lighthouse))
	}
	for _, p := range res.Problems {
		fmt.Println("problem:", p)
	}
	return writeResults(o.out, res)
}

// startLinkedApp runs a server binary and serves it over its own emulated
// link: direct is its loopback address, linked the one over the link.
func startLinkedApp(ctx context.Context, bin string) (direct, linked string, stop func(), err error) {
	direct, stopApp, err := startApp(ctx, bin)
	if err != nil {
		return "", "", nil, err
	}
	proxy, err := proxyTo(direct)
	if err != nil {
		stopApp()
		return "", "", nil, err
	}
	linked, closeLink, err := serveLinked(mobile, proxy)
	if err != nil {
		stopApp()
		return "", "", nil, err
	}
	return direct, linked, func() { closeLink(); stopApp() }, nil
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
		{Name: "  ratio to scripts removed", Cells: fcp, Ref: fcp["no scripts"].Median, Target: "≤ 1.05× scripts removed"},
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
		{Name: "wasm transferred (over the link), KB", Cells: cold(func(v visit) float64 { return ifPos(float64(v.WasmBytes)) }), Ref: figure(nan), Scale: 1000, Target: "≤ 1350 brotli"},
		{Name: "repeat visit: interactive, ms", Cells: repeat(func(v visit) float64 { return float64(v.Interactive) }), Ref: figure(nan)},
		{Name: "repeat visit: wasm requests over the link", Cells: repeat(func(v visit) float64 { return float64(v.WasmNetwork) }), Ref: figure(nan), Target: "0"},
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
	s := fmt.Sprintf("fcp %.0f visible %.0f lcp %.0f cls %.3f load %.0f ready %.0f interactive %.0f, %d B (wasm %d B %s in %d request(s) over the link), workers watched %d",
		v.FCP, v.Visible, v.LCP, v.CLS, v.Load, v.Ready, v.Interactive, v.Bytes, v.WasmBytes, v.WasmEncoding, v.WasmNetwork, v.WorkersSeen)
	if v.WorkerWasmMs > 0 {
		s += fmt.Sprintf(", a worker fetched the wasm in %.0f ms", v.WorkerWasmMs)
	}
	if v.WorkerProblem != "" {
		s += " (worker: " + v.WorkerProblem + ")"
	}
	if p := r.Repeat; p != nil {
		s += fmt.Sprintf("; repeat: controlled %v interactive %.0f, wasm from SW %v, wasm requests over the link %d (%d revalidated, %d B), %d B",
			p.Controlled, p.Interactive, p.WasmFromSW, p.WasmNetwork, p.WasmRevalidated, p.WasmBytes, p.Bytes)
	}
	return s
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
