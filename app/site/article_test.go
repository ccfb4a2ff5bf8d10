package site

import (
	"os"
	"strings"
	"testing"

	"explainer/content"
)

func TestRealContentLoads(t *testing.T) {
	s, err := Load(content.FS, testPages, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := s.Article
	if a.Title != "What Is Psychodynamic Therapy? How It Works and Who It Helps" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Author != "Paulina Kaiser, MD" || a.Credentials != "Board-Certified Psychiatrist" {
		t.Errorf("byline = %q, %q", a.Author, a.Credentials)
	}
	// The seed gives no review dates: they must stay empty, not invented.
	if a.LastReviewed != "" || a.ReviewedBy != "" || a.NextReview != "" {
		t.Errorf("review fields are set without a source: %q %q %q", a.LastReviewed, a.ReviewedBy, a.NextReview)
	}
	want := []string{
		"what-psychodynamic-therapy-is-and-how-it-works", "how-psychodynamic-therapy-differs-from-cbt",
		"the-role-of-the-therapeutic-relationship", "how-unconscious-patterns-affect-daily-life",
		"what-a-typical-session-looks-like", "who-benefits-most-from-psychodynamic-therapy",
		"dr-kaisers-training-and-approach", "taking-the-next-step",
	}
	if got := strings.Join(a.SectionIDs(), " "); got != strings.Join(want, " ") {
		t.Errorf("section ids = %v, want %v", got, want)
	}
	if m := a.ReadingMinutes(); m < 6 || m > 10 {
		t.Errorf("reading time %d min for a ~1,600-word article", m)
	}
}

// seedLines reads the practice's original text, as the practice gave it
// (testdata/article.txt, never edited).
func seedLines(t *testing.T) []string {
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// furniture are the seed's closing lines that become the call to action.
var furniture = map[string]bool{
	"Frequently Asked Questions":              true,
	"Have Questions? Schedule a Consultation": true,
	"Book a Consultation":                     true,
	"If this article resonated with you, Dr. Kaiser is here to help you explore the next step in your care.": true,
}

func TestEverySentenceOfTheSeedIsKeptVerbatimAndInOrder(t *testing.T) {
	lines := seedLines(t)
	s, err := Load(content.FS, testPages, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := s.Article
	text := a.Doc.PlainText()
	pos := 0
	for _, l := range lines[3:] { // title, author and credential are checked above
		if furniture[l] {
			continue
		}
		i := strings.Index(text[pos:], l)
		if i < 0 {
			t.Fatalf("seed line missing or out of order in content/article.md:\n%s", l)
		}
		pos += i + len(l)
	}
	if lines[0] != a.Title || lines[1] != a.Author || lines[2] != a.Credentials {
		t.Errorf("title/byline differ from the seed: %q %q %q", lines[0], lines[1], lines[2])
	}
	// The furniture is used word for word by the call to action.
	for _, f := range []string{a.FAQHeading, a.CTAHeading, a.BookingLabel, a.CTAText} {
		if !furniture[f] {
			t.Errorf("call-to-action text %q is not the seed's wording", f)
		}
	}
	for f := range furniture {
		if strings.Contains(text, f) {
			t.Errorf("page furniture %q appears as article text", f)
		}
	}
}

func TestMalformedArticleFailsWithFileLineAndReason(t *testing.T) {
	const fm = "---\ntitle: T\ndescription: D\nauthor: A\nbooking_label: B\ncta_heading: C\nfaq_heading: F\n"
	for _, tc := range []struct{ name, src, want string }{
		{"no front matter", "# T\n", "a.md:1: front matter (--- ... ---) with the page metadata is missing"},
		{"missing title", "---\ndescription: D\n---\n# T\n", "a.md:1: front matter key \"title\" is required"},
		{"unknown key", "---\ntitel: T\n---\n", "a.md:2: unknown front matter key \"titel\""},
		{"bad date", fm + "last_reviewed: yesterday\n---\n# T\n\n## S\n", "a.md:8: last_reviewed \"yesterday\" is not a date like 2026-01-31"},
		{"no h1", fm + "---\n\n## S\n", "a.md:10: the article must start with one level-1 heading (# Title)"},
		{"title mismatch", fm + "---\n\n# Other\n\n## S\n", "a.md:10: heading \"Other\" differs from the front matter title \"T\""},
		{"two h1", fm + "---\n\n# T\n\n## S\n\n# Again\n", "a.md:14: a second level-1 heading \"Again\"; use ## for sections"},
		{"skipped level", fm + "---\n\n# T\n\n## S\n\n#### Deep\n", "a.md:14: heading \"Deep\" skips from level 2 to 4"},
		{"no sections", fm + "---\n\n# T\n\ntext\n", "a.md:10: the article has no ## sections"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseArticle("a.md", []byte(tc.src))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("err = %v\nwant prefix %q", err, tc.want)
			}
		})
	}
}

func TestFAQLinksAreChecked(t *testing.T) {
	a, err := ParseArticle("a.md", []byte("---\ntitle: T\ndescription: D\nauthor: A\nbooking_label: B\ncta_heading: C\nfaq_heading: F\n---\n# T\n\n## Real Section\n\nx\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ src, want string }{
		{"## Q? {#q}\n\nSee [the part](/#real-section).\n", ""},
		{"## Q? {#q}\n\nSee [the quiz](/fit) or call [988](tel:988).\n", ""},
		{"## Q? {#q}\n\nSee [a part](/#no-such-section).\n", `f.md:1: question "q": link "/#no-such-section": the article has no section "no-such-section"`},
		{"## Q? {#q}\n\nSee [elsewhere](https://example.org).\n", `f.md:1: question "q": link "https://example.org": only article sections`},
		{"## Q? {#q}\n\nSee [the other](/faq#r).\n\n## R? {#r}\n\nR.\n", ""},
		{"## Q? {#q}\n\nSee [a question](/faq#nope).\n", `f.md:1: question "q": link "/faq#nope": the FAQ has no question "nope"`},
	} {
		_, err := parseFAQ("f.md", []byte(tc.src), a, testPages)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)) {
			t.Errorf("parseFAQ(%q) = %v, want %q", tc.src, err, tc.want)
		}
	}
}
