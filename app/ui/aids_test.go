package ui

import (
	"regexp"
	"strings"
	"testing"
)

var popoverRE = regexp.MustCompile(`<div [^>]*popover="auto"[^>]*>`)

// withoutPopovers drops the glossary definitions from prerendered HTML: they
// are hidden until the reader asks for one.
func withoutPopovers(h string) string {
	for {
		loc := popoverRE.FindStringIndex(h)
		if loc == nil {
			return h
		}
		el, ok := element(h[loc[0]:], "<div")
		if !ok {
			return h
		}
		h = h[:loc[0]] + h[loc[0]+len(el):]
	}
}

var (
	inShortRE = regexp.MustCompile(`<div [^>]*class="in-short"[^>]*>`)
	termRE    = regexp.MustCompile(`<button class="term" popovertarget="([a-z0-9-]+)" type="button">([^<]+)</button>`)
)

// The article carries each section's key points right after its heading,
// outside Dr. Kaiser's paragraphs, labelled as the site's summary.
func TestArticleShowsInShortAfterEveryHeadingOutsideHerText(t *testing.T) {
	u, s := loadFAQSite(t)
	page := Prerender(&ArticlePage{ui: u})
	ids := s.Article.SectionIDs()
	for _, id := range ids {
		h := strings.Index(page, `<h2 id="`+id+`">`)
		if h < 0 {
			t.Fatalf("no heading %q", id)
		}
		rest := page[h:]
		rest = rest[strings.Index(rest, "</h2>")+len("</h2>"):]
		loc := inShortRE.FindStringIndex(rest)
		if loc == nil || loc[0] != 0 {
			t.Errorf("section %q: the In short box does not follow its heading: %.120s", id, rest)
			continue
		}
		box, _ := element(rest, "<div")
		if !strings.Contains(box, `aria-labelledby="in-short-`+id+`"`) || !strings.Contains(box, `role="note"`) ||
			!strings.Contains(box, "not Dr. Kaiser’s words") {
			t.Errorf("section %q: box is not labelled as the site's summary: %.200s", id, box)
		}
		for _, p := range s.Aids.InShort[id] {
			if !strings.Contains(box, "<li>"+htmlEsc(p)+"</li>") {
				t.Errorf("section %q: point %q missing", id, p)
			}
		}
	}
	if n := len(inShortRE.FindAllString(page, -1)); n != len(ids) {
		t.Errorf("%d In short boxes, want one per section (%d)", n, len(ids))
	}
	if !strings.Contains(page, `<input checked class="in-short-toggle" id="in-short-toggle" type="checkbox">`) ||
		!strings.Contains(page, `<label for="in-short-toggle">`) {
		t.Error("the page has no checked In short switch with a label")
	}
}

func htmlEsc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// Every glossary term used in the article's running text is a button at its
// first use, whose popover exists once; no term is marked twice.
func TestGlossaryTermsAreMarkedOnceWithTheirDefinitions(t *testing.T) {
	u, s := loadFAQSite(t)
	for _, tc := range []struct {
		name, page, prefix string
		min                int
	}{
		{"article", Prerender(&ArticlePage{ui: u}), "gd-", 15},
		{"faq", Prerender(&FAQPage{ui: u}), "gf-", 5},
	} {
		marked := map[string]bool{}
		for _, m := range termRE.FindAllStringSubmatch(tc.page, -1) {
			id := m[1]
			if !strings.HasPrefix(id, tc.prefix) && !(tc.name == "article" && strings.HasPrefix(id, "gf-")) {
				t.Errorf("%s: term button for %q", tc.name, id)
			}
			if marked[id] {
				t.Errorf("%s: %q marked twice", tc.name, id)
			}
			marked[id] = true
			if n := strings.Count(tc.page, `id="`+id+`"`); n != 1 {
				t.Errorf("%s: %d elements with id %q, want 1 popover", tc.name, n, id)
			}
			if !strings.Contains(tc.page, `href="/glossary#`+strings.TrimPrefix(strings.TrimPrefix(id, "gd-"), "gf-")+`"`) {
				t.Errorf("%s: the definition of %q does not link to /glossary", tc.name, id)
			}
		}
		n := 0
		for _, term := range s.Aids.Glossary {
			if marked[tc.prefix+term.ID] {
				n++
			}
		}
		if n < tc.min {
			t.Errorf("%s: %d glossary terms marked, want at least %d", tc.name, n, tc.min)
		}
	}
}

// The first use is the first in running text: the CBT term's first use in
// the article is "cognitive behavioral therapy" in its opening paragraph.
func TestFirstUseIsMarked(t *testing.T) {
	page := Prerender(&ArticlePage{ui: testApp(t)})
	if !strings.Contains(page, `<button class="term" popovertarget="gd-cbt" type="button">cognitive behavioral therapy</button> or another structured approach`) {
		t.Error("the first use of CBT in the article is not marked")
	}
	if strings.Contains(page, `<h2 id="how-unconscious-patterns-affect-daily-life"><button`) {
		t.Error("a term inside a heading was marked")
	}
}

// /glossary lists every term in a <dl>, each <dt> with its id.
func TestGlossaryPageListsEveryTerm(t *testing.T) {
	u, s := loadFAQSite(t)
	page := Prerender(&GlossaryPage{ui: u})
	if !strings.Contains(page, "<dl>") {
		t.Fatal("no definition list")
	}
	for _, term := range s.Aids.Glossary {
		if !strings.Contains(page, `<dt id="`+term.ID+`">`+htmlEsc(term.Name)+`</dt><dd>`+htmlEsc(term.Definition)+`</dd>`) {
			t.Errorf("term %q is not listed with its id and definition", term.ID)
		}
	}
}
