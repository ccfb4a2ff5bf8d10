//go:build !js

package main

import (
	"math"
	"runtime"
	"strconv"
)

// figure is a measured number; NaN marks one that never came. It writes
// itself to JSON as null then, since encoding/json refuses NaN.
type figure float64

// MarshalJSON writes the number, or null for NaN and infinities.
func (f figure) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, x, 'g', -1, 64), nil
}

func numCPU() int { return runtime.NumCPU() }
