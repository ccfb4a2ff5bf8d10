//go:build !js

package main

import (
	"net/http"
	"sync"
	"time"
)

// The wasm's requests are counted where every one of them must pass: at
// the emulated link, on the server side. Since boot.js fetches and
// compiles the wasm in a dedicated worker (web/compile-worker.js), neither
// the page's CDP session nor the service and shared workers' sessions see
// that fetch; the link sees it, and every other fetch of the wasm too (the
// page's, the service worker's). A request the service worker answers from
// its cache, or the HTTP cache without revalidating, never reaches the
// link: it cost no network, and is rightly not counted.

// wasmHit is one request for app.wasm that reached a link.
type wasmHit struct {
	Origin   string    `json:"origin"`   // the linked server, http://host:port
	At       time.Time `json:"at"`       // when the request arrived, before the link's latency
	Status   int       `json:"status"`   // 0 until the response's header was written
	Encoding string    `json:"encoding"` // its Content-Encoding
	Bytes    int64     `json:"bytes"`    // body bytes passed over the link so far (encoded)
}

// wasmLog records the wasm requests of every linked server.
type wasmLog struct {
	mu   sync.Mutex
	hits []*wasmHit
}

// wasmRequests is the log every linked server writes to. The bench's
// visits run one after another, each in its own browser, and each reads
// the window of its own origin from its start to its end.
var wasmRequests = &wasmLog{}

// record wraps h, the link's handler for origin, so that requests for
// app.wasm are logged as they arrive and their bytes as they pass.
func (l *wasmLog) record(origin string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isWasm(r.URL.Path) {
			h.ServeHTTP(w, r)
			return
		}
		hit := &wasmHit{Origin: origin, At: time.Now()}
		l.mu.Lock()
		l.hits = append(l.hits, hit)
		l.mu.Unlock()
		h.ServeHTTP(&countingWriter{ResponseWriter: w, hit: hit, mu: &l.mu}, r)
	})
}

// window returns copies of origin's hits that arrived in [from, to).
func (l *wasmLog) window(origin string, from, to time.Time) []wasmHit {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []wasmHit
	for _, h := range l.hits {
		if h.Origin == origin && !h.At.Before(from) && h.At.Before(to) {
			out = append(out, *h)
		}
	}
	return out
}

// wasmTally is what a window of hits adds up to.
type wasmTally struct {
	Requests    int       // every request that reached the link
	Revalidated int       // of which answered 304 Not Modified (no body)
	Bytes       int64     // body bytes over the link
	Encoding    string    // of the first response with a body
	First       time.Time // arrival of the first request; zero if none
}

func tally(hits []wasmHit) wasmTally {
	var t wasmTally
	for _, h := range hits {
		t.Requests++
		t.Bytes += h.Bytes
		if h.Status == http.StatusNotModified {
			t.Revalidated++
		} else if t.Encoding == "" && h.Bytes > 0 {
			t.Encoding = h.Encoding
		}
		if t.First.IsZero() || h.At.Before(t.First) {
			t.First = h.At
		}
	}
	return t
}

// sinceNavigation converts a wall-clock time to milliseconds since the
// page's navigation started, given the page's performance.timeOrigin
// (epoch milliseconds, on the same machine's clock). NaN if either is
// missing.
func sinceNavigation(at time.Time, timeOriginMs float64) figure {
	if at.IsZero() || !(timeOriginMs > 0) {
		return nan()
	}
	return figure(float64(at.UnixMicro())/1000 - timeOriginMs)
}

// countingWriter notes a wasm response's status and encoding, and the
// body bytes that pass through it.
type countingWriter struct {
	http.ResponseWriter
	hit  *wasmHit
	mu   *sync.Mutex
	sent bool
}

func (w *countingWriter) WriteHeader(code int) {
	if !w.sent {
		w.sent = true
		w.mu.Lock()
		w.hit.Status = code
		w.hit.Encoding = w.Header().Get("Content-Encoding")
		w.mu.Unlock()
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *countingWriter) Write(b []byte) (int, error) {
	if !w.sent {
		w.WriteHeader(http.StatusOK)
	}
	n, err := w.ResponseWriter.Write(b)
	w.mu.Lock()
	w.hit.Bytes += int64(n)
	w.mu.Unlock()
	return n, err
}

func (w *countingWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
