//go:build !js

package main

import (
	"strings"
	"testing"
)

func lhRun(perf int, fcp float64, failing ...string) lighthouseResult {
	return lighthouseResult{
		Scores:  map[string]int{"performance": perf, "accessibility": 100, "best-practices": 100, "seo": 100},
		Numeric: map[string]float64{"first-contentful-paint": fcp},
		Failing: map[string][]string{"performance": failing},
	}
}

func TestMedianRun(t *testing.T) {
	tests := []struct {
		name string
		runs []lighthouseResult
		want int
	}{
		{"none", nil, -1},
		{"one", []lighthouseResult{lhRun(90, 1)}, 0},
		{"three: the middle score", []lighthouseResult{lhRun(99, 1), lhRun(90, 1), lhRun(95, 1)}, 2},
		{"even: the lower middle", []lighthouseResult{lhRun(99, 1), lhRun(90, 1)}, 1},
		{"a run without a score is left out", []lighthouseResult{{Scores: map[string]int{"performance": -1}}, lhRun(97, 1)}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := medianRun(tt.runs, "performance"); got != tt.want {
				t.Errorf("medianRun = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestSummarizeAndFormatLighthouse(t *testing.T) {
	lr := summarizeLighthouse("/faq", []lighthouseResult{
		lhRun(99, 900), lhRun(90, 1500, "Largest Contentful Paint (3.1 s)"), lhRun(94, 1100, "Speed Index (4.0 s)"),
	})
	if s := lr.Scores["performance"]; s.Median != 94 || s.Min != 90 || s.Max != 99 {
		t.Errorf("performance summary = %+v, want 94 (90–99)", s)
	}
	if m := lr.Metrics["first-contentful-paint"]; m.Median != 1100 {
		t.Errorf("FCP median = %v, want 1100", m.Median)
	}
	out := formatLighthouse([]lighthouseRoute{lr})
	for _, want := range []string{"94 (90–99)", "1100 (900–1500)", "/faq (median run) Performance: Speed Index (4.0 s)"} {
		if !strings.Contains(out, want) {
			t.Errorf("formatLighthouse lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Largest Contentful Paint (3.1 s)") {
		t.Errorf("formatLighthouse shows a failing audit of a run other than the median one:\n%s", out)
	}
}

func TestFormatIntentComparesWithBefore(t *testing.T) {
	v := func(answered, toAnswer float64) intentVisit {
		return intentVisit{FCP: 800, FirstTap: 900, FirstNext: 1000, Answered: figure(answered), IntentToAnswer: figure(toAnswer), Ready: figure(answered - 100), Presses: 1}
	}
	w1, w2 := v(3000, 600), v(4000, 700)
	out := formatIntent(map[string][]intentRun{
		"now":    {{Cold: v(12000, 11000), Warm: &w1}},
		"before": {{Cold: v(13000, 12000), Warm: &w2}},
	})
	for _, want := range []string{"now cold", "before warm", "cold: intent → answer now 11000 ms, against interactive before (navigation → first answered tap) 13000 ms: 0.85×", "warm: intent → answer now 600 ms", "0.15×"} {
		if !strings.Contains(out, want) {
			t.Errorf("formatIntent lacks %q:\n%s", want, out)
		}
	}
	if out := formatIntent(map[string][]intentRun{"now": {{Cold: v(12000, 11000)}}}); strings.Contains(out, "against") {
		t.Errorf("formatIntent compares without a before version:\n%s", out)
	}
}

func TestRelativeToReady(t *testing.T) {
	tests := []struct {
		ms   float64
		want string
	}{
		{-250.4, "250 ms before data-app=ready"},
		{1200, "1200 ms after data-app=ready"},
		{nan64(), "the app never mounted"},
	}
	for _, tt := range tests {
		if got := relativeToReady(tt.ms); got != tt.want {
			t.Errorf("relativeToReady(%v) = %q, want %q", tt.ms, got, tt.want)
		}
	}
}

func nan64() float64 { return float64(nan()) }
