package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// asset is a response body held in memory with what is needed to serve it:
// its type, validators and caching policy.
type asset struct {
	body         []byte
	gz           []byte // gzip variant, nil when not worth it
	ctype        string
	etag         string
	cacheControl string
}

func newAsset(body []byte, ctype, cacheControl string) *asset {
	sum := sha256.Sum256(body)
	a := &asset{body: body, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, cacheControl: cacheControl}
	if compressible(ctype) && len(body) > 512 {
		a.gz = gzipCached(a.etag, body)
	}
	return a
}

func compressible(ctype string) bool {
	for _, p := range []string{"text/", "application/javascript", "application/json", "application/manifest+json", "image/svg+xml", "application/wasm", "application/xml"} {
		if strings.HasPrefix(ctype, p) {
			return true
		}
	}
	return false
}

// gzCache keeps compressed bodies by content hash, so a handler rebuilt with
// the same assets (tests build many) does not compress the wasm again.
var gzCache sync.Map

func gzipCached(key string, b []byte) []byte {
	if v, ok := gzCache.Load(key); ok {
		return v.([]byte)
	}
	z := gzipBytes(b)
	gzCache.Store(key, z)
	return z
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// serve writes the asset, answering conditional and range requests through
// http.ServeContent. The gzip variant is chosen by Accept-Encoding; ranges
// are only served on the identity body, where byte offsets mean what the
// client thinks they mean.
func (a *asset) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("Cache-Control", a.cacheControl)
	body := a.body
	if a.gz != nil {
		h.Add("Vary", "Accept-Encoding")
		if r.Header.Get("Range") == "" && acceptsGzip(r.Header.Get("Accept-Encoding")) {
			body = a.gz
			h.Set("Content-Encoding", "gzip")
			h.Set("ETag", strings.TrimSuffix(a.etag, `"`)+`-gz"`)
			http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
			return
		}
	}
	h.Set("ETag", a.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// acceptsGzip reads Accept-Encoding leniently: a malformed header or a
// q value that does not parse means identity, never an error.
func acceptsGzip(ae string) bool {
	for _, part := range strings.Split(ae, ",") {
		name, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
			continue
		}
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(k, "q") {
				q, err := strconv.ParseFloat(v, 64)
				return err == nil && q > 0 && q <= 1
			}
		}
		return true
	}
	return false
}

// loadWeb reads the embedded web folder into memory, skipping Go sources.
// Only the files listed here can ever be served under /web/.
func loadWeb(fsys fs.FS) (map[string]*asset, error) {
	out := map[string]*asset{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out["/web/"+p] = newAsset(b, contentType(p), "public, max-age=3600, stale-while-revalidate=86400")
		return nil
	})
	return out, err
}

func contentType(p string) string {
	switch path.Ext(p) {
	case ".wasm":
		return "application/wasm"
	case ".js":
		return "application/javascript; charset=utf-8"
	case ".webmanifest":
		return "application/manifest+json"
	}
	if t := mime.TypeByExtension(path.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}
