//go:build !js

package main

import (
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync"
	"time"
)

// A link is the emulated phone network between the browser and one server:
// every response starts a fixed latency after its request, and all
// transfers share one download and one upload bandwidth, as they share a
// phone's radio link. It is applied at the server, not with Chromium's
// network emulation, because that emulation (set over CDP) throttles only the
// page's own requests: measured with Chromium 156, a service worker's fetches
// ran at loopback speed even with the conditions set on its own session, so
// its downloads had a free link beside the page's.
type link struct {
	latency  time.Duration
	down, up *pipe
}

func newLink(p profile) *link {
	return &link{
		latency: time.Duration(p.LatencyMs * float64(time.Millisecond)),
		down:    &pipe{bytesPerSec: p.DownBits / 8},
		up:      &pipe{bytesPerSec: p.UpBits / 8},
	}
}

// chunk is how much of a body passes the pipe at once: small, so that
// concurrent transfers interleave and the browser sees a body stream in.
const chunk = 4 << 10

// pipe hands out transfer time at a fixed rate, first come first served.
type pipe struct {
	bytesPerSec float64
	mu          sync.Mutex
	free        time.Time // when the pipe is next idle
}

// slack is how late a chunk may be booked and still follow the one before
// without a gap: a sleeping writer wakes a little late, and over the wasm's
// 400 chunks that lateness added up to several hundred milliseconds the
// link itself would not have lost (measured: 8.6–8.7 s for 8.25 s of
// bytes). A longer pause is the link standing idle, and idle time is not
// banked.
const slack = 10 * time.Millisecond

// reserve books n bytes at now and returns when they have passed.
func (p *pipe) reserve(n int, now time.Time) time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.free.Add(slack).Before(now) {
		p.free = now
	}
	p.free = p.free.Add(time.Duration(float64(n) / p.bytesPerSec * float64(time.Second)))
	return p.free
}

func (p *pipe) pass(n int) { time.Sleep(time.Until(p.reserve(n, time.Now()))) }

// handler serves h over the link.
func (l *link) handler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = &slowBody{r.Body, l.up}
		}
		time.Sleep(l.latency)
		h.ServeHTTP(&slowWriter{w, l.down}, r)
	})
}

// serveLinked listens on a free loopback port and serves h over a new link.
// The wasm's requests are logged in wasmRequests as they reach the link,
// under the returned url (wasmlog.go).
func serveLinked(p profile, h http.Handler) (url string, closeFn func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	url = "http://" + ln.Addr().String()
	srv := &http.Server{Handler: wasmRequests.record(url, newLink(p).handler(h))}
	go srv.Serve(ln)
	return url, func() { srv.Close() }, nil
}

// proxyTo forwards every request to target unchanged: the bodies keep the
// encoding the server chose, so the link carries the compressed bytes.
func proxyTo(target string) (http.Handler, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	rp.Transport = &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 16}
	rp.FlushInterval = -1 // the link paces the body; never hold part of it back
	// A browser closed mid-transfer cancels its requests: not worth a line.
	rp.ErrorLog = log.New(io.Discard, "", 0)
	return rp, nil
}

type slowWriter struct {
	http.ResponseWriter
	pipe *pipe
}

func (w *slowWriter) Write(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		c := min(len(b), chunk)
		w.pipe.pass(c)
		m, err := w.ResponseWriter.Write(b[:c])
		n += m
		if err != nil {
			return n, err
		}
		w.Flush()
		b = b[c:]
	}
	return n, nil
}

func (w *slowWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

type slowBody struct {
	io.ReadCloser
	pipe *pipe
}

func (b *slowBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p[:min(len(p), chunk)])
	if n > 0 {
		b.pipe.pass(n)
	}
	return n, err
}
