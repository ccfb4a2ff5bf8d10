package ui

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"explainer/app/site"
)

func loadFAQSite(t *testing.T) (*App, *site.Site) {
	t.Helper()
	u := testApp(t)
	return u, u.site
}

// prerenderPath renders the page at path as the server prerenders it.
func prerenderPath(t *testing.T, u *App, path string) string {
	t.Helper()
	r, ok := u.Route(path)
	if !ok {
		t.Fatalf("no route %s", path)
	}
	return Prerender(r.New())
}

var (
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	blockRE = regexp.MustCompile(`</?(p|div|li|ul|ol|h[1-6]|summary|details|blockquote|pre|section|header|footer|main|nav|br)\b[^>]*>`)
)

// visibleText is the text a reader sees in an HTML fragment, with block
// boundaries as line breaks and runs of white space folded to one space.
func visibleText(h string) string {
	h = blockRE.ReplaceAllString(h, "\n")
	h = html.UnescapeString(tagRE.ReplaceAllString(h, ""))
	var lines []string
	for _, l := range strings.Split(h, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// element returns the first element in h that opens with start (e.g.
// `<div class="x"`), up to its matching close tag.
func element(h, start string) (string, bool) {
	i := strings.Index(h, start)
	if i < 0 {
		return "", false
	}
	tag := strings.TrimPrefix(strings.Fields(start)[0], "<")
	open, close := "<"+tag, "</"+tag+">"
	depth := 0
	for j := i; j < len(h); {
		switch {
		case strings.HasPrefix(h[j:], close):
			depth--
			j += len(close)
			if depth == 0 {
				return h[i:j], true
			}
		case strings.HasPrefix(h[j:], open) && (h[j+len(open)] == ' ' || h[j+len(open)] == '>'):
			depth++
			j += len(open)
		default:
			j++
		}
	}
	return "", false
}

type visibleQA struct{ id, question, answer string }

// visibleFAQ reads each question and answer from the prerendered page.
// go-app writes attributes in map order, so tags are matched by pattern.
func visibleFAQ(t *testing.T, page string) []visibleQA {
	t.Helper()
	var out []visibleQA
	for _, loc := range detailsRE.FindAllStringSubmatchIndex(page, -1) {
		d, _ := element(page[loc[0]:], "<details")
		id := page[loc[2]:loc[3]]
		sum, _ := element(d, "<summary")
		// The answer is a static block (data-static): its attributes come
		// in any order.
		ans := ""
		if loc := answerRE.FindStringIndex(d); loc != nil {
			ans, _ = element(d[loc[0]:], "<div")
		}
		if sum == "" || ans == "" {
			t.Fatalf("malformed FAQ item %q in the prerendered page: %.300s", id, d)
		}
		ans = withoutPopovers(ans) // glossary definitions show only when asked for
		out = append(out, visibleQA{id, visibleText(sum), visibleText(ans)})
	}
	return out
}

// answerRE matches the start tag of an FAQ answer's text.
var answerRE = regexp.MustCompile(`<div [^>]*class="faq-answer-text"`)

// detailsRE matches the opening tag of an FAQ item and captures its id.
var detailsRE = regexp.MustCompile(`<details(?: class="faq-item"| id="([^"]+)"){2}[^>]*>`)

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// The FAQPage JSON-LD must say exactly what the page shows: search engines
// may quote it, and it must never disagree with the page.
func TestFAQStructuredDataMatchesTheVisibleQuestionsAndAnswers(t *testing.T) {
	u, s := loadFAQSite(t)
	r, _ := u.Route("/faq")
	raw, err := json.Marshal(r.StructuredData("https://example.org"))
	if err != nil {
		t.Fatal(err)
	}
	var ld struct {
		Context    string `json:"@context"`
		Type       string `json:"@type"`
		URL        string `json:"url"`
		MainEntity []struct {
			Type           string `json:"@type"`
			Name           string `json:"name"`
			AcceptedAnswer struct {
				Type string `json:"@type"`
				Text string `json:"text"`
			} `json:"acceptedAnswer"`
		} `json:"mainEntity"`
	}
	if err := json.Unmarshal(raw, &ld); err != nil {
		t.Fatalf("the JSON-LD does not parse: %v", err)
	}
	if ld.Context != "https://schema.org" || ld.Type != "FAQPage" || ld.URL != "https://example.org/faq" {
		t.Errorf("JSON-LD header = %q %q %q", ld.Context, ld.Type, ld.URL)
	}

	page := prerenderPath(t, u, "/faq")
	seen := visibleFAQ(t, page)
	if len(seen) != len(s.FAQ) || len(ld.MainEntity) != len(seen) {
		t.Fatalf("%d questions in the content, %d on the page, %d in the JSON-LD", len(s.FAQ), len(seen), len(ld.MainEntity))
	}
	all := visibleText(page)
	for i, q := range ld.MainEntity {
		v := seen[i]
		if q.Type != "Question" || q.AcceptedAnswer.Type != "Answer" {
			t.Errorf("%s: types %q/%q", v.id, q.Type, q.AcceptedAnswer.Type)
		}
		if q.Name != v.question {
			t.Errorf("%s: JSON-LD question %q, page shows %q", v.id, q.Name, v.question)
		}
		if fold(q.AcceptedAnswer.Text) != fold(v.answer) {
			t.Errorf("%s: JSON-LD answer differs from the page\nJSON-LD: %q\npage:    %q", v.id, q.AcceptedAnswer.Text, v.answer)
		}
		// Paragraph for paragraph, too: the JSON-LD's lines are the page's blocks.
		for _, line := range strings.Split(q.AcceptedAnswer.Text, "\n") {
			if !strings.Contains(all, fold(line)) {
				t.Errorf("%s: JSON-LD text %q is not on the page", v.id, line)
			}
		}
	}
}

func TestFAQPrerenderHoldsEveryQuestionAndAnswer(t *testing.T) {
	u, s := loadFAQSite(t)
	for _, tc := range []struct {
		path    string
		heading string // the element each question sits in
	}{
		{"/faq", "h2"},
		{"/", "h3"},
	} {
		page := prerenderPath(t, u, tc.path)
		seen := visibleFAQ(t, page)
		if len(seen) != len(s.FAQ) {
			t.Fatalf("%s: %d questions on the page, want %d", tc.path, len(seen), len(s.FAQ))
		}
		for i, it := range s.FAQ {
			v := seen[i]
			if v.id != it.ID || v.question != it.Question || fold(v.answer) != fold(it.Text) {
				t.Errorf("%s: item %d is %q %q %q,\nwant %q %q %q", tc.path, i, v.id, v.question, v.answer, it.ID, it.Question, it.Text)
			}
			h := `<` + tc.heading + ` class="faq-question-text">` + html.EscapeString(it.Question) + `</` + tc.heading + `>`
			if !strings.Contains(page, h) {
				t.Errorf("%s: question %q is not in an %s", tc.path, it.ID, tc.heading)
			}
		}
		// Boolean attributes written as "false" mean true in HTML: every
		// answer would be open, hidden or disabled before the app mounts.
		for _, bad := range []*regexp.Regexp{
			regexp.MustCompile(`<[^>]* (open|hidden|disabled|checked|selected|required|readonly)="false"`),
			regexp.MustCompile(`<details[^>]* open[ =>]`),
			regexp.MustCompile(`<[^>]* hidden[ =>]`),
		} {
			if m := bad.FindString(page); m != "" {
				t.Errorf("%s: the prerendered page has %q", tc.path, m)
			}
		}
		ids := map[string]int{}
		for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
			ids[m[1]]++
		}
		for id, n := range ids {
			if n > 1 {
				t.Errorf("%s: id %q is used %d times", tc.path, id, n)
			}
		}
	}
}

func TestFAQOutlineOnEachPage(t *testing.T) {
	u, _ := loadFAQSite(t)
	heads := regexp.MustCompile(`<h([1-6])[ >]`)
	for _, path := range []string{"/faq", "/"} {
		prev := 0
		for _, m := range heads.FindAllStringSubmatch(prerenderPath(t, u, path), -1) {
			level := int(m[1][0] - '0')
			if prev == 0 && level != 1 {
				t.Errorf("%s: the first heading is an h%d", path, level)
			}
			if level > prev+1 {
				t.Errorf("%s: an h%d follows an h%d", path, level, prev)
			}
			prev = level
		}
	}
}

func TestFAQCountText(t *testing.T) {
	loadFAQSite(t)
	for _, tc := range []struct {
		n     int
		query string
		want  string
	}{
		{16, "", "16 questions"},
		{16, "  ?! ", "16 questions"},
		{3, "cbt", "3 of 16 questions match"},
		{1, "homework", "1 of 16 questions matches"},
		{0, "zebra", "No questions match"},
	} {
		if got := countText(tc.n, 16, tc.query); got != tc.want {
			t.Errorf("countText(%d, 16, %q) = %q, want %q", tc.n, tc.query, got, tc.want)
		}
	}
}
