package ui

import (
	"strconv"

	"explainer/app/markdown"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ArticlePage is the home page: the practice's article, its table of
// contents and the consultation call to action.
type ArticlePage struct {
	app.Compo
	ui *App
}

// OnMount marks the app as started.
func (p *ArticlePage) OnMount(ctx app.Context) { p.ui.mounted(ctx) }

// OnNav keeps the document title right after in-app navigation.
func (p *ArticlePage) OnNav(ctx app.Context) { p.ui.setMeta(ctx, ArticlePath) }

// Render builds the page.
func (p *ArticlePage) Render() app.UI {
	a := p.ui.site.Article
	secs := a.Doc.Sections()
	return p.ui.page(ArticlePath,
		app.Div().Class("article-grid").Body(
			app.Article().Class("article").Aria("labelledby", "article-title").Body(
				p.ui.articleHeader(),
				toc(secs, "toc-compact"),
				&InShortSwitch{},                               // reading aids (aids.go)
				p.ui.staticBlock("article", p.ui.articleProse), // key points and glossary terms
				p.ui.fitInvitation(),
				p.ui.faqSection(),
				p.ui.consultation(),
			),
			toc(secs, "toc-wide"),
		),
	)
}

func (u *App) articleHeader() app.UI {
	a := u.site.Article
	facts := []app.UI{app.Li().Text(strconv.Itoa(a.ReadingMinutes()) + " min read")}
	if r := u.reviewed(); r != nil {
		facts = append(facts, app.Li().Body(r...))
	}
	byline := []app.UI{app.P().Class("byline").Text("By " + a.Author)}
	if a.Credentials != "" {
		byline = append(byline, app.P().Class("credential").Text(a.Credentials))
	}
	return app.Header().Class("article-header").Body(
		app.H1().ID("article-title").Text(a.Title),
		app.Div().Body(byline...),
		app.Ul().Class("article-facts").Body(facts...),
	)
}

// toc is the table of contents. The page renders it twice, a disclosure for
// phones and a sticky list for wide screens; CSS shows one of them, so only
// one is ever in the accessibility tree.
func toc(secs []markdown.Section, class string) app.UI {
	var items []app.UI
	for _, s := range secs {
		if s.Heading.ID == "" {
			continue
		}
		items = append(items, app.Li().Body(app.A().Href("#"+s.Heading.ID).OnClick(focusTarget(s.Heading.ID)).Text(s.Heading.Text)))
	}
	list := app.Ol().Body(items...)
	if class == "toc-compact" {
		return app.Nav().Class("toc "+class).Aria("label", "Table of contents").Body(
			app.Details().Body(app.Summary().Text("On this page"), list),
		)
	}
	return app.Nav().Class("toc "+class).Aria("labelledby", "toc-title").Body(
		app.H2().Class("toc-title").ID("toc-title").Text("On this page"),
		list,
	)
}

// consultation is the call to action that closes the article. Without a
// booking URL it tells the reader how to go on rather than linking nowhere.
func (u *App) consultation() app.UI {
	a := u.site.Article
	var action app.UI
	if u.cfg.BookingURL != "" {
		action = app.A().Class("button").Href(u.cfg.BookingURL).Rel("noopener").Text(a.BookingLabel)
	} else {
		action = app.P().Text("To book a consultation, contact Dr. Kaiser's practice directly, by phone or through its website.")
	}
	return app.Section().Class("callout consultation").Aria("labelledby", "consultation-title").Body(
		app.H2().ID("consultation-title").Text(a.CTAHeading),
		app.P().Text(a.CTAText),
		action,
	)
}

// setMeta updates the document title and description after in-app
// navigation, from the same source the server's <head> uses.
func (u *App) setMeta(ctx app.Context, path string) {
	m := u.Meta(path)
	ctx.Page().SetTitle(m.Title)
	ctx.Page().SetDescription(m.Description)
}
