package ui

// Psychodynamic therapy and CBT side by side. The table
// is the source for everyone: a caption, column headers and row headers.
// On screens at least 48rem wide web/compare.css hides it visually (screen
// readers still read it) and shows the same rows drawn as an SVG written
// here, aria-hidden, coloured only through the theme's CSS variables.

import (
	"html"
	"strconv"
	"strings"

	"explainer/app/aids"
	"explainer/app/site"
	"explainer/app/sources"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Where the comparison appears: after the article's section on CBT, and in
// the FAQ answer on CBT on /faq (the home page shows the article above).
const (
	comparisonSection = "how-psychodynamic-therapy-differs-from-cbt"
	comparisonFAQ     = "vs-cbt"
	comparisonBy      = "A summary by this site, drawn from the article."
)

// comparisonAfter is the comparison when section is the one it belongs
// after, else nil.
func (u *App) comparisonAfter(section string) app.UI {
	if section != comparisonSection || u.site.Aids.Compare == nil {
		return nil
	}
	return u.comparison(u.site.Aids.Compare)
}

// answerBlock is an FAQ answer as a static block; on /faq the answer on
// CBT ends with the comparison (a key of its own: a key names its HTML).
func (l *FAQList) answerBlock(it site.FAQ, terms *aids.Marker) app.UI {
	c := l.ui.site.Aids.Compare
	if l.Path != FAQPath || it.ID != comparisonFAQ || c == nil {
		return l.ui.staticBlock("faq-answer:"+it.ID, func() app.HTMLDiv { return l.ui.faqAnswer(it, terms) })
	}
	return l.ui.staticBlock("faq-answer:"+it.ID+"+compare", func() app.HTMLDiv {
		d := l.ui.faqAnswer(it, terms)
		return app.Div().Body(d, l.ui.comparison(c))
	})
}

// comparison is the table and its drawing. The table's citations link to
// /sources; the drawing, for sighted readers on wide screens, links them
// too but keeps them out of the Tab order, which goes through the table
// (web/compare.css shows the table while focus is in it).
func (u *App) comparison(c *aids.Comparison) app.UI {
	rows := make([]app.UI, len(c.Rows))
	for i, r := range c.Rows {
		rows[i] = app.Tr().Body(
			app.Th().Scope("row").Text(r.Aspect),
			app.Td().Body(u.cited(r.Left)...),
			app.Td().Body(u.cited(r.Right)...),
		)
	}
	return app.Div().Class("compare").Body(
		app.Table().Class("compare-table").Body(
			app.Caption().Body(
				app.Span().Class("compare-title").Text(c.Caption),
				app.Span().Class("compare-note").Body(u.cited(c.Note)...),
				app.Span().Class("compare-by").Text(comparisonBy),
			),
			app.THead().Body(app.Tr().Body(
				app.Td(),
				app.Th().Scope("col").Text(c.Left),
				app.Th().Scope("col").Text(c.Right),
			)),
			app.TBody().Body(rows...),
		),
		app.Raw(comparisonSVG(c, u.site.Cite)),
	)
}

// The drawing's geometry, in SVG user units; web/compare.css shows it at
// the column's full width (up to 40rem), so a unit is about a CSS px.
const (
	svgW       = 600.0
	svgGap     = 16.0 // between the two columns
	svgPad     = 12.0 // inside a cell
	svgFont    = 16.0
	svgLine    = 22.0
	svgCharW   = 8.6 // a generous average width of a character at svgFont
	svgAspectH = 34.0
)

// comparisonSVG draws the comparison: the caption and note, the two column
// names, then for every aspect a labelled band and the two cells side by
// side. The columns differ by position, name and outline (solid for the
// first, dashed for the second), never by colour alone.
//
// A citation in a cell links to its source, as in the table; the link is
// out of the Tab order (tabindex -1), since keyboard and screen reader
// readers use the table's. A citation is kept on one line.
func comparisonSVG(c *aids.Comparison, cite *sources.Citer) string {
	colW := (svgW - svgGap) / 2
	xs := [2]float64{0, colW + svgGap}
	maxChars := fits(colW-2*svgPad, 1)
	var b strings.Builder
	y := 0.0
	text := func(x, y float64, class, anchor, s string) {
		b.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `" class="` + class + `"`)
		if anchor != "" {
			b.WriteString(` text-anchor="` + anchor + `"`)
		}
		b.WriteString(`>`)
		s = strings.ReplaceAll(s, keep, " ")
		pieces := cite.Split(s)
		if pieces == nil {
			pieces = []sources.Piece{{Text: s}}
		}
		for _, p := range pieces {
			if p.Source == nil {
				b.WriteString(html.EscapeString(p.Text))
				continue
			}
			b.WriteString(`<a href="` + SourcesPath + "#" + p.Source.ID + `" tabindex="-1" class="cmp-cite">` + html.EscapeString(p.Text) + `</a>`)
		}
		b.WriteString(`</text>`)
	}
	// wrapCited wraps s with each citation's spaces held, so that no
	// citation is split across two lines.
	wrapCited := func(s string, n int) []string {
		var h strings.Builder
		for _, p := range cite.Split(s) {
			if p.Source != nil {
				p.Text = strings.ReplaceAll(p.Text, " ", keep)
			}
			h.WriteString(p.Text)
		}
		if h.Len() == 0 {
			return wrap(s, n)
		}
		return wrap(h.String(), n)
	}
	for _, l := range wrap(c.Caption, fits(svgW, 1.15)) {
		y += 26
		text(0, y, "cmp-title", "", l)
	}
	for _, l := range wrap(c.Note, fits(svgW, 1)) {
		y += svgLine
		text(0, y, "cmp-note", "", l)
	}
	y += svgLine
	text(0, y, "cmp-by", "", comparisonBy)
	y += 18
	for i, name := range []string{c.Left, c.Right} {
		b.WriteString(`<rect x="` + num(xs[i]) + `" y="` + num(y) + `" width="` + num(colW) + `" height="40" rx="6" class="cmp-head cmp-col` + strconv.Itoa(i) + `"/>`)
		text(xs[i]+colW/2, y+26, "cmp-head-text cmp-col"+strconv.Itoa(i), "middle", name)
	}
	y += 40
	for _, r := range c.Rows {
		y += 10
		b.WriteString(`<line x1="0" x2="` + num(svgW) + `" y1="` + num(y+svgAspectH/2) + `" y2="` + num(y+svgAspectH/2) + `" class="cmp-rule"/>`)
		w := float64(len(r.Aspect))*svgCharW + 28
		b.WriteString(`<rect x="` + num(svgW/2-w/2) + `" y="` + num(y+3) + `" width="` + num(w) + `" height="` + num(svgAspectH-6) + `" rx="14" class="cmp-aspect"/>`)
		text(svgW/2, y+svgAspectH/2+5.5, "cmp-aspect-text", "middle", r.Aspect)
		y += svgAspectH + 4
		cells := [2][]string{wrapCited(r.Left, maxChars), wrapCited(r.Right, maxChars)}
		h := float64(max(len(cells[0]), len(cells[1])))*svgLine + 2*svgPad - 4
		for i, lines := range cells {
			b.WriteString(`<rect x="` + num(xs[i]+1) + `" y="` + num(y) + `" width="` + num(colW-2) + `" height="` + num(h) + `" rx="6" class="cmp-cell cmp-col` + strconv.Itoa(i) + `"/>`)
			for j, l := range lines {
				text(xs[i]+svgPad, y+svgPad+16+float64(j)*svgLine, "cmp-text", "", l)
			}
		}
		y += h
	}
	y += 2
	return `<svg class="compare-svg" aria-hidden="true" focusable="false" viewBox="0 0 ` + num(svgW) + ` ` + num(y) + `" width="` + num(svgW) + `" height="` + num(y) + `" xmlns="http://www.w3.org/2000/svg">` + b.String() + `</svg>`
}

// keep stands for a space that wrap must not break at (in a citation): a
// character of Unicode's private use area, never in the content.
const keep = "\ue000"

// wrap breaks s into lines of at most n characters, at spaces.
func wrap(s string, n int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		if cur != "" && len(cur)+1+len(w) > n {
			lines, cur = append(lines, cur), w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	return append(lines, cur)
}

// fits is how many characters fit in w units at scale times svgFont.
func fits(w, scale float64) int { return int(w / (svgCharW * scale)) }

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
