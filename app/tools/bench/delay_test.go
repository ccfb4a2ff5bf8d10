//go:build !js

package main

import (
	"encoding/json"
	"math"
	"testing"
	"time"
)

func TestWorstDelay(t *testing.T) {
	tests := []struct {
		name   string
		in     []eventEntry
		want   float64
		target string
	}{
		{"none", nil, math.NaN(), ""},
		{"one input: its first processed event counts", []eventEntry{
			{Name: "mousedown", Start: 100, ProcessingStart: 400, Target: "h2"},
			{Name: "pointerdown", Start: 100, ProcessingStart: 150, Target: "h2"},
		}, 50, "h2"},
		{"hovers do not count", []eventEntry{
			{Name: "pointerover", Start: 100, ProcessingStart: 900, Target: "span"},
			{Name: "pointerout", Start: 100, ProcessingStart: 900, Target: "span"},
			{Name: "pointerdown", Start: 300, ProcessingStart: 340, Target: "input"},
		}, 40, "input"},
		{"the worst of two inputs", []eventEntry{
			{Name: "pointerdown", Start: 100, ProcessingStart: 130, Target: "a"},
			{Name: "pointerdown", Start: 900, ProcessingStart: 1150, Target: "b"},
			{Name: "click", Start: 900, ProcessingStart: 1300, Target: "b"},
		}, 250, "b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, d, ok := worstDelay(tt.in)
			if math.IsNaN(tt.want) {
				if ok || !math.IsNaN(d) {
					t.Errorf("worstDelay = %v, %v; want none", d, ok)
				}
				return
			}
			if !ok || d != tt.want || e.Target != tt.target {
				t.Errorf("worstDelay = %v on %q (%v); want %v on %q", d, e.Target, ok, tt.want, tt.target)
			}
		})
	}
}

func TestActionBefore(t *testing.T) {
	as := []action{{"question 1", 1000}, {"search box", 1500}, {"question 2", 2100}}
	tests := []struct {
		at   float64
		want string
	}{
		{500, "none of the bench's taps"},
		{1000, "question 1"},
		{1490, "search box"}, // the clocks may be a little apart
		{2000, "search box"},
		{9000, "question 2"},
	}
	for _, tt := range tests {
		if got := actionBefore(as, tt.at); got != tt.want {
			t.Errorf("actionBefore(%v) = %q, want %q", tt.at, got, tt.want)
		}
	}
}

func TestJitterIsFixedAndInRange(t *testing.T) {
	a, b := jitter(delaySeed), jitter(delaySeed)
	for i := 0; i < 100; i++ {
		x, y := a.next(300, 700), b.next(300, 700)
		if x != y {
			t.Fatalf("step %d: %v and %v from the same seed", i, x, y)
		}
		if x < 300*time.Millisecond || x > 700*time.Millisecond {
			t.Fatalf("step %d: %v outside 300–700 ms", i, x)
		}
	}
}

func TestParseOnly(t *testing.T) {
	all, err := parseOnly("")
	if err != nil || len(all) != len(sections) {
		t.Errorf("parseOnly(\"\") = %v, %v; want every section", all, err)
	}
	two, err := parseOnly("reader, intent")
	if err != nil || len(two) != 2 || !two["reader"] || !two["intent"] {
		t.Errorf("parseOnly(\"reader, intent\") = %v, %v", two, err)
	}
	if _, err := parseOnly("readers"); err == nil {
		t.Error("parseOnly(\"readers\"): no error for an unknown section")
	}
}

func TestBootAt(t *testing.T) {
	var f figures
	if err := json.Unmarshal([]byte(`{"boot": [["idle", 900], ["fetching", 1500], ["starting", 4000], ["ready", 9000]]}`), &f); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		at   float64
		want string
	}{{100, "none"}, {900, "idle"}, {3999, "fetching"}, {8000, "starting"}, {20000, "ready"}}
	for _, tt := range tests {
		if got := f.bootAt(tt.at); got != tt.want {
			t.Errorf("bootAt(%v) = %q, want %q", tt.at, got, tt.want)
		}
	}
}
