package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// FAQPage is the FAQ on its own route.
type FAQPage struct {
	app.Compo
}

// OnMount marks the app as started.
func (p *FAQPage) OnMount(ctx app.Context) { mounted(ctx) }

// OnNav keeps the document title right after in-app navigation.
func (p *FAQPage) OnNav(ctx app.Context) { setMeta(ctx, "/faq") }

// Render builds the page.
func (p *FAQPage) Render() app.UI {
	return page("/faq", app.H1().Text(content.Article.FAQHeading))
}

// faqSection is the FAQ as it appears after the article on the home page,
// where the article's own "Frequently Asked Questions" heading stood.
func faqSection() app.UI {
	return app.Section().Class("faq-section").Aria("labelledby", "faq-title").Body(
		app.H2().ID("faq-title").Text(content.Article.FAQHeading),
	)
}
