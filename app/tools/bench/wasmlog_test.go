//go:build !js

package main

import (
	"math"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// Each visit reads its own window of the link's log: its origin, from its
// start until its end.
func TestWasmLogWindow(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ms := func(d int) time.Time { return t0.Add(time.Duration(d) * time.Millisecond) }
	const app, before = "http://127.0.0.1:1", "http://127.0.0.1:2"
	l := &wasmLog{hits: []*wasmHit{
		{Origin: app, At: ms(100), Status: 200, Encoding: "br", Bytes: 1700},
		{Origin: before, At: ms(150), Status: 200, Encoding: "gzip", Bytes: 2500},
		{Origin: app, At: ms(900), Status: 200, Encoding: "br", Bytes: 1700}, // the service worker's copy
		{Origin: app, At: ms(2000), Status: 304},
	}}
	tests := []struct {
		name     string
		origin   string
		from, to int
		want     wasmTally
	}{
		{"cold visit: the page's and the service worker's", app, 0, 1000, wasmTally{Requests: 2, Bytes: 3400, Encoding: "br", First: ms(100)}},
		{"from is inclusive, to exclusive", app, 100, 900, wasmTally{Requests: 1, Bytes: 1700, Encoding: "br", First: ms(100)}},
		{"repeat visit: a revalidation, no body", app, 1000, 3000, wasmTally{Requests: 1, Revalidated: 1, First: ms(2000)}},
		{"another server's requests are not this visit's", before, 0, 3000, wasmTally{Requests: 1, Bytes: 2500, Encoding: "gzip", First: ms(150)}},
		{"nothing in the window", app, 3000, 4000, wasmTally{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tally(l.window(tt.origin, ms(tt.from), ms(tt.to))); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// The link's arrival time is put on the page's clock through
// performance.timeOrigin.
func TestSinceNavigation(t *testing.T) {
	origin := time.Date(2026, 12, 5, 13, 0, 0, 0, time.UTC)
	originMs := float64(origin.UnixMilli()) + 0.25 // timeOrigin has fractions of a ms
	tests := []struct {
		name     string
		at       time.Time
		originMs float64
		want     float64 // NaN: no figure
	}{
		{"after navigation", origin.Add(2500 * time.Millisecond), originMs, 2499.75},
		{"microseconds kept", origin.Add(1500 * time.Microsecond), originMs, 1.25},
		{"no request", time.Time{}, originMs, math.NaN()},
		{"no timeOrigin", origin, 0, math.NaN()},
		{"timeOrigin NaN", origin, math.NaN(), math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := float64(sinceNavigation(tt.at, tt.originMs))
			if math.IsNaN(tt.want) != math.IsNaN(got) || (!math.IsNaN(got) && math.Abs(got-tt.want) > 1e-6) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// CDP's wasm bytes are replaced by the link's; those the page did not see
// were a worker's.
func TestWithLinkWasm(t *testing.T) {
	tests := []struct {
		name                 string
		bytes, workerBytes   int64
		pageWasm, workerWasm int64
		link                 int64
		wantBytes, wantWork  int64
	}{
		{"the dedicated worker's fetch, unseen by CDP", 50_000, 0, 0, 0, 1_700_000, 1_750_000, 1_700_000},
		{"the page's own fetch, seen by both", 1_750_300, 0, 1_700_300, 0, 1_700_000, 1_750_000, 0},
		{"and the service worker's copy", 3_450_000, 1_700_000, 1_700_000, 1_700_000, 3_400_000, 3_450_000, 1_700_000},
		{"no wasm", 50_000, 2_000, 0, 0, 0, 50_000, 2_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := withLinkWasm(visit{Bytes: tt.bytes, WorkerBytes: tt.workerBytes}, tt.pageWasm, tt.workerWasm, wasmTally{Bytes: tt.link})
			if v.Bytes != tt.wantBytes || v.WorkerBytes != tt.wantWork || v.WasmBytes != tt.link {
				t.Errorf("got bytes %d, workers %d, wasm %d; want %d, %d, %d", v.Bytes, v.WorkerBytes, v.WasmBytes, tt.wantBytes, tt.wantWork, tt.link)
			}
		})
	}
}

// The recorder sits outside the link: arrival before the latency, and the
// body bytes as they pass.
func TestWasmLogRecords(t *testing.T) {
	l := &wasmLog{}
	lk := newLink(profile{LatencyMs: 50, DownBits: 8e9, UpBits: 8e9})
	h := l.record("o", lk.handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") != "" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Encoding", "br")
		w.Write(make([]byte, 10_000))
	})))
	start := time.Now()
	for _, path := range []string{"/web/app.wasm", "/web/boot.js", "/web/app.wasm?v=1"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
	}
	req := httptest.NewRequest("GET", "/web/app.wasm", nil)
	req.Header.Set("If-None-Match", `"x"`)
	h.ServeHTTP(httptest.NewRecorder(), req)
	hits := l.window("o", start, time.Now().Add(time.Second))
	if len(hits) != 3 {
		t.Fatalf("%d hits, want 3 (the wasm's, not boot.js's): %+v", len(hits), hits)
	}
	if got, want := tally(hits), (wasmTally{Requests: 3, Revalidated: 1, Bytes: 20_000, Encoding: "br", First: hits[0].At}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if d := hits[1].At.Sub(hits[0].At); d < 50*time.Millisecond {
		t.Errorf("second request arrived %v after the first, want at least the link's latency", d)
	}
}
