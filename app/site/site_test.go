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
	_, err := Load(fsys)
	want := fmt.Sprintf(`content/fit.txt:%d: first-faq "no-such-question" is not a question id in content/faq.md`, line)
	if err == nil || err.Error() != want {
		t.Errorf("Load = %v, want %s", err, want)
	}
}
