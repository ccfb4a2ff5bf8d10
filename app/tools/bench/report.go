//go:build !js

package main

import (
	"fmt"
	"math"
	"strings"
	"text/tabwriter"
)

// row is one line of the results table: a figure for each target, and how
// it compares with its reference.
type row struct {
	Name   string             `json:"name"`
	Cells  map[string]summary `json:"cells"` // by target column
	Ref    figure             `json:"ref"`   // what the ratios divide by; NaN for none
	Target string             `json:"target"`
	Digits int                `json:"-"` // decimals to print
	Scale  float64            `json:"-"` // printed value = value / Scale (1 when 0)
}

// formatCell prints a summary as "median (min–max)", or its only value for
// one run, or "–" when there is none.
func formatCell(s summary, digits int, scale float64) string {
	if s.N == 0 {
		return "–"
	}
	if scale == 0 {
		scale = 1
	}
	f := func(x float64) string { return fmt.Sprintf("%.*f", digits, x/scale) }
	if s.N == 1 || f(float64(s.Min)) == f(float64(s.Max)) {
		return f(float64(s.Median))
	}
	return f(float64(s.Median)) + " (" + f(float64(s.Min)) + "–" + f(float64(s.Max)) + ")"
}

// formatRatio prints median/ref as "1.04×", or "" when there is no ratio.
func formatRatio(s summary, ref float64) string {
	if s.N == 0 {
		return ""
	}
	r := ratio(float64(s.Median), ref)
	if math.IsNaN(r) {
		return ""
	}
	return fmt.Sprintf("%.2f×", r)
}

// formatTable lays rows out in aligned columns: the metric, the baseline,
// then each other column with its ratio, then the target.
func formatTable(rows []row, baseline string, cols []string) string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	head := []string{"metric", baseline}
	for _, c := range cols {
		head = append(head, c, "ratio")
	}
	head = append(head, "target")
	fmt.Fprintln(w, strings.Join(head, "\t"))
	for _, r := range rows {
		line := []string{r.Name, formatCell(r.Cells[baseline], r.Digits, r.Scale)}
		for _, c := range cols {
			line = append(line, formatCell(r.Cells[c], r.Digits, r.Scale), formatRatio(r.Cells[c], float64(r.Ref)))
		}
		line = append(line, r.Target)
		fmt.Fprintln(w, strings.Join(line, "\t"))
	}
	w.Flush()
	return b.String()
}

// formatBreakdown prints the largest packages of the wasm's code, with
// their share of the whole unstripped file, then the rolled-up groups.
func formatBreakdown(bd breakdown, top int) string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	share := func(n int64) string { return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(bd.Total)) }
	list := func(title string, ps []pkgSize, n int) {
		fmt.Fprintf(w, "%s\tcode KB\tshare\tgzip KB\tfuncs\t\n", title)
		for i, p := range ps {
			if i == n {
				break
			}
			fmt.Fprintf(w, "%s\t%.1f\t%s\t%.1f\t%d\t\n", p.Pkg, kb(p.Code), share(p.Code), kb(p.Gzip), p.Funcs)
		}
	}
	list("package", bd.Packages, top)
	fmt.Fprintf(w, "data section (rodata, types, pclntab; not attributed)\t%.1f\t%s\t\t\t\n", kb(bd.Data), share(bd.Data))
	fmt.Fprintf(w, "other sections (names, imports, tables)\t%.1f\t%s\t\t\t\n", kb(bd.Other), share(bd.Other))
	fmt.Fprintf(w, "total (unstripped)\t%.1f\t100%%\t\t\t\n", kb(bd.Total))
	fmt.Fprintln(w, "\t\t\t\t\t")
	list("module or std tree", bd.Groups, 12)
	w.Flush()
	return b.String()
}

func kb(n int64) float64 { return float64(n) / 1000 }

// formatPlain lays rows out with one column per name in cols and the
// target, without ratios.
func formatPlain(rows []row, first string, cols []string) string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, first+"\t"+strings.Join(cols, "\t")+"\ttarget")
	for _, r := range rows {
		line := []string{r.Name}
		for _, c := range cols {
			line = append(line, formatCell(r.Cells[c], r.Digits, r.Scale))
		}
		line = append(line, r.Target)
		fmt.Fprintln(w, strings.Join(line, "\t"))
	}
	w.Flush()
	return b.String()
}

