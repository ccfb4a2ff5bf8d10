package ui

import (
	"regexp"
	"strings"
	"testing"
)

// checkComparison reports what the prerendered comparison in h lacks: a
// caption with the note, column headers, every row with its row header and
// both cells, and the drawing hidden from screen readers with every aspect.
// citationLinks matches a citation's link, its text in group 2.
var citationLinks = regexp.MustCompile(`<a class="cite" href="(/sources#[a-z0-9-]+)">([^<]*)</a>`)

func checkComparison(t *testing.T, where, h string) {
	t.Helper()
	_, s := loadFAQSite(t)
	c := s.Aids.Compare
	if !strings.Contains(h, `<caption><span class="compare-title">`+htmlEsc(c.Caption)+`</span><span class="compare-note">`+htmlEsc(c.Note)+`</span>`) {
		t.Errorf("%s: no caption with the note", where)
	}
	if !strings.Contains(h, `<th scope="col">`+htmlEsc(c.Left)+`</th><th scope="col">`+htmlEsc(c.Right)+`</th>`) {
		t.Errorf("%s: no column headers", where)
	}
	// Cells read as the content says, with each citation a link to its
	// entry on /sources.
	plain := citationLinks.ReplaceAllString(h, "$2")
	for _, r := range c.Rows {
		if !strings.Contains(plain, `<tr><th scope="row">`+htmlEsc(r.Aspect)+`</th><td>`+htmlEsc(r.Left)+`</td><td>`+htmlEsc(r.Right)+`</td></tr>`) {
			t.Errorf("%s: row %q is not a row header with its two cells", where, r.Aspect)
		}
		for _, cell := range []string{r.Left, r.Right} {
			for _, p := range s.Cite.Split(cell) {
				if p.Source != nil && !strings.Contains(h, `<a class="cite" href="/sources#`+p.Source.ID+`">`+htmlEsc(p.Text)+`</a>`) {
					t.Errorf("%s: row %q: the citation %q does not link to /sources#%s", where, r.Aspect, p.Text, p.Source.ID)
				}
			}
		}
	}
	if !strings.Contains(h, `<a class="cite" href="/sources#steinert-2017">`) {
		t.Errorf("%s: no citation links to its source", where)
	}
	svg, ok := element(h, "<svg")
	if !ok || !strings.Contains(svg, `aria-hidden="true"`) {
		t.Fatalf("%s: no drawing hidden from screen readers", where)
	}
	for _, r := range c.Rows {
		if !strings.Contains(svg, ">"+htmlEsc(r.Aspect)+"</text>") {
			t.Errorf("%s: the drawing lacks the aspect %q", where, r.Aspect)
		}
	}
}

// The comparison follows the content of the article's section on CBT, after
// her last paragraph there and before the next heading, once on the page.
func TestComparisonFollowsTheArticlesSectionOnCBT(t *testing.T) {
	u, _ := loadFAQSite(t)
	page := Prerender(&ArticlePage{ui: u})
	h := strings.Index(page, `<h2 id="`+comparisonSection+`">`)
	if h < 0 {
		t.Fatalf("no section %q", comparisonSection)
	}
	sec := page[h+4:]
	sec = sec[:strings.Index(sec, "<h2")]
	i := strings.Index(sec, `<div class="compare">`)
	if i < 0 {
		t.Fatal("the comparison is not in the article's section on CBT")
	}
	if !strings.Contains(sec[:i], "complement each other beautifully.</p>") || strings.Contains(withoutPopovers(sec[i:]), "<p") {
		t.Error("the comparison is not after the section's last paragraph")
	}
	box, _ := element(sec[i:], "<div")
	checkComparison(t, "article", box)
	if n := strings.Count(page, `<div class="compare">`); n != 1 {
		t.Errorf("%d comparisons on the home page, want 1", n)
	}
}

// On /faq the answer on CBT ends with the comparison, inside its <details>.
func TestComparisonIsInTheFAQAnswerOnCBT(t *testing.T) {
	u, _ := loadFAQSite(t)
	page := Prerender(&FAQPage{ui: u})
	i := strings.Index(page, `id="`+comparisonFAQ+`"`)
	if i < 0 {
		t.Fatalf("no FAQ answer %q", comparisonFAQ)
	}
	d, _ := element(page[strings.LastIndex(page[:i], "<details"):], "<details")
	j := strings.Index(d, `<div class="compare">`)
	if j < 0 || !strings.Contains(d[:j], "Read more about") {
		t.Fatal("the comparison does not follow the FAQ answer on CBT")
	}
	box, _ := element(d[j:], "<div")
	checkComparison(t, "/faq", box)
	if n := strings.Count(page, `<div class="compare">`); n != 1 {
		t.Errorf("%d comparisons on /faq, want 1", n)
	}
}
