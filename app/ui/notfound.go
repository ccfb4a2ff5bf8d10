package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// NotFound is the page for unknown paths: it says so plainly and offers the
// ways back in.
type NotFound struct {
	app.Compo
	ui *App
}

// OnMount marks the app as started.
func (p *NotFound) OnMount(ctx app.Context) { p.ui.mounted(ctx) }

// OnNav sets the title for in-app navigation to a missing page.
func (p *NotFound) OnNav(ctx app.Context) { p.ui.setMeta(ctx, "") }

// Render builds the page.
func (p *NotFound) Render() app.UI {
	return p.ui.page("",
		app.Div().Class("notfound").Body(
			app.H1().Text("Page not found"),
			app.P().Text("There is no page at this address. It may have moved, or the link may have a typo."),
			app.Ul().Body(
				app.Li().Body(app.A().Href(ArticlePath).Text("Read the article: What is psychodynamic therapy?")),
			),
		),
	)
}
