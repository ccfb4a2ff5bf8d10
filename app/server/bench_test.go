//go:build !js

package server

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func benchServe(b *testing.B, path, ae string) {
	srv := newTestServer(&testing.T{})
	r, _ := http.NewRequest("GET", path, nil)
	if ae != "" {
		r.Header.Set("Accept-Encoding", ae)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		srv.ServeHTTP(discardWriter{h: http.Header{}}, r)
	}
}

type discardWriter struct{ h http.Header }

func (d discardWriter) Header() http.Header         { return d.h }
func (d discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d discardWriter) WriteHeader(int)             {}

func BenchmarkPage(b *testing.B)       { benchServe(b, "/", "") }
func BenchmarkPageBrotli(b *testing.B) { benchServe(b, "/", "gzip, deflate, br") }
func BenchmarkWasm(b *testing.B)       { benchServe(b, "/web/app.wasm", "") }
func BenchmarkWasmBrotli(b *testing.B) { benchServe(b, "/web/app.wasm", "gzip, deflate, br") }

// load sends n GET requests for url over c keep-alive connections and
// returns requests per second.
func load(url, ae string, n, c int) (float64, error) {
	tr := &http.Transport{MaxIdleConnsPerHost: c, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	var next atomic.Int64
	var firstErr error
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < c; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for next.Add(1) <= int64(n) {
				req, _ := http.NewRequest("GET", url, nil)
				if ae != "" {
					req.Header.Set("Accept-Encoding", ae)
				}
				res, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if res.StatusCode != 200 {
						err = fmt.Errorf("status %d", res.StatusCode)
					}
				}
				if err != nil {
					mu.Lock()
					firstErr = err
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	return float64(n) / time.Since(start).Seconds(), firstErr
}

// TestLoadAgainstPlainFileServer is `make bench`'s load run: the full
// server (timeouts, connection limit, access log formatted and discarded,
// security headers) against http.FileServer over files holding the same
// bytes, both on 127.0.0.1, in the same run, with a bounded request count.
func TestLoadAgainstPlainFileServer(t *testing.T) {
	if os.Getenv("LOAD") == "" {
		t.Skip("set LOAD=1 (make bench)")
	}
	srv := newTestServer(t)
	ours := startReal(t, srv)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), srv.pages["/"].body, 0o644)
	os.MkdirAll(filepath.Join(dir, "web"), 0o755)
	os.WriteFile(filepath.Join(dir, "web", "app.wasm"), srv.files["/web/app.wasm"].body, 0o644)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	plain := &http.Server{Handler: http.FileServer(http.Dir(dir)), ErrorLog: slog.NewLogLogger(slog.NewTextHandler(io.Discard, nil), slog.LevelError)}
	go plain.Serve(ln)
	defer plain.Close()
	for _, tc := range []struct {
		name, path, ae string
		n, c           int
	}{
		{"/ identity", "/", "", 20000, 16},
		{"/ browser (br)", "/", "gzip, deflate, br", 20000, 16},
		{"wasm identity", "/web/app.wasm", "", 300, 4},
		{"wasm browser (br)", "/web/app.wasm", "gzip, deflate, br", 300, 4},
	} {
		// Warm both, then alternate to share the machine's noise fairly.
		load("http://"+ours+tc.path, tc.ae, tc.n/10, tc.c)
		load("http://"+ln.Addr().String()+tc.path, tc.ae, tc.n/10, tc.c)
		var a, p float64
		for round := 0; round < 2; round++ {
			x, err := load("http://"+ours+tc.path, tc.ae, tc.n/2, tc.c)
			if err != nil {
				t.Fatal(err)
			}
			y, err := load("http://"+ln.Addr().String()+tc.path, tc.ae, tc.n/2, tc.c)
			if err != nil {
				t.Fatal(err)
			}
			a, p = a+x/2, p+y/2
		}
		t.Logf("%-18s server %8.0f req/s   plain file server %8.0f req/s   ratio %.2f", tc.name, a, p, a/p)
	}
}
