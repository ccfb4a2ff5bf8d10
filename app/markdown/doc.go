// Package markdown turns the site's Markdown into go-app UI nodes.
//
// goldmark parses the source once into an AST; Doc keeps that AST with the
// heading ids and sections computed from it, and UI walks it to build fresh
// go-app nodes on every render (go-app nodes are mutable once mounted, so they
// are never shared). The same code runs in the browser and in the server's
// prerender, so both produce the same page.
package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Heading is a heading of the document with its stable id.
type Heading struct {
	Level int
	Text  string
	// ID is the heading's explicit id, written "## Heading {#id}", or else
	// a slug of its text, made unique within the document.
	ID       string
	Explicit bool // the id was written out
	Line     int  // 1-based line in the source
	node     *ast.Heading
}

// Section is a level-2 heading and the blocks up to the next one. The blocks
// before the first level-2 heading form a section with an empty ID.
type Section struct {
	Heading Heading
	Line    int // the heading's line, or the first block's for the leading section
	blocks  []ast.Node
}

// Doc is a parsed Markdown document, or one section of one (Body).
type Doc struct {
	src      []byte
	blocks   []ast.Node // the top-level blocks
	headings []Heading
	ids      map[ast.Node]string
	hook     TextHook // see WithTextHook
}

// goldmark is configured here once: CommonMark, plus heading attributes
// for explicit ids ("## Question? {#id}"). Raw HTML in the source is never
// passed through (see renderers), which keeps the content safe to render
// without escaping rules of our own.
var md = goldmark.New(goldmark.WithParserOptions(parser.WithHeadingAttribute()))

// Parse parses Markdown source. It never fails: every input is some
// CommonMark document. A byte-order mark, which some editors add, is
// ignored.
func Parse(src []byte) *Doc {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	root := md.Parser().Parse(text.NewReader(src))
	var blocks []ast.Node
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		blocks = append(blocks, c)
	}
	return newDoc(src, blocks)
}

func newDoc(src []byte, blocks []ast.Node) *Doc {
	d := &Doc{src: src, blocks: blocks, ids: map[ast.Node]string{}}
	used := map[string]int{}
	for _, c := range blocks {
		h, ok := c.(*ast.Heading)
		if !ok {
			continue
		}
		t := PlainText(src, h)
		id, explicit := Slug(t), false
		if v, ok := h.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				id, explicit = string(b), true
			}
		}
		if n := used[id]; n > 0 && !explicit {
			used[id]++
			id += "-" + strconv.Itoa(n+1)
		} else {
			used[id]++
		}
		d.ids[h] = id
		d.headings = append(d.headings, Heading{Level: h.Level, Text: t, ID: id, Explicit: explicit, Line: d.line(h), node: h})
	}
	return d
}

// line is the 1-based source line where block n starts.
func (d *Doc) line(n ast.Node) int {
	return 1 + bytes.Count(d.src[:min(max(n.Pos(), 0), len(d.src))], []byte("\n"))
}

// Body is the blocks of section s as a document of its own, without the
// section's heading: one answer of a file of questions, say.
func (d *Doc) Body(s Section) *Doc { return newDoc(d.src, s.blocks) }

// Source is the document's source text.
func (d *Doc) Source() []byte { return d.src }

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
	for _, c := range d.blocks {
		if h, ok := c.(*ast.Heading); ok {
			switch h.Level {
			case 1:
				continue
			case 2:
				secs = append(secs, Section{Heading: d.heading(h), Line: d.line(h)})
				continue
			}
		}
		last := &secs[len(secs)-1]
		if len(last.blocks) == 0 && last.Heading.node == nil {
			last.Line = d.line(c)
		}
		last.blocks = append(last.blocks, c)
	}
	if len(secs[0].blocks) == 0 {
		secs = secs[1:]
	}
	return secs
}

func (d *Doc) heading(h *ast.Heading) Heading {
	for _, x := range d.headings {
		if x.node == h {
			return x
		}
	}
	return Heading{}
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
	for _, c := range d.blocks {
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
	if n.Type() == ast.TypeBlock && !n.HasChildren() {
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

// Link is a link of the document: what the reader reads, and where it goes.
type Link struct {
	Text string
	Dest string
}

// Links lists every link in the document, in order. It is the one place
// the site's content is searched for links (the content checks and their
// tests all use it).
func (d *Doc) Links() []Link {
	var out []Link
	for _, b := range d.blocks {
		ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering {
				switch n := n.(type) {
				case *ast.Link:
					out = append(out, Link{Text: PlainText(d.src, n), Dest: string(n.Destination)})
				case *ast.AutoLink:
					out = append(out, Link{Text: string(n.Label(d.src)), Dest: string(n.URL(d.src))})
				}
			}
			return ast.WalkContinue, nil
		})
	}
	return out
}

// Walk calls f for every node of the document, parents before children.
func Walk(d *Doc, f func(n ast.Node)) {
	for _, b := range d.blocks {
		ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering {
				f(n)
			}
			return ast.WalkContinue, nil
		})
	}
}
