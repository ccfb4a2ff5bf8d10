//go:build !js

package server

import (
	"bytes"
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
// its type, validators, caching policy and compressed variants.
type asset struct {
	body         []byte
	br, gz       []byte // compressed variants; nil when not worth it
	ctype        string
	etag         string // quoted; a variant's ETag adds -br or -gz
	cacheControl string
	vary         []string // the Vary header when compressed; nil: Accept-Encoding
	// lazy assets are compressed on first use rather than when made: the
	// dozens of embed variants, most of which may never be asked for,
	// would otherwise cost seconds of brotli at every start.
	lazy    bool
	zipOnce sync.Once
}

// Cache policies. Nothing the site serves has a versioned URL (go-app asks
// for /app.js and /web/app.wasm by fixed names), so whatever must change with
// a release is revalidated on every use; the ETag makes that one cheap round
// trip, and once the service worker is installed it answers from its cache
// anyway. Icons and stylesheets may be a little stale without harm.
const (
	cacheRevalidate = "no-cache"
	cacheStatic     = "public, max-age=3600, stale-while-revalidate=86400"
	cacheShort      = "public, max-age=300"
	cacheSEO        = "public, max-age=3600"
)

func newAsset(body []byte, ctype, cacheControl string) *asset {
	a := newLazyAsset(body, ctype, cacheControl)
	a.variants()
	return a
}

// newLazyAsset is newAsset, compressed on first use.
func newLazyAsset(body []byte, ctype, cacheControl string) *asset {
	sum := sha256.Sum256(body)
	return &asset{body: body, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, cacheControl: cacheControl, lazy: true}
}

// variants returns the compressed variants, making them the first time.
func (a *asset) variants() (br, gz []byte) {
	a.zipOnce.Do(func() {
		if a.lazy && compressible(a.ctype) && len(a.body) > 512 {
			a.setVariant(encBrotli, compress(a.body, encBrotli))
			a.setVariant(encGzip, compress(a.body, encGzip))
		}
	})
	return a.br, a.gz
}

// setVariant keeps a compressed variant when it saves at least a tenth.
func (a *asset) setVariant(enc string, z []byte) {
	if len(z) > len(a.body)*9/10 {
		return
	}
	switch enc {
	case encBrotli:
		a.br = z
	case encGzip:
		a.gz = z
	}
}

func compressible(ctype string) bool {
	for _, p := range []string{"text/", "application/javascript", "application/json", "application/manifest+json", "image/svg+xml", "application/wasm", "application/xml"} {
		if strings.HasPrefix(ctype, p) {
			return true
		}
	}
	return false
}

// serve writes the asset, answering conditional and range requests through
// http.ServeContent. The coding is chosen by Accept-Encoding; ranges are only
// served on the identity body, where byte offsets mean what the client
// thinks they mean. Every variant has its own ETag, so a cache never answers
// a gzip request with a brotli body.
func (a *asset) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h["Content-Type"] = []string{a.ctype}
	h["Cache-Control"] = []string{a.cacheControl}
	body, etag := a.body, a.etag
	if br, gz := a.variants(); br != nil || gz != nil {
		h["Vary"] = varyEncoding
		if _, ranged := r.Header["Range"]; !ranged {
			switch negotiate(r.Header.Get("Accept-Encoding"), br != nil, gz != nil) {
			case encBrotli:
				body, etag = br, a.etag[:len(a.etag)-1]+`-br"`
				h["Content-Encoding"] = []string{encBrotli}
			case encGzip:
				body, etag = gz, a.etag[:len(a.etag)-1]+`-gz"`
				h["Content-Encoding"] = []string{encGzip}
			}
		}
	}
	if rg, ranged := r.Header["Range"]; ranged && (len(rg) != 1 || !strings.HasPrefix(rg[0], "bytes=")) {
		// A range unit other than bytes is ignored (RFC 9110 14.2), not
		// refused as http.ServeContent would.
		r.Header.Del("Range")
	}
	if a.vary != nil {
		h["Vary"] = a.vary
	}
	h["Etag"] = []string{etag}
	if !needsServeContent(r) {
		// The common case, a whole response, without http.ServeContent's
		// per-request copy buffer.
		if inm := r.Header.Get("If-None-Match"); inm != "" && etagListMatches(inm, etag) {
			delete(h, "Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return
		}
		h["Content-Length"] = []string{strconv.Itoa(len(body))}
		h["Accept-Ranges"] = acceptRanges
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

var (
	acceptRanges = []string{"bytes"}
	varyEncoding = []string{"Accept-Encoding"}
)

// needsServeContent reports whether the request has a range or a
// precondition other than If-None-Match, which http.ServeContent handles.
func needsServeContent(r *http.Request) bool {
	for _, k := range []string{"Range", "If-Match", "If-Unmodified-Since", "If-Range"} {
		if _, ok := r.Header[k]; ok {
			return true
		}
	}
	return false
}

// etagListMatches is If-None-Match's weak comparison against etag.
func etagListMatches(list, etag string) bool {
	for _, t := range strings.Split(list, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

// webFiles is the web folder read into memory: what is served under /web/,
// and the two files with their own places.
type webFiles struct {
	assets  map[string]*asset // "/web/name" → asset
	worker  []byte            // app-worker.js, the service worker template
	embedJS []byte            // embed.js, served at /embed.js; nil when absent
}

// loadWeb reads the embedded web folder into memory, skipping Go sources.
// Only the files listed here can ever be served under /web/. A file's .br
// and .gz siblings (written at build time for the wasm) become its
// variants, after a check that they decode to its current bytes.
func loadWeb(fsys fs.FS) (webFiles, error) {
	out := webFiles{assets: map[string]*asset{}}
	names, err := fileNames(fsys)
	if err != nil {
		return out, err
	}
	have := map[string]bool{}
	for _, n := range names {
		have[n] = true
	}
	for _, p := range names {
		if strings.HasSuffix(p, ".go") || isVariant(p, have) {
			continue
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return out, err
		}
		switch p {
		case "app-worker.js":
			out.worker = b
			continue
		case "embed.js":
			out.embedJS = b
			continue
		}
		cc := cacheStatic
		if p == "app.wasm" || strings.HasSuffix(p, ".js") || strings.HasSuffix(p, ".css") {
			cc = cacheRevalidate // these change with every release
		}
		out.assets["/web/"+p] = webAsset(fsys, p, b, cc)
	}
	return out, nil
}

func fileNames(fsys fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	return names, err
}

// isVariant reports whether p is a compressed sibling of another file.
func isVariant(p string, have map[string]bool) bool {
	for _, ext := range []string{".br", ".gz"} {
		if base, ok := strings.CutSuffix(p, ext); ok && have[base] {
			return true
		}
	}
	return false
}

// webAsset builds the asset for web/p, preferring precompressed variants.
// Large files are compressed ahead of time because brotli's best setting
// takes tens of seconds on the wasm.
func webAsset(fsys fs.FS, p string, b []byte, cc string) *asset {
	ctype := contentType(p)
	sum := sha256.Sum256(b)
	a := &asset{body: b, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, cacheControl: cc}
	if !compressible(ctype) || len(b) <= 512 {
		return a
	}
	for _, enc := range []string{encBrotli, encGzip} {
		ext := map[string]string{encBrotli: ".br", encGzip: ".gz"}[enc]
		if z, err := fs.ReadFile(fsys, p+ext); err == nil && decodesTo(z, enc, b) {
			a.setVariant(enc, z)
			continue
		}
		a.setVariant(enc, compress(b, enc))
	}
	return a
}

func contentType(p string) string {
	switch path.Ext(p) {
	case ".wasm":
		return "application/wasm"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".webmanifest":
		return "application/manifest+json"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".html":
		return "text/html; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".xml":
		return "application/xml; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// size is the identity length as a decimal string.
func (a *asset) size() string { return strconv.Itoa(len(a.body)) }
