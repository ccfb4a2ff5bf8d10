//go:build !js

package main

import (
	"math"
	"testing"
)

func TestSummarize(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name          string
		in            []float64
		med, min, max figure
		n             int
	}{
		{"odd count takes the middle value", []float64{30, 10, 20}, 20, 10, 30, 3},
		{"even count averages the two middle values", []float64{4, 1, 3, 2}, 2.5, 1, 4, 4},
		{"one run is its own median and range", []float64{7}, 7, 7, 7, 1},
		{"runs without the figure are skipped", []float64{nan, 5, nan, 9}, 7, 5, 9, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := summarize(tt.in)
			if s.Median != tt.med || s.Min != tt.min || s.Max != tt.max || s.N != tt.n {
				t.Errorf("summarize(%v) = %+v, want median %v range %v–%v n %d", tt.in, s, tt.med, tt.min, tt.max, tt.n)
			}
		})
	}
}

func TestSummarizeNothingIsUnknown(t *testing.T) {
	s := summarize([]float64{math.NaN()})
	if s.N != 0 || !math.IsNaN(float64(s.Median)) {
		t.Errorf("summarize of no values = %+v, want N 0 and NaN median", s)
	}
}

func TestSummarizeLeavesInputOrder(t *testing.T) {
	in := []float64{3, 1, 2}
	summarize(in)
	if in[0] != 3 || in[1] != 1 || in[2] != 2 {
		t.Errorf("summarize reordered its input: %v", in)
	}
}

func TestRatio(t *testing.T) {
	if r := ratio(110, 100); math.Abs(r-1.1) > 1e-9 {
		t.Errorf("ratio(110, 100) = %v, want 1.1", r)
	}
	for _, c := range [][2]float64{{1, 0}, {math.NaN(), 1}, {1, math.NaN()}, {1, -2}} {
		if r := ratio(c[0], c[1]); !math.IsNaN(r) {
			t.Errorf("ratio(%v, %v) = %v, want NaN", c[0], c[1], r)
		}
	}
}

func TestFloor(t *testing.T) {
	// 200 000 bytes at 1.6 Mbit/s take one second.
	if got := floorMs(500, 200_000, 1.6e6); math.Abs(got-1500) > 1e-9 {
		t.Errorf("floorMs = %v, want 1500", got)
	}
}

func TestBlockingCountsTasksAfterFirstPaintLikeTBT(t *testing.T) {
	tasks := [][2]float64{
		{100, 80},  // ends before first paint at 200: not counted
		{150, 120}, // ends after it: counted whole, as Lighthouse does
		{400, 50},  // exactly 50 ms: blocks nothing
		{900, 300},
	}
	for _, tc := range []struct {
		fcp, longest, total float64
	}{
		{200, 300, 70 + 250},
		{1300, 0, 0},
		{math.NaN(), 0, 0}, // no first paint: nothing to count from
	} {
		longest, total := blocking(tasks, tc.fcp)
		if longest != tc.longest || total != tc.total {
			t.Errorf("fcp %v: longest %v, total %v; want %v, %v", tc.fcp, longest, total, tc.longest, tc.total)
		}
	}
}
