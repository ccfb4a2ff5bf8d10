package markdown

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/yuin/goldmark/ast"
)

// TextHook may render a run of running text (never a heading's or a link's
// text) as several nodes; it returns nil to keep the text as it is. The
// glossary uses it to turn a term's first use into a definition button.
type TextHook func(text string) []app.UI

// WithTextHook returns a copy of d that renders its text through h. The
// parsed document is shared, not copied; d itself is unchanged.
func (d *Doc) WithTextHook(h TextHook) *Doc {
	c := *d
	c.hook = h
	return &c
}

// SectionParts renders a section's heading (nil for the untitled opening
// section) and its blocks separately, so a page can put something of its
// own between them or after them.
func (d *Doc) SectionParts(s Section) (heading app.UI, blocks []app.UI) {
	if s.Heading.node != nil {
		heading = d.node(s.Heading.node)
	}
	for _, b := range s.blocks {
		blocks = append(blocks, d.node(b))
	}
	return heading, blocks
}

// hooked renders a text node through the hook, or returns nil when there is
// no hook, the text is a heading's or a link's, or the hook keeps it.
func (d *Doc) hooked(n ast.Node) []app.UI {
	t, ok := n.(*ast.Text)
	if d.hook == nil || !ok || t.HardLineBreak() {
		return nil
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Kind() {
		case ast.KindHeading, ast.KindLink, ast.KindAutoLink:
			return nil
		}
	}
	s := string(t.Value(d.src))
	if t.SoftLineBreak() {
		s += " "
	}
	return d.hook(s)
}

// OneParagraph reports whether the document is a single paragraph: a line
// of text and links that a page places inside an element of its own.
func (d *Doc) OneParagraph() bool {
	return len(d.blocks) == 1 && d.blocks[0].Kind() == ast.KindParagraph
}

// Inline renders a one-paragraph document as the paragraph's contents,
// without the <p>, or nil when it is not one paragraph.
func (d *Doc) Inline() []app.UI {
	if !d.OneParagraph() {
		return nil
	}
	return d.children(d.blocks[0])
}
