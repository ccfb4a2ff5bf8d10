package markdown

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/yuin/goldmark/ast"
)

// UI renders every block of the document except its level-1 heading.
func (d *Doc) UI() []app.UI {
	var out []app.UI
	for _, s := range d.Sections() {
		out = append(out, d.SectionUI(s)...)
	}
	return out
}

// SectionUI renders one section: its heading (when it has one) and blocks.
func (d *Doc) SectionUI(s Section) []app.UI {
	var out []app.UI
	if s.Heading.node != nil {
		out = append(out, d.node(s.Heading.node))
	}
	for _, b := range s.blocks {
		out = append(out, d.node(b))
	}
	return out
}

// renderers holds one function per node kind, in one place, as goldmark's own
// HTML renderer does. A kind missing here falls back to its text.
var renderers map[ast.NodeKind]func(d *Doc, n ast.Node) app.UI

func init() {
	renderers = map[ast.NodeKind]func(d *Doc, n ast.Node) app.UI{
		ast.KindHeading:         renderHeading,
		ast.KindParagraph:       func(d *Doc, n ast.Node) app.UI { return app.P().Body(d.children(n)...) },
		ast.KindTextBlock:       func(d *Doc, n ast.Node) app.UI { return app.Span().Body(d.children(n)...) },
		ast.KindBlockquote:      func(d *Doc, n ast.Node) app.UI { return app.Blockquote().Body(d.children(n)...) },
		ast.KindList:            renderList,
		ast.KindListItem:        func(d *Doc, n ast.Node) app.UI { return app.Li().Body(d.children(n)...) },
		ast.KindThematicBreak:   func(d *Doc, n ast.Node) app.UI { return app.Hr() },
		ast.KindEmphasis:        renderEmphasis,
		ast.KindLink:            renderLink,
		ast.KindAutoLink:        renderAutoLink,
		ast.KindCodeSpan:        func(d *Doc, n ast.Node) app.UI { return app.Code().Text(PlainText(d.src, n)) },
		ast.KindCodeBlock:       renderCodeBlock,
		ast.KindFencedCodeBlock: renderCodeBlock,
		ast.KindText:            renderText,
		ast.KindString:          func(d *Doc, n ast.Node) app.UI { return app.Text(string(n.(*ast.String).Value)) },
	}
}

// node renders n with the function registered for its kind. Anything else
// (raw HTML, images, kinds added by a future goldmark) is shown as its text,
// never dropped and never passed through as markup.
func (d *Doc) node(n ast.Node) app.UI {
	if r, ok := renderers[n.Kind()]; ok {
		return r(d, n)
	}
	t := PlainText(d.src, n)
	if n.Type() == ast.TypeBlock {
		return app.P().Text(t)
	}
	return app.Text(t)
}

// children renders the children of n. A tight list item's text block has
// no element of its own in HTML, so its inlines join the item directly.
func (d *Doc) children(n ast.Node) []app.UI {
	var out []app.UI
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == ast.KindTextBlock {
			out = append(out, d.children(c)...)
			continue
		}
		if h := d.hooked(c); h != nil {
			out = append(out, h...)
			continue
		}
		out = append(out, d.node(c))
	}
	return out
}

func renderHeading(d *Doc, n ast.Node) app.UI {
	h := n.(*ast.Heading)
	id := d.ids[h]
	if id == "" {
		id = Slug(PlainText(d.src, h))
	}
	body := d.children(h)
	switch h.Level {
	case 1:
		return app.H1().ID(id).Body(body...)
	case 2:
		return app.H2().ID(id).Body(body...)
	case 3:
		return app.H3().ID(id).Body(body...)
	case 4:
		return app.H4().ID(id).Body(body...)
	case 5:
		return app.H5().ID(id).Body(body...)
	}
	return app.H6().ID(id).Body(body...)
}

func renderList(d *Doc, n ast.Node) app.UI {
	l := n.(*ast.List)
	if l.IsOrdered() {
		ol := app.Ol()
		if l.Start != 1 {
			ol = ol.Start(l.Start)
		}
		return ol.Body(d.children(l)...)
	}
	return app.Ul().Body(d.children(l)...)
}

func renderEmphasis(d *Doc, n ast.Node) app.UI {
	if n.(*ast.Emphasis).Level >= 2 {
		return app.Strong().Body(d.children(n)...)
	}
	return app.Em().Body(d.children(n)...)
}

func renderLink(d *Doc, n ast.Node) app.UI {
	l := n.(*ast.Link)
	return anchor(string(l.Destination), string(l.Title), d.children(l))
}

func renderAutoLink(d *Doc, n ast.Node) app.UI {
	l := n.(*ast.AutoLink)
	url := string(l.URL(d.src))
	return anchor(url, "", []app.UI{app.Text(string(l.Label(d.src)))})
}

// anchor builds a link. Links to other sites open in a new tab with no
// referrer or opener; a destination with a scheme other than http, https,
// tel, sms or mailto (javascript:, data:) is shown as text only.
func anchor(href, title string, body []app.UI) app.UI {
	if !SafeURL(href) {
		return app.Span().Body(body...)
	}
	a := app.A().Href(href)
	if title != "" {
		a = a.Title(AttrSafe(title))
	}
	if strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "https://") {
		a = a.Target("_blank").Rel("noopener noreferrer")
	}
	return a.Body(body...)
}

// SafeURL reports whether a link destination may be rendered as a link.
func SafeURL(href string) bool {
	if strings.HasPrefix(href, "/") || strings.HasPrefix(href, "#") {
		return !strings.HasPrefix(href, "//")
	}
	for _, s := range []string{"http://", "https://", "tel:", "sms:", "mailto:"} {
		if strings.HasPrefix(strings.ToLower(href), s) {
			return true
		}
	}
	return false
}

// AttrSafe replaces the characters go-app v10 cannot write into a prerendered
// attribute: it quotes attribute values with strconv.Quote, so a '"' becomes
// '\"' and a '\' doubles, both of which break or change the HTML. Straight
// double quotes become typographic ones; backslashes are dropped.
func AttrSafe(s string) string {
	if !strings.ContainsAny(s, "\"\\") {
		return s
	}
	var b strings.Builder
	open := true
	for _, r := range s {
		switch r {
		case '"':
			if open {
				b.WriteRune('“')
			} else {
				b.WriteRune('”')
			}
			open = !open
		case '\\':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func renderCodeBlock(d *Doc, n ast.Node) app.UI {
	var b strings.Builder
	writeLines(&b, d.src, n)
	return app.Pre().Body(app.Code().Text(strings.TrimRight(b.String(), "\n")))
}

// renderText writes a text segment. Soft line breaks become a space and hard
// breaks a <br>, so a paragraph wrapped in the source reads as one line.
func renderText(d *Doc, n ast.Node) app.UI {
	t := n.(*ast.Text)
	s := string(t.Value(d.src))
	switch {
	case t.HardLineBreak():
		return app.Span().Body(app.Text(s), app.Br())
	case t.SoftLineBreak():
		s += " "
	}
	return app.Text(s)
}
