//go:build !js

package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFormatCell(t *testing.T) {
	tests := []struct {
		name   string
		s      summary
		digits int
		scale  float64
		want   string
	}{
		{"several runs show median and range", summarize([]float64{812, 790, 830}), 0, 0, "812 (790–830)"},
		{"one run shows its value", summarize([]float64{812.4}), 0, 0, "812"},
		{"a range that rounds to one value is not repeated", summarize([]float64{0.0001, 0.0002}), 3, 0, "0.000"},
		{"bytes scale to kilobytes", summarize([]float64{1745922}), 0, 1000, "1746"},
		{"no runs show a dash", summarize(nil), 0, 0, "–"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatCell(tt.s, tt.digits, tt.scale); got != tt.want {
				t.Errorf("formatCell = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFormatTable(t *testing.T) {
	rows := []row{
		{Name: "first contentful paint, ms", Ref: 400, Target: "≤ 1.1× baseline", Cells: map[string]summary{
			"baseline": summarize([]float64{400}), "/": summarize([]float64{420, 440}),
		}},
		{Name: "cumulative layout shift", Ref: figure(math.NaN()), Digits: 3, Cells: map[string]summary{
			"baseline": summarize([]float64{0}), "/": summarize([]float64{0.01}), "/fit": summarize([]float64{0.002}),
		}},
	}
	got := formatTable(rows, "baseline", []string{"/", "/fit"})
	lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("table has %d lines, want 3:\n%s", len(lines), got)
	}
	for _, want := range []string{"metric", "baseline", "ratio", "target"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("header %q lacks %q", lines[0], want)
		}
	}
	if f := strings.Fields(lines[1]); !strings.Contains(lines[1], "430 (420–440)") || !strings.Contains(lines[1], "1.07×") || f[len(f)-1] != "baseline" {
		t.Errorf("paint row = %q, want the median and range, the ratio 1.07× and the target", lines[1])
	}
	if strings.Contains(lines[2], "×") {
		t.Errorf("layout shift row %q has a ratio, want none", lines[2])
	}
	if !strings.Contains(lines[1], "–") {
		t.Errorf("paint row %q should show – for /fit, which has no value", lines[1])
	}
	// Columns line up: each cell starts at the same offset on every line.
	col := func(line, s string) int { return utf8.RuneCountInString(line[:strings.Index(line, s)]) }
	if col(lines[0], "target") != col(lines[1], "≤") {
		t.Errorf("target column not aligned:\n%s", got)
	}
}

func TestParseLighthouse(t *testing.T) {
	report := `{
	  "categories": {
	    "performance": {"score": 0.91, "auditRefs": [{"id": "lcp", "weight": 25}, {"id": "tbt", "weight": 30}, {"id": "info", "weight": 0}]},
	    "accessibility": {"score": 1, "auditRefs": [{"id": "contrast", "weight": 7}]},
	    "best-practices": {"score": 0.96, "auditRefs": [{"id": "errors", "weight": 1}, {"id": "na", "weight": 1}]},
	    "seo": {"score": null, "auditRefs": []}
	  },
	  "audits": {
	    "lcp": {"title": "Largest Contentful Paint", "score": 0.95, "displayValue": "2.1 s"},
	    "tbt": {"title": "Total Blocking Time", "score": 0.42, "displayValue": "900 ms"},
	    "info": {"title": "Diagnostics", "score": 0},
	    "contrast": {"title": "Contrast", "score": 1},
	    "errors": {"title": "Browser errors were logged to the console", "score": 0},
	    "na": {"title": "Not applicable", "score": null},
	    "total-blocking-time": {"title": "Total Blocking Time", "score": 0.42, "displayValue": "900 ms"}
	  }
	}`
	r := parseLighthouse([]byte(report), "/fit")
	want := map[string]int{"performance": 91, "accessibility": 100, "best-practices": 96, "seo": -1}
	for k, v := range want {
		if r.Scores[k] != v {
			t.Errorf("score %s = %d, want %d", k, r.Scores[k], v)
		}
	}
	if f := r.Failing["performance"]; len(f) != 1 || f[0] != "Total Blocking Time (900 ms)" {
		t.Errorf("failing performance audits = %q, want only the blocking time", f)
	}
	if f := r.Failing["best-practices"]; len(f) != 1 || !strings.HasPrefix(f[0], "Browser errors") {
		t.Errorf("failing best-practices audits = %q, want the console errors", f)
	}
	if len(r.Failing["accessibility"]) != 0 {
		t.Errorf("accessibility at 100 lists failing audits %q", r.Failing["accessibility"])
	}
	if r.Metrics["total-blocking-time"] != "900 ms" {
		t.Errorf("metrics = %v, want the blocking time's display value", r.Metrics)
	}
}

func TestAcceptsEncoding(t *testing.T) {
	tests := []struct {
		header, enc string
		want        bool
	}{
		{"gzip, deflate, br, zstd", "br", true},
		{"gzip, deflate", "br", false},
		{"br;q=0, gzip", "br", false},
		{"br;q=0.5", "br", true},
		{"", "gzip", false},
	}
	for _, tt := range tests {
		if got := acceptsEncoding(tt.header, tt.enc); got != tt.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", tt.header, tt.enc, got, tt.want)
		}
	}
}

func TestResultsWriteMissingFiguresAsNull(t *testing.T) {
	b, err := json.Marshal(run{Cold: visit{FCP: figure(math.NaN()), Load: 12, LCP: figure(math.Inf(1))}})
	if err != nil {
		t.Fatalf("a run with a missing figure does not marshal: %v", err)
	}
	var v map[string]map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	cold := v["cold"]
	if fcp, ok := cold["fcpMs"]; !ok || fcp != nil || cold["lcpMs"] != nil || cold["loadMs"] != 12.0 {
		t.Errorf("cold = %v, want fcpMs and lcpMs null, loadMs 12", cold)
	}
	if _, ok := v["repeat"]; ok {
		t.Error("repeat is present for a run without a repeat visit (its tag says omitempty)")
	}
}
