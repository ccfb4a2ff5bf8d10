package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Route is one page of the site.
type Route struct {
	Path string
	New  func() app.Composer
}

// Widget names the embeddable widget a route shows, or "" for a full page.
func (r Route) Widget() string {
	if strings.HasPrefix(r.Path, "/embed/") {
		return strings.TrimPrefix(r.Path, "/embed/")
	}
	return ""
}

// Routes lists every page, for the browser router, the server's prerender,
// the sitemap and the offline cache.
func Routes() []Route {
	return []Route{
		{Path: "/", New: func() app.Composer { return &ArticlePage{} }},
		{Path: "/faq", New: func() app.Composer { return &FAQPage{} }},
		{Path: "/fit", New: func() app.Composer { return &FitPage{} }},
		{Path: GlossaryPath, New: func() app.Composer { return &GlossaryPage{} }}, // issue 17
		{Path: "/embed", New: func() app.Composer { return &EmbedDocs{} }},
		{Path: "/embed/article", New: func() app.Composer { return &EmbedArticle{} }},
		{Path: "/embed/faq", New: func() app.Composer { return &FAQPage{Embedded: true} }},
		{Path: "/embed/fit", New: func() app.Composer { return &FitPage{Embedded: true} }},
	}
}

// Register hands the routes to go-app's router.
func Register() {
	for _, r := range Routes() {
		app.Route(r.Path, r.New)
	}
	RegisterNotFound()
}

// PageFor returns the component for path, or false for an unknown path.
func PageFor(path string) (app.Composer, bool) {
	for _, r := range Routes() {
		if r.Path == path {
			return r.New(), true
		}
	}
	return nil, false
}

// Meta is a page's title and description, shared by the server's <head>
// and the browser's title updates so both always agree.
type Meta struct {
	Title       string
	Description string
}

// MetaFor returns the metadata of path; unknown paths get the 404 title.
func MetaFor(path string) Meta {
	a := content.Article
	switch path {
	case "/":
		return Meta{Title: a.Title, Description: a.Description}
	case "/faq":
		return Meta{
			Title:       "Psychodynamic Therapy: Frequently Asked Questions · " + SiteName,
			Description: "Plain answers to the questions people ask before starting psychodynamic therapy: sessions, CBT, medication, telehealth in Georgia and California, evidence and cost.",
		}
	case "/fit":
		return Meta{
			Title:       "Is Psychodynamic Therapy Right for Me? A Private Self-Reflection · " + SiteName,
			Description: "A short, private self-reflection on whether psychodynamic therapy suits what you are looking for. Not a diagnosis; your answers stay on your device.",
		}
	case GlossaryPath: // issue 17
		return glossaryMeta()
	case "/embed":
		return Meta{
			Title:       "Embed the explainer on your site · " + SiteName,
			Description: "Show the article, the FAQ or the fit questionnaire on your own site: one snippet, an iframe that sizes itself, nothing private shared.",
		}
	case "/embed/article":
		return Meta{Title: a.Title + " (embedded)", Description: a.Description}
	case "/embed/faq", "/embed/fit":
		m := MetaFor(strings.TrimPrefix(path, "/embed"))
		m.Title = strings.TrimSuffix(m.Title, " · "+SiteName) + " (embedded)"
		return m
	}
	return Meta{Title: "Page not found · " + SiteName, Description: a.Description}
}

// RegisterNotFound sends every other path to the site's own 404 page
// (go-app's built-in one loads a remote icon). It must be registered last.
func RegisterNotFound() {
	app.RouteWithRegexp("^/", func() app.Composer { return &NotFound{} })
}
