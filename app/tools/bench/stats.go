//go:build !js

package main

import (
	"math"
	"slices"
)

// summary is one figure over several runs: its median and its range.
type summary struct {
	Median figure `json:"median"`
	Min    figure `json:"min"`
	Max    figure `json:"max"`
	N      int    `json:"n"`
}

// summarize reduces runs to their median and range, skipping NaN (a run
// that did not produce the figure). With no usable value, N is 0 and the
// other fields are NaN.
func summarize(xs []float64) summary {
	var v []float64
	for _, x := range xs {
		if !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	if len(v) == 0 {
		return summary{Median: figure(math.NaN()), Min: figure(math.NaN()), Max: figure(math.NaN())}
	}
	slices.Sort(v)
	return summary{Median: figure(median(v)), Min: figure(v[0]), Max: figure(v[len(v)-1]), N: len(v)}
}

// median of sorted values: the middle one, or the mean of the two middle ones.
func median(sorted []float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// ratio is a/b, or NaN when either is unknown or b is not positive.
func ratio(a, b float64) float64 {
	if math.IsNaN(a) || math.IsNaN(b) || b <= 0 {
		return math.NaN()
	}
	return a / b
}

// floorMs is the physical floor of time to interactive: the static page's
// load time plus the time the compressed wasm needs at the given bandwidth.
func floorMs(baselineLoadMs float64, wasmBytes int64, bitsPerSecond float64) float64 {
	return baselineLoadMs + float64(wasmBytes)*8/bitsPerSecond*1000
}
