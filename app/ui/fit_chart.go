package ui

import (
	"fmt"
	"strconv"
	"strings"

	"explainer/app/fit"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The result's chart: the reader's own answers, one
// square per statement, grouped by the way each statement points. It
// explains the band and shows no score: only counts of what the reader said.
// The squares are SVG written here (colours from the theme's variables in
// web/fit-chart.css, so dark mode and print follow) and hidden from screen
// readers; the sentence under each row says the same in words, visibly,
// and prints with the summary. Agreed, rated lower and not rated differ by
// fill and outline (solid, dashed), never by colour alone.

// Square kinds, which are also the SVG classes.
const (
	chartAgreed   = "fit-chart-agreed"
	chartLower    = "fit-chart-lower"
	chartNotRated = "fit-chart-not-rated"
	chartNotSure  = "fit-chart-not-sure"
	chartNotApply = "fit-chart-not-apply"
)

const (
	chartSize = 20 // square side, CSS px
	chartGap  = 6
)

// fitChart draws the reader's answers, or nothing if they cannot be counted.
func (u *App) fitChart(ans fit.Answers) app.UI {
	d := u.site.Fit
	l, err := d.Lean(ans)
	if err != nil {
		return nil
	}
	return app.Figure().Class("fit-chart").Aria("labelledby", "fit-chart-title").Body(
		app.FigCaption().Body(
			app.H3().ID("fit-chart-title").Text("Your answers at a glance"),
			app.P().Class("fit-chart-note").Text("Each square is one statement. "+
				"Your result comes from these answers as a whole. It is not a test score."),
		),
		fitChartRow("toward", "Toward psychodynamic work", l.Toward),
		fitChartRow("structured", "Toward a structured approach, such as CBT", l.Structured),
		fitChartSkipped(d, l),
		fitChartKey(),
	)
}

// fitChartRow is one direction: its squares, then the same in words.
func fitChartRow(id, label string, s fit.Side) app.UI {
	kinds := repeat(chartAgreed, s.Agreed)
	kinds = append(kinds, repeat(chartLower, s.Rated-s.Agreed)...)
	kinds = append(kinds, repeat(chartNotRated, s.NotRated())...)
	words := fmt.Sprintf("You agreed with %s of these %s.", strconv.Itoa(s.Agreed), plural(s.Statements, "statement"))
	if n := s.Rated - s.Agreed; n > 0 {
		words += fmt.Sprintf(" You rated %s lower.", count(n))
	}
	if n := s.NotRated(); n > 0 {
		words += fmt.Sprintf(" You did not rate %s.", count(n))
	}
	return app.Div().Class("fit-chart-row").Attr("data-side", id).Body(
		app.P().Class("fit-chart-label").Text(label),
		app.Raw(chartSVG(kinds)),
		app.P().Class("fit-chart-words").Text(words),
	)
}

// fitChartSkipped shows "Not sure" and "Doesn't apply to me" as such:
// counted, never as agreement either way.
func fitChartSkipped(d *fit.Definition, l fit.Lean) app.UI {
	kinds := append(repeat(chartNotSure, l.NotSure), repeat(chartNotApply, l.NotApply)...)
	words := "You gave every statement a rating."
	if len(kinds) > 0 {
		var parts []string
		if l.NotSure > 0 {
			parts = append(parts, "“"+d.NotSureLabel+"” "+times(l.NotSure))
		}
		if l.NotApply > 0 {
			parts = append(parts, "“"+d.NotApplyLabel+"” "+times(l.NotApply))
		}
		words = "You chose " + strings.Join(parts, " and ") + ". These answers count for neither side."
	}
	var svg app.UI
	if len(kinds) > 0 {
		svg = app.Raw(chartSVG(kinds))
	}
	return app.Div().Class("fit-chart-row").Attr("data-side", "skipped").Body(
		app.P().Class("fit-chart-label").Text(d.NotSureLabel+" or "+lowerFirst(d.NotApplyLabel)),
		svg,
		app.P().Class("fit-chart-words").Text(words),
	)
}

// fitChartKey explains the squares. Its swatches are the same SVG.
func fitChartKey() app.UI {
	item := func(kind, text string) app.UI {
		return app.Li().Body(app.Raw(chartSVG([]string{kind})), app.Span().Text(text))
	}
	return app.Ul().Class("fit-chart-key").Aria("label", "Key to the squares").Body(
		item(chartAgreed, "Agreed: somewhat like me or more"),
		item(chartLower, "Rated lower"),
		item(chartNotRated, "Not rated"),
		item(chartNotSure, "Not sure"),
		item(chartNotApply, "Doesn't apply"),
	)
}

// chartSVG draws one square per kind, in a row. Not sure carries a "?",
// doesn't apply a dash, so they differ by shape too.
func chartSVG(kinds []string) string {
	w := len(kinds)*(chartSize+chartGap) - chartGap + 4
	h := chartSize + 4
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="fit-chart-svg" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" aria-hidden="true" focusable="false">`, w, h, w, h)
	for i, k := range kinds {
		x := 2 + i*(chartSize+chartGap)
		fmt.Fprintf(&b, `<rect class="%s" x="%d" y="2" width="%d" height="%d" rx="3"/>`, k, x, chartSize, chartSize)
		switch k {
		case chartNotSure:
			fmt.Fprintf(&b, `<text class="fit-chart-glyph" x="%d" y="%d" text-anchor="middle">?</text>`, x+chartSize/2, 2+chartSize-5)
		case chartNotApply:
			fmt.Fprintf(&b, `<line class="fit-chart-glyph-line" x1="%d" y1="%d" x2="%d" y2="%d"/>`, x+5, 2+chartSize/2, x+chartSize-5, 2+chartSize/2)
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func repeat(s string, n int) []string {
	out := make([]string, 0, max(n, 0))
	for range n {
		out = append(out, s)
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func count(n int) string { return plural(n, "statement") }

func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