// cells summarizes one figure of each column's runs.
func cells[T any](by map[string][]T, f func(T) float64) map[string]summary {
	m := map[string]summary{}
	for name, runs := range by {
		var xs []float64
		for _, r := range runs {
			xs = append(xs, f(r))
		}
		m[name] = summarize(xs)
	}
	return m
}

func boolCount(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// formatReader prints the read-only visits of /.
func formatReader(rs []readerRun) string {
	by := map[string][]readerRun{"/": rs}
	rows := []row{
		{Name: "Save-Data: bytes received, KB", Cells: cells(by, func(r readerRun) float64 { return float64(r.SaveDataBytes) }), Scale: 1000, Digits: 1},
		{Name: "Save-Data: wasm bytes received", Cells: cells(by, func(r readerRun) float64 { return float64(r.SaveDataWasmBytes) }), Target: "0"},
		{Name: "load event, ms", Cells: cells(by, func(r readerRun) float64 { return float64(r.LoadMs) })},
		{Name: "wasm fetch start, ms since navigation", Cells: cells(by, func(r readerRun) float64 { return float64(r.WasmStartMs) })},
		{Name: "wasm fetch start − load event, ms", Cells: cells(by, func(r readerRun) float64 { return float64(r.WasmAfterLoadMs) }), Target: "> 0"},
		{Name: "longest task after first paint (to 2 s after compiled), ms", Cells: cells(by, func(r readerRun) float64 { return float64(r.LongestTask) })},
		{Name: "blocking time after first paint (same span), ms", Cells: cells(by, func(r readerRun) float64 { return float64(r.Blocking) })},
		{Name: "Go started on a read-only visit (runs)", Cells: map[string]summary{"/": summarize([]float64{sum(rs, func(r readerRun) float64 { return boolCount(r.GoStarted) })})}, Target: "0"},
	}
	var b strings.Builder
	b.WriteString(formatPlain(rows, "metric", []string{"/"}))
	for i, r := range rs {
		fmt.Fprintf(&b, "run %d: with Save-Data data-boot=%s, %d wasm request(s) over the link; without, data-boot=%s at the end\n", i+1, r.SaveDataBoot, r.SaveDataWasmReqs, r.Boot)
	}
	return b.String()
}

func sum[T any](xs []T, f func(T) float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += f(x)
	}
	return t
}

// formatIntent prints the /fit taps, now and (with -before) in the
// comparison version, cold and warm.
func formatIntent(by map[string][]intentRun) string {
	cols := map[string][]intentVisit{}
	var names []string
	for _, version := range []string{"now", "before"} {
		runs, ok := by[version]
		if !ok {
			continue
		}
		for _, r := range runs {
			cols[version+" cold"] = append(cols[version+" cold"], r.Cold)
			if r.Warm != nil {
				cols[version+" warm"] = append(cols[version+" warm"], *r.Warm)
			}
		}
		names = append(names, version+" cold", version+" warm")
	}
	if len(names) == 0 {
		return "no runs\n"
	}
	rows := []row{
		{Name: "first contentful paint (the taps start), ms", Cells: cells(cols, func(v intentVisit) float64 { return float64(v.FCP) })},
		{Name: "first tap (the tick), ms", Cells: cells(cols, func(v intentVisit) float64 { return float64(v.FirstTap) })},
		{Name: "first press of Next, ms", Cells: cells(cols, func(v intentVisit) float64 { return float64(v.FirstNext) })},
		{Name: "answered (legend moved), ms since navigation", Cells: cells(cols, func(v intentVisit) float64 { return float64(v.Answered) })},
		{Name: "intent → answer (first Next press → answer), ms", Cells: cells(cols, func(v intentVisit) float64 { return float64(v.IntentToAnswer) })},
		{Name: "app mounted (data-app=ready), ms", Cells: cells(cols, func(v intentVisit) float64 { return float64(v.Ready) })},
		{Name: "presses of Next until answered", Cells: cells(cols, func(v intentVisit) float64 { return float64(v.Presses) })},
		{Name: "controlled by the service worker (runs)", Cells: cells(cols, func(v intentVisit) float64 { return boolCount(v.Controlled) })},
	}
	var b strings.Builder
	b.WriteString(formatPlain(rows, "metric", names))
	for _, kind := range []string{"cold", "warm"} {
		now := summarize(pickIntent(cols["now "+kind], func(v intentVisit) float64 { return float64(v.IntentToAnswer) }))
		before := summarize(pickIntent(cols["before "+kind], func(v intentVisit) float64 { return float64(v.Answered) }))
		if now.N == 0 || before.N == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s: intent → answer now %s ms, against interactive before (navigation → first answered tap) %s ms: %s\n",
			kind, formatCell(now, 0, 1), formatCell(before, 0, 1), formatRatio(now, float64(before.Median)))
	}
	return b.String()
}

