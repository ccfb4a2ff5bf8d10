//go:build !js

package server

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"explainer/app/site"
	"explainer/content"
)

// Main runs the program with command-line args and returns the exit
// status: the server, or `export` to write the static site, or `review` to
// print the texts the practice signs off, or the hidden build step
// `compress` that the Makefile uses.
func Main(args []string, s *site.Site) int {
	if len(args) > 0 {
		switch args[0] {
		case "export":
			return exportMain(args[1:], s)
		case "compress":
			return compressMain(args[1:])
		case "review":
			return reviewMain(args[1:], s, os.Stdout, os.Stderr, time.Now())
		}
	}
	cfg, err := ParseFlags(args, os.Getenv, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "explainer:", err)
		return 2
	}
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	// Edited texts are served before they are signed again: a notice,
	// not a failure.
	if n := reviewNotice(s, time.Now()); n != "" {
		log.Warn(n)
	}
	h, err := New(cfg, s, content.FS, embeddedWeb())
	if err != nil {
		log.Error("start-up failed", "err", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := Run(ctx, cfg, h, log); err != nil {
		log.Error("server failed", "err", err)
		return 1
	}
	return 0
}

// maxConns bounds the connections served at once. Past it, new connections
// wait in the kernel's accept queue instead of each costing a goroutine and
// buffers: a burst slows down rather than exhausting memory.
const maxConns = 2048

// NewHTTPServer wraps h with access logs and the timeouts a public server
// needs: without them a slow client could hold a connection open forever.
func NewHTTPServer(addr string, h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           accessLog(h, log),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      60 * time.Second, // the wasm on a slow phone link
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10, // larger headers get 431
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// Run serves h on cfg.Addr until ctx is cancelled, then shuts down
// gracefully, letting requests in flight finish for up to ten seconds. With
// the configuration's TLS certificate Go's server speaks HTTPS and
// negotiates HTTP/2 by itself.
func Run(ctx context.Context, cfg Config, h http.Handler, log *slog.Logger) error {
	srv := NewHTTPServer(cfg.Addr, h, log)
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	ln = limitListener(ln, maxConns)
	log.Info("serving", "addr", ln.Addr().String(), "tls", cfg.TLSCert != "")
	errc := make(chan error, 1)
	go func() {
		if cfg.TLSCert != "" {
			errc <- srv.ServeTLS(ln, cfg.TLSCert, cfg.TLSKey)
			return
		}
		errc <- srv.Serve(ln)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// limitListener accepts at most n connections at a time.
func limitListener(ln net.Listener, n int) net.Listener {
	return &limited{Listener: ln, sem: make(chan struct{}, n)}
}

type limited struct {
	net.Listener
	sem chan struct{}
}

func (l *limited) Accept() (net.Conn, error) {
	l.sem <- struct{}{}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.sem
		return nil, err
	}
	return &limitedConn{Conn: c, release: func() { <-l.sem }}, nil
}

type limitedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}

// accessLog logs one structured line per request. It records the path but
// not the query string or the client's address: readers of a therapy site
// are owed discretion.
func accessLog(h http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rw, r)
		log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rw.status,
			"bytes", rw.n, "ms", time.Since(start).Milliseconds())
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
	n      int64
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

var _ io.Writer = (*statusWriter)(nil)
