package site

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

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

// The questionnaire's "first options" note links to an FAQ answer; a link to
// a question that does not exist stops the site at load, with file and line.
func TestFitFirstOptionsMustLinkToAnFAQQuestion(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"article.md", "faq.md", "fit.txt"} {
		b, err := fs.ReadFile(content.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	src := string(fsys["fit.txt"].Data)
	line := 2 + strings.Count(src[:strings.Index(src, "\nfirst-faq:")], "\n")
	fsys["fit.txt"].Data = []byte(strings.Replace(src, "first-faq: another-first", "first-faq: no-such-question", 1))
	_, err := Load(fsys, testPages, nil)
	want := fmt.Sprintf(`content/fit.txt:%d: first-faq "no-such-question" is not a question id in content/faq.md`, line)
	if err == nil || err.Error() != want {
		t.Errorf("Load = %v, want %s", err, want)
	}
}
