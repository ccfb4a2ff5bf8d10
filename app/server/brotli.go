//go:build !js

package server

import (
	"io"

	"github.com/andybalholm/brotli"
)

func newBrotliWriter(w io.Writer, quality, lgwin int) io.WriteCloser {
	return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: quality, LGWin: lgwin})
}

func newBrotliReader(r io.Reader) io.Reader { return brotli.NewReader(r) }
