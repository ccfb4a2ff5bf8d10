package site

import (
	"fmt"
	"strings"
	"time"

	"explainer/app/digest"
)

// The practice signs off the texts the site writes in its own voice (the
// article is hers already): the FAQ, the questionnaire, the safety line,
// the comparison, "In short", the glossary and the sources. `explainer
// review` prints them as one document with the SHA-256 of their text; the
// practice records who reviewed them, when, the next review date and that
// hash in the article's front matter. The site shows the sign-off only
// while the hash matches the texts and the next review date has not
// passed, so an edit or an expired review can never wear an old sign-off.

// ReviewPart is one kind of text in the review document.
type ReviewPart struct {
	Title string
	Items []ReviewItem
}

// ReviewItem is one text: what it is (a question, a statement's key) and
// the words a reader sees.
type ReviewItem struct {
	Label, Text string
}

// ReviewParts lists every text the practice signs off, in the order of the
// review document.
func (s *Site) ReviewParts() []ReviewPart {
	safety := s.Safety.Text + "\nLinks: "
	for i, l := range s.Safety.Line.Links() {
		if i > 0 {
			safety += ", "
		}
		safety += l.Dest
	}
	parts := []ReviewPart{{Title: "The safety line (footer, every questionnaire step, every result, every embed, the crisis answer)",
		Items: []ReviewItem{{Label: "Safety line", Text: safety}}}}

	faq := ReviewPart{Title: "Frequently asked questions"}
	for _, q := range s.FAQ {
		faq.Items = append(faq.Items, ReviewItem{Label: q.Question, Text: q.Answer.PlainText()})
	}
	fit := ReviewPart{Title: "The questionnaire: statements, hints, band and theme texts"}
	fit.Items = append(fit.Items, s.fitTexts...)
	cmp := ReviewPart{Title: "Psychodynamic therapy and CBT side by side"}
	if c := s.Aids.Compare; c != nil {
		cmp.Items = append(cmp.Items, ReviewItem{Label: "Caption and note", Text: c.Caption + "\n" + c.Note})
		for _, r := range c.Rows {
			cmp.Items = append(cmp.Items, ReviewItem{Label: r.Aspect,
				Text: c.Left + ": " + r.Left + "\n" + c.Right + ": " + r.Right})
		}
	}
	short := ReviewPart{Title: "In short: the site's summaries of the article's sections"}
	for _, h := range s.Article.Doc.Headings() {
		if pts, ok := s.Aids.InShort[h.ID]; ok {
			short.Items = append(short.Items, ReviewItem{Label: h.Text, Text: "- " + strings.Join(pts, "\n- ")})
		}
	}
	gloss := ReviewPart{Title: "Glossary"}
	for _, g := range s.Aids.Glossary {
		gloss.Items = append(gloss.Items, ReviewItem{Label: g.Name, Text: g.Definition})
	}
	src := ReviewPart{Title: "Sources"}
	for _, x := range s.Sources {
		src.Items = append(src.Items, ReviewItem{Label: x.Label,
			Text: fmt.Sprintf("%s (%s). %s. %s. %s", x.Authors, x.Year, x.Title, x.In, x.Link)})
	}
	return append(parts, faq, fit, cmp, short, gloss, src)
}

// ReviewText is the signed text: every part's title and every item's label
// and text, in order. Its SHA-256 is the content hash.
func ReviewText(parts []ReviewPart) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString("# " + p.Title + "\n\n")
		for _, it := range p.Items {
			b.WriteString("## " + it.Label + "\n" + it.Text + "\n\n")
		}
	}
	return b.String()
}

// hashText is the hex SHA-256 of the review text.
func hashText(parts []ReviewPart) string {
	return digest.SHA256Hex([]byte(ReviewText(parts)))
}

// ReviewState says whether the site may show its sign-off.
type ReviewState int

// The states of the sign-off.
const (
	Unsigned ReviewState = iota // no sign-off recorded
	Current                     // the texts are as signed, and the review is not due
	Changed                     // the texts changed since they were signed
	Expired                     // the next review date has passed
)

// Review is the state of the sign-off at now: the hash is compared with
// the texts, the next review date with now's date (the review is due on
// the day after next_review).
func (s *Site) Review(now time.Time) ReviewState {
	a := s.Article
	switch {
	case a.ContentSHA256 == "":
		return Unsigned
	case a.ContentSHA256 != s.ContentHash:
		return Changed
	case now.Format("2006-01-02") > a.NextReview:
		return Expired
	}
	return Current
}
