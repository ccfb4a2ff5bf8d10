package faq

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"explainer/app/markdown"
	"explainer/app/tools/readability"
	"explainer/content"
)

// requiredIDs name the topics the FAQ must cover; other pages and outside
// links may point at these ids, so they must not change.
var requiredIDs = []string{
	"vs-cbt", "after-cbt", "session", "how-long", "childhood", "homework",
	"medication", "telehealth", "evidence", "first-consultation",
	"right-for-me", "crisis", "cost", "risks", "confidentiality",
	"another-first", "who-sees",
}

func readFAQ(t *testing.T) ([]Item, string) {
	t.Helper()
	src, err := fs.ReadFile(content.FS, "faq.md")
	if err != nil {
		t.Fatal(err)
	}
	items, err := Parse("content/faq.md", src)
	if err != nil {
		t.Fatal(err)
	}
	return items, string(src)
}

func TestContentQuestions(t *testing.T) {
	items, _ := readFAQ(t)
	if n := len(items); n < 12 || n > 22 {
		t.Errorf("content/faq.md has %d questions, want 12 to 22", n)
	}
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it.ID] {
			t.Errorf("duplicate id %q", it.ID)
		}
		seen[it.ID] = true
	}
	for _, id := range requiredIDs {
		if !seen[id] {
			t.Errorf("content/faq.md has no question {#%s}", id)
		}
	}
}

func TestContentLinks(t *testing.T) {
	items, src := readFAQ(t)
	article, err := fs.ReadFile(content.FS, "article.md")
	if err != nil {
		t.Fatal(err)
	}
	_, body, err := markdown.SplitFrontMatter("content/article.md", article, nil)
	if err != nil {
		t.Fatal(err)
	}
	sections := markdown.Parse(body).SectionIDs()
	// The app makes no request to other origins, so it links to none.
	for _, s := range []string{"://", "www.", "href", "<http"} {
		if strings.Contains(src, s) {
			t.Errorf("content/faq.md contains %q; link only within the site", s)
		}
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	for _, it := range items {
		for _, l := range it.Answer.Links() {
			if err := checkLink(l, sections, ids); err != "" {
				t.Errorf("%s: [%s](%s): %s", it.ID, l.Text, l.Dest, err)
			}
		}
	}
	// The crisis answer's own links are the site's one safety line
	// (content/safety.md), which the page shows with it.
	for id, target := range map[string]string{"right-for-me": "/fit", "risks": "/faq#crisis"} {
		i := slices.IndexFunc(items, func(it Item) bool { return it.ID == id })
		if i < 0 || !slices.ContainsFunc(items[i].Answer.Links(), func(l markdown.Link) bool { return l.Dest == target }) {
			t.Errorf("answer %q does not link to %s", id, target)
		}
	}
}

// checkLink returns why l is not allowed, or "".
func checkLink(l markdown.Link, sections, questions []string) string {
	switch text := strings.ToLower(l.Text); {
	case text == "here" || text == "click here" || text == "this link" || text == "read more" || text == "link":
		return "link text must make sense on its own"
	case l.Dest == "/fit" || l.Dest == "tel:988" || l.Dest == "sms:988" || l.Dest == "tel:911":
		return ""
	case strings.HasPrefix(l.Dest, "/#") && slices.Contains(sections, l.Dest[2:]):
		return ""
	case strings.HasPrefix(l.Dest, "/faq#") && slices.Contains(questions, l.Dest[5:]):
		return ""
	}
	return "target is not /fit, tel:988, sms:988, tel:911, /#<article section id> or /faq#<question id>"
}

func TestContentReadability(t *testing.T) {
	items, _ := readFAQ(t)
	var all []string
	worst, worstID := 0.0, ""
	for _, it := range items {
		a := prose(it.Answer.PlainText())
		g := readability.Grade(a)
		t.Logf("grade %4.1f  %s", g, it.ID)
		if g > worst {
			worst, worstID = g, it.ID
		}
		all = append(all, it.Question, a)
	}
	g := readability.Grade(strings.Join(all, "\n"))
	t.Logf("overall grade %.1f; hardest answer %q at %.1f", g, worstID, worst)
	if g > 8 {
		t.Errorf("FAQ reads at grade %.1f, want at most 8", g)
	}
}

// Each answer reads at grade 8 or below, and no single sentence above grade
// 12, so one hard sentence cannot hide behind easy ones around it.
func TestContentEachAnswerAndSentenceIsPlain(t *testing.T) {
	items, _ := readFAQ(t)
	for _, it := range items {
		a := prose(it.Answer.PlainText())
		if g := readability.Grade(a); g > 8 {
			t.Errorf("%s: answer reads at grade %.1f, want at most 8", it.ID, g)
		}
		for _, s := range readability.Sentences(a) {
			if g := readability.Grade(s); g > 12 {
				t.Errorf("%s: sentence at grade %.1f, want at most 12: %q", it.ID, g, s)
			}
		}
	}
}

// Every "call or text 988" in the FAQ offers both ways to reach the line.
func TestContentCrisisLinesOfferCallAndText(t *testing.T) {
	items, _ := readFAQ(t)
	for _, it := range items {
		tel, sms := 0, 0
		for _, l := range it.Answer.Links() {
			switch l.Dest {
			case "tel:988":
				tel++
			case "sms:988":
				sms++
			}
		}
		if tel != sms {
			t.Errorf("%s: %d call links and %d text links to 988; offer both each time", it.ID, tel, sms)
		}
	}
}

// reference is a parenthesised reference to a law: a section of a code (§)
// or of the US federal rules (CFR).
var reference = regexp.MustCompile(`\s*\([^()]*(?:§|\bCFR\b)[^()]*\)`)

// prose is an answer without its parenthesised references: a reader skips
// "(45 CFR 164.524)" as they skip a footnote mark, so the reading level is
// that of the sentences around it.
func prose(s string) string { return reference.ReplaceAllString(s, "") }

func TestProseDropsOnlyReferences(t *testing.T) {
	got := prose("It helps (Shedler 2010), says the law (45 CFR 164.524) and (Cal. Civ. Code §43.92), in short (CBT).")
	if want := "It helps (Shedler 2010), says the law and, in short (CBT)."; got != want {
		t.Errorf("prose = %q, want %q", got, want)
	}
}

// The FAQ says the article's claims as the article's, and adds nothing
// about the practice that the article does not say (where she meets
// people, how often): for those it says to ask.
func TestContentAttributesTheArticlesClaims(t *testing.T) {
	items, _ := readFAQ(t)
	for _, it := range items {
		for _, s := range readability.Sentences(it.Answer.PlainText()) {
			low := strings.ToLower(s)
			for _, claim := range []string{"tend to last", "tends to last", "tends to help most", "keep growing", "grow over time"} {
				if strings.Contains(low, claim) && !strings.Contains(low, "the article says") {
					t.Errorf("%s: %q repeats the article's claim as fact; say \"The article says\"", it.ID, s)
				}
			}
			for _, invented := range []string{"in person in atlanta", "twice a week", "meet more often"} {
				if strings.Contains(low, invented) {
					t.Errorf("%s: %q says something about the practice the article does not", it.ID, s)
				}
			}
		}
	}
}
