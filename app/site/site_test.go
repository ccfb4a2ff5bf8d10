package site

import (
	"testing"

	"explainer/content"
)

// The browser passes a yield that ends the main thread's task: it must come
// between the files, and the site must be the one Load gives.
func TestLoadYieldsBetweenFiles(t *testing.T) {
	calls := 0
	s, err := Load(content.FS, testPages, func() { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	want, err := Load(content.FS, testPages, nil)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Errorf("yielded %d times, want 2 (after the article, after the FAQ)", calls)
	}
	if s.Article.Title != want.Article.Title || len(s.FAQ) != len(want.FAQ) || len(s.Fit.Statements) != len(want.Fit.Statements) {
		t.Error("Load with a yield loaded a different site from Load without")
	}
}

// testPages stands for the UI's route table (package ui imports site, so
// site's tests cannot ask it); ui's tests load the content with the real one.
var testPages = []string{"/", "/faq", "/fit", "/embed"}
