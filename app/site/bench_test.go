package site

import (
	"testing"

	"explainer/content"
)

var pages = []string{"/", "/faq", "/fit", "/glossary", "/sources", "/embed"}

// BenchmarkLoad is the whole start-up parse, in the browser and on the
// server; the two below are the parts the sign-off and the citations add,
// to read as shares of it.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(content.FS, pages, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadContentHash(b *testing.B) {
	s, err := Load(content.FS, pages, nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		_ = hashText(s.ReviewParts())
	}
}

func BenchmarkLoadSources(b *testing.B) {
	s, err := Load(content.FS, pages, nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := s.loadSources(content.FS); err != nil {
			b.Fatal(err)
		}
	}
}
