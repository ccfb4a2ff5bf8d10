package site

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"explainer/app/faq"
	"explainer/app/fit"
	"explainer/app/sources"
)

// Site is all the parsed content.
type Site struct {
	Article *Article
	FAQ     []FAQ
	Fit     *fit.Definition
	Aids    Aids // the reading aids: key points, glossary, comparison (aids.go)
	// Safety is the one safety line every page shows (safety.go).
	Safety *Safety
	// Sources are the works the site cites, in the order of
	// content/sources.md; Cite finds their citations in a text.
	Sources []*sources.Source
	Cite    *sources.Citer
	// ContentHash is the SHA-256 of the texts the practice signs off
	// (review.go); fitTexts are the questionnaire's texts among them.
	ContentHash string
	fitTexts    []ReviewItem
}

// FAQ is one question with its answer, parsed once for rendering,
// searching and structured data, which all read the same text.
type FAQ struct {
	faq.Item
	Text string // the answer as plain text
	// Safety: the page shows the site's safety line first in this answer
	// (Text starts with it too).
	Safety bool
}

// Load reads and validates every content file in fsys, including the links
// between them: an FAQ answer or a questionnaire reason that points to an
// article section that does not exist fails here. pages are the paths of
// the site's pages that content may link to (the UI's route table has
// them). yield, when not nil, is called after each file: in the browser,
// parsing all three is tens of milliseconds of a phone's main thread, and
// the app passes a yield that ends the task so input is handled in between.
func Load(fsys fs.FS, pages []string, yield func()) (*Site, error) {
	if yield == nil {
		yield = func() {}
	}
	src, err := read(fsys, "article.md")
	if err != nil {
		return nil, err
	}
	s := &Site{}
	if s.Article, err = ParseArticle("content/article.md", src); err != nil {
		return nil, err
	}
	yield()
	if src, err = read(fsys, "faq.md"); err != nil {
		return nil, err
	}
	if s.FAQ, err = parseFAQ("content/faq.md", src, s.Article, pages); err != nil {
		return nil, err
	}
	yield()
	if src, err = read(fsys, "fit.txt"); err != nil {
		return nil, err
	}
	if s.Fit, err = fit.Parse("content/fit.txt", src, s.Article.HasSection); err != nil {
		return nil, err
	}
	if !s.hasFAQ(s.Fit.First.FAQ) {
		return nil, &fit.Error{File: "content/fit.txt", Line: s.Fit.First.Line,
			Msg: fmt.Sprintf("first-faq %q is not a question id in content/faq.md", s.Fit.First.FAQ)}
	}
	if err := s.loadAids(fsys); err != nil {
		return nil, err
	}
	if err := s.loadSafety(fsys); err != nil {
		return nil, err
	}
	if err := s.loadSources(fsys); err != nil {
		return nil, err
	}
	s.ContentHash = hashText(s.ReviewParts())
	return s, nil
}

// loadSafety reads the safety line and puts it first in its FAQ answer's
// text, so that searching the FAQ for its numbers or "emergency" finds it.
func (s *Site) loadSafety(fsys fs.FS) error {
	src, err := read(fsys, "safety.md")
	if err != nil {
		return err
	}
	if s.Safety, err = ParseSafety("content/safety.md", src); err != nil {
		return err
	}
	for i := range s.FAQ {
		if s.FAQ[i].ID == s.Safety.FAQ {
			s.FAQ[i].Safety = true
			s.FAQ[i].Text = s.Safety.Text + "\n" + s.FAQ[i].Text
			return nil
		}
	}
	return fmt.Errorf("content/safety.md:%d: faq %q is not a question id in content/faq.md", s.Safety.FAQLine, s.Safety.FAQ)
}

