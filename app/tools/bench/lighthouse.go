//go:build !js

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
)

// lighthouseCategories are the four categories the issue sets targets for,
// with their minimum scores (0–100).
var lighthouseCategories = []struct {
	ID, Title string
	Target    int
}{
	{"performance", "Performance", 95},
	{"accessibility", "Accessibility", 100},
	{"best-practices", "Best Practices", 100},
	{"seo", "SEO", 100},
}

// lighthouseMetrics are the lab metrics printed for each route.
var lighthouseMetrics = []struct {
	ID, Title string
	Digits    int
}{
	{"first-contentful-paint", "FCP, ms", 0},
	{"largest-contentful-paint", "LCP, ms", 0},
	{"total-blocking-time", "TBT, ms", 0},
	{"speed-index", "SI, ms", 0},
	{"cumulative-layout-shift", "CLS", 3},
}

// lighthouseRoute is one route's Lighthouse runs, summarized: each
// category's score and each lab metric as median and range, and the run
// whose Performance score is the median, for its failing audits.
type lighthouseRoute struct {
	Route   string             `json:"route"`
	Runs    []lighthouseResult `json:"runs"`
	Scores  map[string]summary `json:"scores"`
	Metrics map[string]summary `json:"metrics"`
	Median  int                `json:"medianRun"` // index into Runs; -1 when none has a score
}

// summarizeLighthouse reduces a route's runs; a run with an error and no
// score counts for nothing.
func summarizeLighthouse(route string, runs []lighthouseResult) lighthouseRoute {
	lr := lighthouseRoute{Route: route, Runs: runs, Scores: map[string]summary{}, Metrics: map[string]summary{}, Median: -1}
	for _, c := range lighthouseCategories {
		var xs []float64
		for _, r := range runs {
			if s, ok := r.Scores[c.ID]; ok && s >= 0 {
				xs = append(xs, float64(s))
			}
		}
		lr.Scores[c.ID] = summarize(xs)
	}
	for _, m := range lighthouseMetrics {
		var xs []float64
		for _, r := range runs {
			if x, ok := r.Numeric[m.ID]; ok {
				xs = append(xs, x)
			}
		}
		lr.Metrics[m.ID] = summarize(xs)
	}
	lr.Median = medianRun(runs, "performance")
	return lr
}

// medianRun returns the index of the run whose score in category is the
// median (the lower middle one for an even count), or -1.
func medianRun(runs []lighthouseResult, category string) int {
	var idx []int
	for i, r := range runs {
		if s, ok := r.Scores[category]; ok && s >= 0 {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return -1
	}
	sort.SliceStable(idx, func(a, b int) bool { return runs[idx[a]].Scores[category] < runs[idx[b]].Scores[category] })
	return idx[(len(idx)-1)/2]
}

// lighthouseResult is one route's scores, and the audits that cost points in
// a category under its target.
type lighthouseResult struct {
	Route   string              `json:"route"`
	Scores  map[string]int      `json:"scores"` // category id → 0–100; -1 when Lighthouse gave none
	Failing map[string][]string `json:"failing,omitempty"`
	Metrics map[string]string   `json:"metrics,omitempty"` // Lighthouse's own lab metrics, as it displays them
	Numeric map[string]float64  `json:"numeric,omitempty"` // the same, as numbers (ms; CLS unitless)
	Error   string              `json:"error,omitempty"`
}

type lhReport struct {
	Categories map[string]struct {
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Title        string   `json:"title"`
		Score        *float64 `json:"score"`
		ScoreMode    string   `json:"scoreDisplayMode"`
		DisplayValue string   `json:"displayValue"`
		NumericValue *float64 `json:"numericValue"`
	} `json:"audits"`
	RuntimeError *struct {
		Message string `json:"message"`
	} `json:"runtimeError"`
}

// runLighthouse audits url with Lighthouse's mobile defaults (its simulated
// slow 4G and 4× CPU slowdown).
func runLighthouse(ctx context.Context, bin, chrome, url, route string) lighthouseResult {
	res := lighthouseResult{Route: route, Scores: map[string]int{}}
	dir, err := os.MkdirTemp("", "bench-lighthouse-")
	if err != nil {
		res.Error = err.Error()
		return res
	}
	defer os.RemoveAll(dir)
	out := dir + "/report.json"
	tctx, cancel := context.WithTimeout(ctx, 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(tctx, bin, url+route,
		"--form-factor=mobile",
		"--only-categories=performance,accessibility,best-practices,seo",
		"--output=json", "--output-path="+out, "--quiet",
		"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir="+dir+"/profile",
	)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	if b, err := cmd.CombinedOutput(); err != nil {
		res.Error = fmt.Sprintf("%v: %s", err, lastLines(string(b), 5))
		return res
	}
	b, err := os.ReadFile(out)
	if err != nil {
		res.Error = err.Error()
		return res
	}
	return parseLighthouse(b, route)
}

// parseLighthouse reads the scores from a Lighthouse JSON report and, for a
// category under its target, the titles of the weighted audits that did not
// pass.
func parseLighthouse(b []byte, route string) lighthouseResult {
	res := lighthouseResult{Route: route, Scores: map[string]int{}, Failing: map[string][]string{}, Metrics: map[string]string{}, Numeric: map[string]float64{}}
	var r lhReport
	if err := json.Unmarshal(b, &r); err != nil {
		res.Error = err.Error()
		return res
	}
	if r.RuntimeError != nil && r.RuntimeError.Message != "" {
		res.Error = r.RuntimeError.Message
	}
	for _, c := range lighthouseCategories {
		cat, ok := r.Categories[c.ID]
		if !ok || cat.Score == nil {
			res.Scores[c.ID] = -1
			continue
		}
		score := int(*cat.Score*100 + 0.5)
		res.Scores[c.ID] = score
		if score >= c.Target {
			continue
		}
		for _, ref := range cat.AuditRefs {
			a, ok := r.Audits[ref.ID]
			if !ok || ref.Weight == 0 || a.Score == nil {
				continue // not applicable, or informative only
			}
			pass := 1.0
			if c.ID == "performance" {
				pass = 0.9 // Lighthouse's own "good" threshold for a metric
			}
			if *a.Score >= pass {
				continue
			}
			t := a.Title
			if a.DisplayValue != "" {
				t += " (" + a.DisplayValue + ")"
			}
			res.Failing[c.ID] = append(res.Failing[c.ID], t)
		}
		sort.Strings(res.Failing[c.ID])
	}
	for _, m := range lighthouseMetrics {
		if a, ok := r.Audits[m.ID]; ok {
			res.Metrics[m.ID] = a.DisplayValue
			if a.NumericValue != nil {
				res.Numeric[m.ID] = *a.NumericValue
			}
		}
	}
	return res
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
