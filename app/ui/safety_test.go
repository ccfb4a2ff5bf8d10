package ui

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"explainer/app/fit"
	"explainer/app/site"
	"explainer/content"
)

// withFile is the content with one file replaced.
func withFile(t *testing.T, name, text string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(content.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(content.FS, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m[name] = &fstest.MapFile{Data: []byte(text)}
	return m
}

// A change to content/safety.md changes every place that shows the line:
// the footer, a questionnaire step, its review, the result, each embedded
// widget and the FAQ's crisis answer; the old numbers are nowhere.
func TestSafetyLineChangesEverywhereFromOneFile(t *testing.T) {
	const line = "Testing the one line: [ring 555](tel:555) or [write to 556](sms:556), or [talk online](https://help.example/talk)."
	s, err := site.Load(withFile(t, "safety.md", "line: "+line+"\nsite: https://help.example/\nfaq: crisis\n"), LinkTargets(), nil)
	if err != nil {
		t.Fatal(err)
	}
	u := New(s, Config{})
	d := s.Fit
	result := &FitPage{ui: u, answers: fit.Answers{"relationships": 5, "why": 5, "open-talk": 4}, step: len(d.Statements) + 1, ready: true}
	review := &FitPage{ui: u, step: len(d.Statements), ready: true}
	pages := map[string]string{"fit result": Prerender(result), "fit review": Prerender(review)}
	for _, r := range u.Routes() {
		pages[r.Path] = Prerender(r.New())
	}
	for name, html := range pages {
		for _, want := range []string{"Testing the one line:", `<a href="tel:555">ring 555</a>`, `<a href="sms:556">write to 556</a>`, `<a href="https://help.example/talk"`} {
			if !strings.Contains(html, want) {
				t.Errorf("%s does not show the line from content/safety.md: no %q", name, want)
			}
		}
		if strings.Contains(html, "988") || strings.Contains(html, "tel:911") {
			t.Errorf("%s still shows a number that is no longer in content/safety.md", name)
		}
	}
	faq := pages["/faq"]
	crisis := strings.Index(faq, `id="crisis"`)
	if crisis < 0 || !strings.Contains(faq[crisis:], `<p class="crisis faq-safety">Testing the one line`) {
		t.Error("the FAQ's crisis answer does not start with the line")
	}
	if !strings.Contains(pages["fit result"], `class="fit-summary"><p class="crisis fit-result-safety">Testing the one line`) {
		t.Error("the result does not lead with the line")
	}
}
