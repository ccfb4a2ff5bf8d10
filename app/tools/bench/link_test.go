//go:build !js

package main

import (
	"testing"
	"time"
)

// The pipe is what makes the benchmark's network honest: transfers that
// overlap share the bandwidth instead of each getting all of it.
func TestPipeSharesItsBandwidth(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ms := func(d int) time.Time { return t0.Add(time.Duration(d) * time.Millisecond) }
	tests := []struct {
		name  string
		books []struct{ n, at int } // bytes, booked at ms
		want  []int                 // ms each booking has passed
	}{
		{"one transfer takes size over rate", []struct{ n, at int }{{1000, 0}}, []int{1000}},
		{"overlapping transfers queue", []struct{ n, at int }{{500, 0}, {500, 0}, {500, 100}}, []int{500, 1000, 1500}},
		{"an idle pipe does not bank time", []struct{ n, at int }{{100, 0}, {100, 5000}}, []int{100, 5100}},
		{"a chunk booked a moment late follows without a gap", []struct{ n, at int }{{100, 0}, {100, 105}}, []int{100, 200}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &pipe{bytesPerSec: 1000}
			for i, b := range tt.books {
				if got := p.reserve(b.n, ms(b.at)); !got.Equal(ms(tt.want[i])) {
					t.Errorf("booking %d: passed at %v, want %d ms", i, got.Sub(t0), tt.want[i])
				}
			}
		})
	}
}
