// Package markdown turns the site's Markdown into go-app UI nodes.
//
// goldmark parses the source once into an AST; Doc keeps that AST with the
// heading ids and sections computed from it, and UI walks it to build fresh
// go-app nodes on every render (go-app nodes are mutable once mounted, so they
// are never shared). The same code runs in the browser and in the server's
// prerender, so both produce the same page.
package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Heading is a heading of the document with its stable id.
type Heading struct {
	Level int
	Text  string
	ID    string
	node  *ast.Heading
}

// Section is a level-2 heading and the blocks up to the next one. The blocks
// before the first level-2 heading form a section with an empty ID.
type Section struct {
	Heading Heading
	blocks  []ast.Node
}

// Doc is a parsed Markdown document.
type Doc struct {
	src      []byte
	root     ast.Node
	headings []Heading
	ids      map[ast.Node]string
	hook     TextHook // see WithTextHook
}

// goldmark is configured here once: CommonMark with no extensions. Raw HTML
// in the source is never passed through (see renderers), which keeps the
// content safe to render without escaping rules of our own.
var md = goldmark.New()

// Parse parses Markdown source. It never fails: every input is some
// CommonMark document.
func Parse(src []byte) *Doc {
	d := &Doc{src: src, ids: map[ast.Node]string{}}
	d.root = md.Parser().Parse(text.NewReader(src))
	used := map[string]int{}
	for c := d.root.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if !ok {
			continue
		}
		t := PlainText(src, h)
		id := Slug(t)
		if n := used[id]; n > 0 {
			used[id]++
			id += "-" + strconv.Itoa(n+1)
		} else {
			used[id] = 1
		}
		d.ids[h] = id
		d.headings = append(d.headings, Heading{Level: h.Level, Text: t, ID: id, node: h})
	}
	return d
}

// Headings lists the top-level headings in document order.
func (d *Doc) Headings() []Heading { return d.headings }

// Title is the text of the first level-1 heading, or "".
func (d *Doc) Title() string {
	for _, h := range d.headings {
		if h.Level == 1 {
			return h.Text
		}
	}
	return ""
}

// Sections splits the document at its level-2 headings. A level-1 heading is
// left out: the page shows the title in its own header.
func (d *Doc) Sections() []Section {
	secs := []Section{{}}
	for c := d.root.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok {
			switch h.Level {
			case 1:
				continue
			case 2:
				secs = append(secs, Section{Heading: Heading{Level: 2, Text: PlainText(d.src, h), ID: d.ids[h], node: h}})
				continue
			}
		}
		last := &secs[len(secs)-1]
		last.blocks = append(last.blocks, c)
	}
	if len(secs[0].blocks) == 0 {
		secs = secs[1:]
	}
	return secs
}

// SectionIDs lists the ids of the document's level-2 sections, in order.
func (d *Doc) SectionIDs() []string {
	var ids []string
	for _, s := range d.Sections() {
		if s.Heading.ID != "" {
			ids = append(ids, s.Heading.ID)
		}
	}
	return ids
}

// PlainText is the text of n and its descendants as a reader would read it.
func (d *Doc) PlainText() string {
	var b strings.Builder
	for c := d.root.FirstChild(); c != nil; c = c.NextSibling() {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(PlainText(d.src, c))
	}
	return b.String()
}

// Words counts the words a reader reads, for the reading-time estimate.
func (d *Doc) Words() int {
	return len(strings.Fields(d.PlainText()))
}

// PlainText is the readable text of n: text, code spans and link text, with
// soft line breaks as spaces and blocks separated by newlines.
func PlainText(src []byte, n ast.Node) string {
	var b strings.Builder
	writeText(&b, src, n)
	return strings.TrimSpace(b.String())
}

func writeText(b *strings.Builder, src []byte, n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(n.Value(src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		b.Write(n.Value)
		return
	case *ast.AutoLink:
		b.Write(n.Label(src))
		return
	}
	if n.Type() == ast.TypeBlock && n.HasChildren() == false {
		writeLines(b, src, n)
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock && c.PreviousSibling() != nil {
			b.WriteByte('\n')
		}
		writeText(b, src, c)
	}
}

// writeLines writes the raw lines of a leaf block (a code block, an HTML
// block) as text.
func writeLines(b *strings.Builder, src []byte, n ast.Node) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
}

// Slug makes a heading id in the style GitHub and Hugo use: lower-case
// letters and digits, words joined by hyphens, other punctuation dropped, so
// "Dr. Kaiser's Training" becomes "dr-kaisers-training".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '_':
			dash = true
		}
	}
	return b.String()
}

// Links lists the destinations of every link in the document, in order.
func (d *Doc) Links() []string {
	var out []string
	ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *ast.Link:
				out = append(out, string(n.Destination))
			case *ast.AutoLink:
				out = append(out, string(n.URL(d.src)))
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}
