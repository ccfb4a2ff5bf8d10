package ui

// The /glossary page: every term of content/glossary.md as a
// definition list, each term's <dt> with its id for deep links.

import (
	"explainer/app/aids"
	"explainer/app/site"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// GlossaryPage lists the glossary.
type GlossaryPage struct {
	app.Compo
	ui *App
}

// OnMount marks the app as started.
func (p *GlossaryPage) OnMount(ctx app.Context) { p.ui.mounted(ctx) }

// OnNav keeps the document title right after in-app navigation.
func (p *GlossaryPage) OnNav(ctx app.Context) { p.ui.setMeta(ctx, GlossaryPath) }

// Render builds the page.
func (p *GlossaryPage) Render() app.UI {
	terms := p.ui.site.Aids.Glossary
	list := make([]app.UI, 0, 2*len(terms))
	for _, t := range terms {
		list = append(list, app.Dt().ID(t.ID).Text(t.Name), app.Dd().Text(t.Definition))
	}
	return p.ui.page(GlossaryPath,
		app.Div().Class("glossary").Body(
			app.H1().Text("Glossary"),
			app.P().Text("Words the article and the questions use, in plain words. These definitions are written by this site to help you read; they are not Dr. Kaiser’s words and not medical advice."),
			app.Dl().Body(list...),
			app.P().Body(app.A().Href(ArticlePath).Text("Back to the article: What is psychodynamic therapy?")),
		),
	)
}

// faqAnswer renders one FAQ answer with its citations linked to /sources
// and the first use of each glossary term in the FAQ marked (m is shared
// by the answers, in order), followed by the definitions of the terms it
// marked. The crisis answer starts with the site's safety line.
func (u *App) faqAnswer(it site.FAQ, m *aids.Marker) app.HTMLDiv {
	var body []app.UI
	if it.Safety {
		body = append(body, u.safetyLine("faq-safety"))
	}
	body = append(body, it.Answer.WithTextHook(u.citeHook(termHook(m, "gf-"))).UI()...)
	body = append(body, termDefinitions(m.Take(), "gf-")...)
	return app.Div().Class("faq-answer-text").Body(body...)
}
