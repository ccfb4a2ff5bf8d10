package ui

import (
	"explainer/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// embedPage is the frame of an embedded widget: the widget itself and one
// compact line that keeps the safety notes and a way to the full site, in
// place of the site's header and footer.
func (u *App) embedPage(name string, body ...app.UI) app.UI {
	return app.Div().Class("page embed embed-"+name).Body(
		app.Main().ID("main").Class("embed-main").Body(body...),
		app.Footer().Class("embed-footer").Body(
			u.safetyLine(""),
			app.P().Body(
				app.Text("Educational information, not medical advice. "),
				app.A().Href(u.fullPage(name)).Target("_blank").Rel("noopener").Body(
					app.Text("Open the full site"),
					app.Span().Class("visually-hidden").Text(" (opens in a new tab)"),
				),
			),
		),
	)
}

// embedParams reads the widget's query parameters in the browser.
func (u *App) embedParams(ctx app.Context, name string) widget.Params {
	return widget.Parse(name, ctx.Page().URL().Query(), u.site.Article.HasSection)
}

// EmbedArticle is the article as a widget, whole or one section.
type EmbedArticle struct {
	app.Compo
	ui      *App
	Section string // a validated section id, or "" for the whole article
}

// OnMount marks the app as started.
func (e *EmbedArticle) OnMount(ctx app.Context) { e.ui.mounted(ctx) }

// OnNav applies the validated section parameter.
func (e *EmbedArticle) OnNav(ctx app.Context) {
	e.ui.setMeta(ctx, embedPath(widget.Article))
	e.Section = e.ui.embedParams(ctx, widget.Article).Section
}

// Render builds the widget.
func (e *EmbedArticle) Render() app.UI {
	a := e.ui.site.Article
	var body []app.UI
	if e.Section == "" {
		body = append(body, app.H1().ID("article-title").Text(a.Title),
			app.P().Class("byline").Text("By "+a.Author+", "+a.Credentials))
		body = append(body, a.Doc.UI()...)
	} else {
		for _, s := range a.Doc.Sections() {
			if s.Heading.ID == e.Section {
				body = append(body, app.H1().Class("embed-kicker").Text(a.Title))
				body = append(body, a.Doc.SectionUI(s)...)
			}
		}
	}
	return e.ui.embedPage(widget.Article, app.Article().Class("prose").Body(body...))
}
