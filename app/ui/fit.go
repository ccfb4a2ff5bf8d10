package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// FitPage is the fit questionnaire on its own route.
type FitPage struct {
	app.Compo
}

// OnMount marks the app as started.
func (p *FitPage) OnMount(ctx app.Context) { mounted(ctx) }

// OnNav keeps the document title right after in-app navigation.
func (p *FitPage) OnNav(ctx app.Context) { setMeta(ctx, "/fit") }

// Render builds the page.
func (p *FitPage) Render() app.UI {
	return page("/fit", app.H1().Text(content.Fit.Title))
}

// fitInvitation invites the reader, at the end of the article, to the
// questionnaire.
func fitInvitation() app.UI {
	return app.Aside().Class("callout fit-invitation").Body(
		app.P().Body(app.A().Href("/fit").Text("Is psychodynamic therapy right for you? Take a short, private self-reflection")),
	)
}