func pickIntent(vs []intentVisit, f func(intentVisit) float64) []float64 {
	var xs []float64
	for _, v := range vs {
		xs = append(xs, f(v))
	}
	return xs
}

// formatDelay prints the worst input delay and longest task per route, and
// where each run's worst delay came from.
func formatDelay(by map[string][]delayRun) string {
	routes := []string{"/faq", "/fit"}
	rows := []row{
		{Name: "worst input delay (processingStart − startTime), ms", Cells: cells(by, func(r delayRun) float64 { return float64(r.WorstDelay) }), Target: "≤ 200"},
		{Name: "longest task after first paint, ms", Cells: cells(by, func(r delayRun) float64 { return float64(r.LongestTask) })},
		{Name: "blocking time after first paint, ms", Cells: cells(by, func(r delayRun) float64 { return float64(r.Blocking) })},
		{Name: "app mounted (data-app=ready), ms", Cells: cells(by, func(r delayRun) float64 { return float64(r.Ready) })},
		{Name: "taps", Cells: cells(by, func(r delayRun) float64 { return float64(r.Taps) })},
		{Name: "Event Timing entries", Cells: cells(by, func(r delayRun) float64 { return float64(r.Events) })},
	}
	var b strings.Builder
	b.WriteString(formatPlain(rows, "metric", routes))
	for _, route := range routes {
		for i, r := range by[route] {
			if r.WorstEvent == "" {
				continue
			}
			fmt.Fprintf(&b, "%s run %d: worst delay %.0f ms, %s (the bench's tap: %s), %s, data-boot=%s\n",
				route, i+1, float64(r.WorstDelay), r.WorstEvent, r.WorstAction, relativeToReady(float64(r.WorstFromRdy)), r.WorstBoot)
		}
	}
	return b.String()
}

// relativeToReady says when an input came against the app's mount.
func relativeToReady(ms float64) string {
	switch {
	case math.IsNaN(ms):
		return "the app never mounted"
	case ms < 0:
		return fmt.Sprintf("%.0f ms before data-app=ready", -ms)
	default:
		return fmt.Sprintf("%.0f ms after data-app=ready", ms)
	}
}

// formatLighthouse prints each route's scores and lab metrics as median
// and range, then the median run's failing audits and any errors.
func formatLighthouse(rs []lighthouseRoute) string {
	var b strings.Builder
	n := 0
	if len(rs) > 0 {
		n = len(rs[0].Runs)
	}
	fmt.Fprintf(&b, "== lighthouse 12.2.3, mobile, %d run(s) per route (targets: Performance ≥ 95, the others 100)\n", n)
	var routes []string
	var rows []row
	for _, c := range lighthouseCategories {
		r := row{Name: c.Title, Cells: map[string]summary{}, Target: fmt.Sprintf("≥ %d", c.Target)}
		for _, lr := range rs {
			r.Cells[lr.Route] = lr.Scores[c.ID]
		}
		rows = append(rows, r)
	}
	for _, m := range lighthouseMetrics {
		r := row{Name: m.Title, Cells: map[string]summary{}, Digits: m.Digits}
		for _, lr := range rs {
			r.Cells[lr.Route] = lr.Metrics[m.ID]
		}
		rows = append(rows, r)
	}
	for _, lr := range rs {
		routes = append(routes, lr.Route)
	}
	b.WriteString(formatPlain(rows, "category or lab metric", routes))
	for _, lr := range rs {
		for i, r := range lr.Runs {
			if r.Error != "" {
				fmt.Fprintf(&b, "%s run %d error: %s\n", lr.Route, i+1, r.Error)
			}
		}
		if lr.Median < 0 {
			continue
		}
		med := lr.Runs[lr.Median]
		for _, c := range lighthouseCategories {
			for _, t := range med.Failing[c.ID] {
				fmt.Fprintf(&b, "%s (median run) %s: %s\n", lr.Route, c.Title, t)
			}
		}
	}
	return b.String()
}