// loadSources reads the sources and checks the citations of every text
// the site writes itself: each cites a source, each source is cited.
func (s *Site) loadSources(fsys fs.FS) error {
	src, err := read(fsys, "sources.md")
	if err != nil {
		return err
	}
	if s.Sources, err = sources.Parse("content/sources.md", src); err != nil {
		return err
	}
	s.Cite = sources.NewCiter(s.Sources)
	texts, err := s.citingTexts(fsys)
	if err != nil {
		return err
	}
	return sources.Check(s.Sources, "content/sources.md", texts)
}

// citingTexts are the site's own texts that may cite: the FAQ, the
// comparison, the questionnaire, "In short" and the glossary.
func (s *Site) citingTexts(fsys fs.FS) ([]sources.Text, error) {
	var out []sources.Text
	for _, q := range s.FAQ {
		out = append(out, sources.Text{File: "content/faq.md", Line: q.Line, Value: q.Question + "\n" + q.Answer.PlainText()})
	}
	if c := s.Aids.Compare; c != nil {
		out = append(out, sources.Text{File: "content/comparison.md", Line: 1, Value: c.Caption + "\n" + c.Note})
		for _, r := range c.Rows {
			out = append(out, sources.Text{File: "content/comparison.md", Line: r.Line, Value: r.Aspect + "\n" + r.Left + "\n" + r.Right})
		}
	}
	src, err := read(fsys, "fit.txt")
	if err != nil {
		return nil, err
	}
	fits, err := fit.Texts("content/fit.txt", src)
	if err != nil {
		return nil, err
	}
	for _, t := range fits {
		out = append(out, sources.Text{File: "content/fit.txt", Line: t.Line, Value: t.Value})
		s.fitTexts = append(s.fitTexts, ReviewItem{Label: t.String(), Text: t.Value})
	}
	for _, id := range s.Article.SectionIDs() {
		for _, p := range s.Aids.InShort[id] {
			out = append(out, sources.Text{File: "content/in-short.md (" + id + ")", Line: 1, Value: p})
		}
	}
	for _, g := range s.Aids.Glossary {
		out = append(out, sources.Text{File: "content/glossary.md", Line: g.Line, Value: g.Definition})
	}
	return out, nil
}

// hasFAQ reports whether id is the id of an FAQ question.
func (s *Site) hasFAQ(id string) bool {
	for _, q := range s.FAQ {
		if q.ID == id {
			return true
		}
	}
	return false
}

func read(fsys fs.FS, name string) ([]byte, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("content/%s: %w", name, err)
	}
	return b, nil
}

// parseFAQ parses the FAQ and checks its links: into the article by section
// id, to the site's own pages, or to the crisis line by phone or text.
func parseFAQ(name string, src []byte, a *Article, pages []string) ([]FAQ, error) {
	items, err := faq.Parse(name, src)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, it := range items {
		ids[it.ID] = true
	}
	out := make([]FAQ, len(items))
	for i, it := range items {
		for _, l := range it.Answer.Links() {
			if err := checkLink(l.Dest, a, pages, ids); err != nil {
				return nil, fmt.Errorf("%s:%d: question %q: %w", name, it.Line, it.ID, err)
			}
		}
		out[i] = FAQ{Item: it, Text: it.Answer.PlainText()}
	}
	return out, nil
}

func checkLink(l string, a *Article, pages []string, questions map[string]bool) error {
	switch {
	case strings.HasPrefix(l, "/#"):
		if !a.HasSection(l[2:]) {
			return fmt.Errorf("link %q: the article has no section %q", l, l[2:])
		}
	case strings.HasPrefix(l, "/faq#"):
		if !questions[l[5:]] {
			return fmt.Errorf("link %q: the FAQ has no question %q", l, l[5:])
		}
	case strings.HasPrefix(l, "tel:") || strings.HasPrefix(l, "sms:"):
	case slices.Contains(pages, strings.SplitN(l, "#", 2)[0]):
	default:
		return fmt.Errorf("link %q: only article sections (/#id), the site's pages and tel:/sms: links are allowed", l)
	}
	return nil
}
