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
