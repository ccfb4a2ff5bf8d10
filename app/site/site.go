package site

import (
	"fmt"
	"io/fs"
	"strings"

	"explainer/app/faq"
	"explainer/app/fit"
	"explainer/app/markdown"
)

// Site is all the parsed content.
type Site struct {
	Article *Article
	FAQ     []FAQ
	Fit     *fit.Definition
	Aids    Aids // issue 17: reading aids (aids.go)
}

// FAQ is one question with its answer parsed for rendering, searching and
// structured data, which all read the same text.
type FAQ struct {
	faq.Item
	Doc  *markdown.Doc
	Text string // the answer as plain text
}

// Load reads and validates every content file in fsys, including the links
// between them: an FAQ answer or a questionnaire reason that points to an
// article section that does not exist fails here.
func Load(fsys fs.FS) (*Site, error) { return LoadYielding(fsys, func() {}) }

// LoadYielding is Load calling yield after each file. In the browser,
// parsing all three is tens of milliseconds of a phone's main thread; the
// app passes a yield that ends the task, so input is handled in between.
func LoadYielding(fsys fs.FS, yield func()) (*Site, error) {
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
	if s.FAQ, err = parseFAQ("content/faq.md", src, s.Article); err != nil {
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
	if err := s.loadAids(fsys); err != nil { // issue 17: reading aids
		return nil, err
	}
	return s, nil
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
func parseFAQ(name string, src []byte, a *Article) ([]FAQ, error) {
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
		d := markdown.Parse([]byte(it.Answer))
		for _, l := range d.Links() {
			if err := checkLink(l, a, ids); err != nil {
				return nil, fmt.Errorf("%s:%d: question %q: %w", name, it.Line, it.ID, err)
			}
		}
		out[i] = FAQ{Item: it, Doc: d, Text: d.PlainText()}
	}
	return out, nil
}

// pages are the site's own routes that content may link to.
var pages = map[string]bool{"/": true, "/faq": true, "/fit": true, "/glossary": true} // issue 17: /glossary

func checkLink(l string, a *Article, questions map[string]bool) error {
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
	case pages[strings.SplitN(l, "#", 2)[0]]:
	default:
		return fmt.Errorf("link %q: only article sections (/#id), the site's pages and tel:/sms: links are allowed", l)
	}
	return nil
}
