package aids_test

import (
	"strings"
	"testing"

	"explainer/app/aids"
	"explainer/app/site"
	"explainer/app/tools/readability"
	"explainer/app/ui"
	"explainer/content"
)

func loadSite(t *testing.T) *site.Site {
	t.Helper()
	s, err := site.Load(content.FS, ui.LinkTargets(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Every section of the article has two to four key points, each at grade 6
// or below and 25 words or fewer.
func TestInShortPointsArePlainShortAndCoverEverySection(t *testing.T) {
	s := loadSite(t)
	for _, id := range s.Article.SectionIDs() {
		pts := s.Aids.InShort[id]
		if len(pts) < aids.MinPoints || len(pts) > aids.MaxPoints {
			t.Errorf("section %q has %d key points, want %d to %d", id, len(pts), aids.MinPoints, aids.MaxPoints)
		}
		for _, p := range pts {
			if g := readability.Grade(p); g > 6 {
				t.Errorf("section %q: point reads at grade %.1f, want 6 or below: %q", id, g, p)
			}
			if n := len(strings.Fields(p)); n > 25 {
				t.Errorf("section %q: point has %d words, want 25 at most: %q", id, n, p)
			}
		}
	}
	if len(s.Aids.InShort) != len(s.Article.SectionIDs()) {
		t.Errorf("%d sections with key points, the article has %d", len(s.Aids.InShort), len(s.Article.SectionIDs()))
	}
}

// Every definition reads at grade 8 or below, and every term occurs in the
// article or the FAQ (site.Load checks it with aids.CheckUsed).
func TestGlossaryDefinitionsArePlain(t *testing.T) {
	s := loadSite(t)
	g := s.Aids.Glossary
	if len(g) < aids.MinTerms || len(g) > aids.MaxTerms {
		t.Errorf("%d glossary terms, want %d to %d", len(g), aids.MinTerms, aids.MaxTerms)
	}
	for _, term := range g {
		if gr := readability.Grade(term.Definition); gr > 8 {
			t.Errorf("term %q: definition reads at grade %.1f, want 8 or below", term.Name, gr)
		}
	}
}

// The issue's own examples, where the article uses them, are in the glossary.
func TestGlossaryHasTheIssuesTermsTheArticleUses(t *testing.T) {
	s := loadSite(t)
	have := map[string]bool{}
	for _, term := range s.Aids.Glossary {
		have[term.ID] = true
	}
	for _, id := range []string{"unconscious", "insight", "therapeutic-relationship", "cbt", "psychoanalytic", "psychiatrist"} {
		if !have[id] {
			t.Errorf("the glossary has no term %q", id)
		}
	}
}

// The comparison reads at grade 8 or below, row by row (aspect and both
// cells) and as a whole, and is fair to CBT: it says what CBT does well,
// that its evidence is strongest in depression and anxiety (naming the
// guidelines that rank it), and that its gains last too.
func TestComparisonIsPlainAndFairToCBT(t *testing.T) {
	c := loadSite(t).Aids.Compare
	var all []string
	for _, r := range c.Rows {
		text := r.Aspect + ". " + r.Left + " " + r.Right
		all = append(all, text)
		if g := readability.Grade(text); g > 8 {
			t.Errorf("row %q reads at grade %.1f, want 8 or below: %q", r.Aspect, g, text)
		}
	}
	if g := readability.Grade(c.Caption + ". " + c.Note + " " + strings.Join(all, " ")); g > 8 {
		t.Errorf("the comparison reads at grade %.1f, want 8 or below", g)
	}
	cbt := c.Note
	for _, r := range c.Rows {
		cbt += " " + r.Right
	}
	for _, want := range []string{"effective", "12 to 20 sessions", "panic", "OCD", "phobias", "skills",
		"depression", "anxiety", "NICE NG222", "NICE CG113", "last", "Steinert et al. 2017"} {
		if !strings.Contains(cbt, want) {
			t.Errorf("the CBT side never says %q, which the article or the evidence credits it with", want)
		}
	}
	// The article's claims for psychodynamic therapy are its claims, said
	// as such, not the site's.
	for _, r := range c.Rows {
		if strings.Contains(r.Left, "deepen") && !strings.Contains(r.Left, "The article says") {
			t.Errorf("row %q repeats the article's claim as fact: %q", r.Aspect, r.Left)
		}
	}
}

// "In short" restates the article and never strengthens it: its claims
// about lasting change are said as the article's.
func TestInShortAttributesTheArticlesClaims(t *testing.T) {
	s := loadSite(t)
	for id, pts := range s.Aids.InShort {
		for _, p := range pts {
			low := strings.ToLower(p)
			for _, claim := range []string{"tends to last", "tend to last", "grow over time", "deepen"} {
				if strings.Contains(low, claim) && !strings.Contains(low, "the article says") {
					t.Errorf("section %q: %q says the article's claim as fact", id, p)
				}
			}
			if strings.HasPrefix(low, "over time, you learn") || strings.Contains(low, "you learn to understand yourself") {
				t.Errorf("section %q: %q promises what the article says many patients describe", id, p)
			}
		}
	}
}
