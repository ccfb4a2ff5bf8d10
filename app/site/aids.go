package site

import (
	"io/fs"

	"explainer/app/aids"
)

// Aids are the reading aids beside the article: the "In short" key points
// of each section and the glossary (package aids).
type Aids struct {
	InShort  aids.KeyPoints
	Glossary []aids.Term
	Compare  *aids.Comparison // psychodynamic therapy and CBT side by side
}

// loadAids reads content/in-short.md and content/glossary.md, checked
// against the article's sections and the text of the article and the FAQ.
func (s *Site) loadAids(fsys fs.FS) error {
	src, err := read(fsys, "in-short.md")
	if err != nil {
		return err
	}
	if s.Aids.InShort, err = aids.ParseKeyPoints("content/in-short.md", src, s.Article.SectionIDs()); err != nil {
		return err
	}
	if src, err = read(fsys, "comparison.md"); err != nil {
		return err
	}
	if s.Aids.Compare, err = aids.ParseComparison("content/comparison.md", src, s.Article.SectionIDs()); err != nil {
		return err
	}
	if src, err = read(fsys, "glossary.md"); err != nil {
		return err
	}
	if s.Aids.Glossary, err = aids.ParseGlossary("content/glossary.md", src); err != nil {
		return err
	}
	texts := []string{s.Article.Doc.PlainText()}
	for _, q := range s.FAQ {
		texts = append(texts, q.Text)
	}
	return aids.CheckUsed("content/glossary.md", s.Aids.Glossary, texts...)
}
