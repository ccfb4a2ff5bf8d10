//go:build !js

package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"io"
	"strconv"
	"strings"
	"sync"
)

// Content codings the server can send besides identity, best first.
const (
	encBrotli = "br"
	encGzip   = "gzip"
)

// negotiate picks the content coding for an Accept-Encoding header among
// those available (a nil variant is unavailable). It reads the header
// leniently: a malformed element or q value counts as "not accepted", never
// as an error, and identity is always the fallback.
func negotiate(acceptEncoding string, haveBr, haveGz bool) string {
	if acceptEncoding == "" {
		return ""
	}
	qBr, qGz, qStar := -1.0, -1.0, -1.0
	for _, part := range strings.Split(acceptEncoding, ",") {
		name, params, _ := strings.Cut(part, ";")
		q, ok := qValue(params)
		if !ok {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case encBrotli:
			qBr = q
		case encGzip, "x-gzip":
			qGz = q
		case "*":
			qStar = q
		}
	}
	if qBr < 0 {
		qBr = qStar
	}
	if qGz < 0 {
		qGz = qStar
	}
	switch {
	case haveBr && qBr > 0 && (qBr >= qGz || !haveGz):
		return encBrotli
	case haveGz && qGz > 0:
		return encGzip
	case haveBr && qBr > 0:
		return encBrotli
	}
	return ""
}

// qValue reads the q parameter of one Accept-Encoding element: 1 when
// absent, false when present but not a number in [0, 1].
func qValue(params string) (float64, bool) {
	for _, p := range strings.Split(params, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || q < 0 || q > 1 {
			return 0, false
		}
		return q, true
	}
	return 1, true
}

// compressedCache keeps compressed bodies by content hash and coding, so a
// handler rebuilt with the same assets (tests build many, the export builds
// one more) never compresses the same bytes twice.
var compressedCache sync.Map

type compressKey struct {
	sum [sha256.Size]byte
	enc string
}

// compress returns b in the coding enc. Text assets are small, so they get
// the strongest settings; a large body (the wasm, when the build did not
// precompress it) gets settings that take well under a second.
func compress(b []byte, enc string) []byte {
	key := compressKey{sha256.Sum256(b), enc}
	if v, ok := compressedCache.Load(key); ok {
		return v.([]byte)
	}
	large := len(b) > 1<<20
	var buf bytes.Buffer
	var w io.WriteCloser
	switch enc {
	case encBrotli:
		q := 11
		if large {
			q = 5
		}
		w = newBrotliWriter(&buf, q, 22)
	case encGzip:
		level := gzip.BestCompression
		if large {
			level = gzip.DefaultCompression
		}
		w, _ = gzip.NewWriterLevel(&buf, level)
	default:
		panic("server: unknown coding " + enc)
	}
	w.Write(b)
	w.Close()
	z := buf.Bytes()
	compressedCache.Store(key, z)
	return z
}

// verifiedCache remembers precompressed variants already checked against
// their source.
var verifiedCache sync.Map

// decodesTo reports whether z, in coding enc, decompresses to exactly b. A
// variant left over from an older build must never be served.
func decodesTo(z []byte, enc string, b []byte) bool {
	key := compressKey{sha256.Sum256(z), enc + "\x00" + string(sha256Sum(b))}
	if v, ok := verifiedCache.Load(key); ok {
		return v.(bool)
	}
	var r io.Reader
	switch enc {
	case encBrotli:
		r = newBrotliReader(bytes.NewReader(z))
	case encGzip:
		zr, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			return false
		}
		r = zr
	}
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(r, int64(len(b))+1))
	ok := err == nil && n == int64(len(b)) && bytes.Equal(h.Sum(nil), sha256Sum(b))
	verifiedCache.Store(key, ok)
	return ok
}

func sha256Sum(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}

// Compress writes the build-time variants of a large asset: quality 11
// brotli and level 9 gzip, which take too long to make at start-up. The
// Makefile runs it on web/app.wasm through the hidden `compress` command.
func Compress(b []byte) (br, gz []byte) {
	var bb, gb bytes.Buffer
	w := newBrotliWriter(&bb, 11, 24)
	w.Write(b)
	w.Close()
	g, _ := gzip.NewWriterLevel(&gb, gzip.BestCompression)
	g.Write(b)
	g.Close()
	return bb.Bytes(), gb.Bytes()
}
