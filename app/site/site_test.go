package site

import (
	"testing"

	"explainer/content"
)

// The browser passes a yield that ends the main thread's task: it must come
// between the files, and the site must be the one Load gives.
func TestLoadYieldingYieldsBetweenFiles(t *testing.T) {
	calls := 0
	s, err := LoadYielding(content.FS, func() { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	want, err := Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Errorf("yielded %d times, want 2 (after the article, after the FAQ)", calls)
	}
	if s.Article.Title != want.Article.Title || len(s.FAQ) != len(want.FAQ) || len(s.Fit.Statements) != len(want.Fit.Statements) {
		t.Error("LoadYielding loaded a different site from Load")
	}
}
