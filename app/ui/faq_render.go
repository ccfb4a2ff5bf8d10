package ui

import (
	"strconv"

	"explainer/app/aids"
	"explainer/app/faq"
	"explainer/app/markdown"
	"explainer/app/site"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Render builds the list. Every question and answer is always rendered;
// the search hides the ones that do not match rather than removing them.
// Boolean attributes (open, hidden, disabled) are set only when true: the
// server writes open="false" and HTML reads that as open.
func (l *FAQList) Render() app.UI {
	items := l.ui.site.FAQ
	shown := make([]bool, len(items))
	n := 0
	for i, it := range items {
		if faq.Match(it.Item, it.Text, l.query) {
			shown[i] = true
			n++
		}
	}
	list := make([]app.UI, len(items))
	terms := aids.NewMarker(l.ui.site.Aids.Glossary) // glossary terms, first use in the FAQ
	for i, it := range items {
		list[i] = l.item(it, shown[i], terms)
	}
	return app.Div().Class("faq").Body(
		l.tools(n, len(items)),
		app.Div().Class("faq-list").Body(list...),
		l.noMatch(n),
	)
}

// The search box is not given the query as its value: the box holds what
// the reader typed, and the query follows it (onSearch). Rendering the
// value back would, on a slow phone, put back an older query over keys
// typed between an input event and the render it causes. It is made with
// the text typed before the app mounted, which never changes, so go-app
// never writes it again.
//
// searchID is the search box's id; text typed there before the app
// mounts is carried over by it (mount.go).
const searchID = "faq-search"

// tools is the search box, the count of matches and the expand and
// collapse buttons. Before the app has mounted the buttons cannot work:
// they are written disabled, for a browser without scripts, and boot.js
// makes them live (needsApp). The search box takes text from the first
// paint, long before any script on a slow link; the count says when it
// will answer, and the app answers what was typed when it mounts. They
// keep their place so nothing moves.
func (l *FAQList) tools(n, total int) app.UI {
	search := app.Input().Type("search").ID(searchID).Class("faq-search").
		Attr("autocomplete", "off").Attr("spellcheck", "false").
		Aria("describedby", "faq-count").
		OnInput(l.onSearch)
	if l.typed != "" {
		search = search.Value(l.typed)
	}
	expand := app.Button().Type("button").Class("secondary").Text("Expand all").OnClick(l.expandAll)
	collapse := app.Button().Type("button").Class("secondary").Text("Collapse all").OnClick(l.collapseAll)
	count := countText(n, total, l.query)
	if !l.ready {
		search = needsApp(search)
		expand, collapse = needsApp(expand.Disabled(true)), needsApp(collapse.Disabled(true))
		count += ". " + searchWaitText
	}
	return app.Div().Class("faq-tools").Attr("role", "search").Aria("label", "Questions").Body(
		app.Label().For("faq-search").Class("faq-search-label").Text("Search the questions"),
		search,
		app.Div().Class("faq-tools-row").Body(
			app.P().ID("faq-count").Class("faq-count").Attr("role", "status").Text(count),
			app.Div().Class("faq-buttons").Body(expand, collapse),
		),
	)
}

// searchWaitText tells a reader of the prerendered page when the search
// will answer.
const searchWaitText = "The search shows its results once the page has loaded."

// countText says how many questions the search shows.
func countText(n, total int, query string) string {
	all := strconv.Itoa(total)
	switch {
	case !hasWords(query):
		return all + " questions"
	case n == 0:
		return "No questions match"
	case n == 1:
		return "1 of " + all + " questions matches"
	}
	return strconv.Itoa(n) + " of " + all + " questions match"
}

// hasWords reports whether the query would filter anything: faq.Match
// treats a query of spaces or punctuation as matching every item, and any
// real word fails to match an empty item.
func hasWords(query string) bool {
	return !faq.Match(faq.Item{}, "", query)
}

// item is one question and its answer.
func (l *FAQList) item(it site.FAQ, shown bool, terms *aids.Marker) app.UI {
	d := app.Details().ID(it.ID).Class("faq-item")
	if l.initial[it.ID] {
		d = d.Open(true)
	}
	if !shown {
		d = d.Hidden(true)
	}
	copyBtn := app.Button().Type("button").Class("faq-copy secondary").
		Aria("label", "Copy link to: "+markdown.AttrSafe(it.Question)).
		Text("Copy link").OnClick(l.copyLink(it.ID))
	if !l.ready {
		copyBtn = needsApp(copyBtn.Disabled(true))
	}
	msg := ""
	if l.copied == it.ID {
		msg = l.copyMsg
	}
	return d.Body(
		app.Summary().ID(questionID(it.ID)).Class("faq-question").Body(questionHeading(l.Level, it.Question)),
		app.Div().Class("faq-answer").Body(
			l.answerBlock(it, terms), // a static block; comparison.go
			app.Div().Class("faq-share").Body(
				copyBtn,
				app.Span().Class("faq-copy-status").Aria("live", "polite").Text(msg),
			),
		),
	)
}

// questionHeading keeps the page's outline: h2 under the FAQ page's h1, h3
// under the home page's "Frequently Asked Questions" h2.
func questionHeading(level int, text string) app.UI {
	if level == 2 {
		return app.H2().Class("faq-question-text").Text(text)
	}
	return app.H3().Class("faq-question-text").Text(text)
}

// noMatch is shown when the search matches nothing: it says so plainly and
// points to the consultation, where any question can be asked.
func (l *FAQList) noMatch(n int) app.UI {
	if n > 0 {
		return nil
	}
	href := "/#consultation-title"
	if l.Path == ArticlePath {
		href = "#consultation-title"
	}
	return app.Div().Class("faq-empty").Body(
		app.P().Class("faq-empty-title").Text("No questions match “"+l.query+"”."),
		app.P().Body(
			app.Text("Try fewer or different words. Or bring your question to a consultation: "),
			app.A().Href(href).Text("ask Dr. Kaiser at your consultation"),
			app.Text("."),
		),
		app.Button().Type("button").Class("secondary").Text("Show all questions").OnClick(l.clearSearch),
	)
}
