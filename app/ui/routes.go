package ui

import (
	"strings"

	"explainer/app/site"
	"explainer/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The paths of the site's pages, for the route table below and for every
// link between pages: a page's path is written once, here.
const (
	ArticlePath   = "/"
	FAQPath       = "/faq"
	FitPath       = "/fit"
	GlossaryPath  = "/glossary"
	SourcesPath   = "/sources"
	EmbedDocsPath = "/embed"
)

// entry is one entry of the route table: everything the site knows about a
// page. Adding a page is one entry here plus its component.
type entry struct {
	path string
	// nav is the page's label in the site's navigation, "" to leave it out.
	nav string
	// title and description are the document's; "" takes the article's
	// (the home page is the article). The title gets " · SiteName" unless
	// it is the article's own.
	title, description string
	// data is the page's schema.org JSON-LD for search engines, or nil.
	data func(u *App, baseURL string) any
	view func(u *App) app.Composer
	// widget names the embeddable widget that shows this page's content,
	// served at /embed/<widget> by embed; "" when the page has none.
	widget string
	embed  func(u *App, p widget.Params) app.Composer
}

// table is the route table, in navigation order.
func table() []entry {
	return []entry{
		{
			path: ArticlePath, nav: "Article",
			data: func(u *App, base string) any {
				return articleData(u.site.Article, base, u.site.Review(u.now()) == site.Current)
			},
			view:   func(u *App) app.Composer { return &ArticlePage{ui: u} },
			widget: widget.Article,
			embed:  func(u *App, p widget.Params) app.Composer { return &EmbedArticle{ui: u, Section: p.Section} },
		},
		{
			path: FAQPath, nav: "FAQ",
			title:       "Psychodynamic Therapy: Frequently Asked Questions",
			description: "Plain answers to the questions people ask before starting psychodynamic therapy: sessions, CBT, medication, telehealth in Georgia and California, evidence and cost.",
			data:        func(u *App, base string) any { return faqData(u.site.FAQ, u.site.Article.FAQHeading, base) },
			view:        func(u *App) app.Composer { return &FAQPage{ui: u} },
			widget:      widget.FAQ,
			embed:       func(u *App, _ widget.Params) app.Composer { return &FAQPage{ui: u, Embedded: true} },
		},
		{
			path: FitPath, nav: "Is it right for me?",
			title:       "Is Psychodynamic Therapy Right for Me? A Private Self-Reflection",
			description: "A short, private self-reflection on whether psychodynamic therapy suits what you are looking for. Not a diagnosis; your answers stay on your device.",
			view:        func(u *App) app.Composer { return &FitPage{ui: u} },
			widget:      widget.Fit,
			embed: func(u *App, p widget.Params) app.Composer {
				return &FitPage{ui: u, Embedded: true, ShareResult: p.ShareResult}
			},
		},
		{
			path:        GlossaryPath,
			title:       "Glossary: Words Used in Psychodynamic Therapy, in Plain Words",
			description: "Plain definitions of the words the article and the FAQ use: unconscious, insight, therapeutic relationship, CBT, psychiatrist and more.",
			view:        func(u *App) app.Composer { return &GlossaryPage{ui: u} },
		},
		{
			path:        SourcesPath,
			title:       "Sources: the Studies, Guidelines and Laws This Site Cites",
			description: "Every study, guideline and law the FAQ, the comparison with CBT and the questionnaire cite, in full, with a link to each.",
			view:        func(u *App) app.Composer { return &SourcesPage{ui: u} },
		},
		{
			path:        EmbedDocsPath,
			title:       "Embed the explainer on your site",
			description: "Show the article, the FAQ or the fit questionnaire on your own site: one snippet, an iframe that sizes itself; a reader’s answers are never shared.",
			view:        func(u *App) app.Composer { return &EmbedDocs{ui: u} },
		},
	}
}

// LinkTargets lists the full pages of the site, the paths content files
// may link to (embedded widgets are for other sites).
func LinkTargets() []string {
	var out []string
	for _, p := range table() {
		out = append(out, p.path)
	}
	return out
}

// Route is one address of the site, derived from the route table: a full
// page, or the embeddable widget that stands for one.
type Route struct {
	Path        string
	Title       string // the document title
	Description string
	Nav         string // label in the site's navigation, or ""
	// Widget is the widget an embed route shows, or "" for a full page.
	Widget string
	// Page is the full page this route shows: its own path, or for an
	// embed the page it stands for.
	Page string
	// Embed is the path of the full page's embeddable counterpart, or "".
	Embed string
	// New makes the route's component, as go-app's router wants it.
	New func() app.Composer

	data    func(baseURL string) any
	variant func(widget.Params) app.Composer
}

// StructuredData is the route's schema.org JSON-LD, or nil. baseURL is the
// site's public URL, "" when unknown.
func (r Route) StructuredData(baseURL string) any {
	if r.data == nil {
		return nil
	}
	return r.data(baseURL)
}

// Variant is an embed route's component for validated query parameters;
// for a full page, the page itself.
func (r Route) Variant(p widget.Params) app.Composer {
	if r.variant == nil {
		return r.New()
	}
	return r.variant(p)
}

// embedPrefix is where the embeddable widgets live: /embed/<widget>.
const embedPrefix = "/embed/"

// embedPath is the path of the embeddable widget named w.
func embedPath(w string) string { return embedPrefix + w }

// Routes lists every route: the full pages in navigation order, then their
// embeddable counterparts in the same order. The browser's router, the
// server's prerender, the sitemap and the offline cache all read it.
func (u *App) Routes() []Route {
	var full, embeds []Route
	for _, p := range table() {
		r := Route{Path: p.path, Page: p.path, Nav: p.nav, New: func() app.Composer { return p.view(u) }}
		r.Title, r.Description = u.meta(p)
		if p.data != nil {
			r.data = func(base string) any { return p.data(u, base) }
		}
		if p.widget != "" {
			r.Embed = embedPath(p.widget)
			variant := func(q widget.Params) app.Composer { return p.embed(u, q) }
			embeds = append(embeds, Route{
				Path: r.Embed, Page: p.path, Widget: p.widget,
				Title:       strings.TrimSuffix(r.Title, " · "+SiteName) + " (embedded)",
				Description: r.Description,
				New:         func() app.Composer { return variant(widget.Params{}) },
				variant:     variant,
			})
		}
		full = append(full, r)
	}
	return append(full, embeds...)
}

func (u *App) meta(p entry) (title, description string) {
	a := u.site.Article
	title, description = a.Title, a.Description
	if p.title != "" {
		title = p.title + " · " + SiteName
	}
	if p.description != "" {
		description = p.description
	}
	return title, description
}

// Route returns the route at path, or false.
func (u *App) Route(path string) (Route, bool) {
	for _, r := range u.Routes() {
		if r.Path == path {
			return r, true
		}
	}
	return Route{}, false
}

// Meta is a page's title and description, shared by the server's <head>
// and the browser's title updates so both always agree.
type Meta struct {
	Title       string
	Description string
}

// Meta returns the metadata of path; unknown paths get the 404 page's.
func (u *App) Meta(path string) Meta {
	if r, ok := u.Route(path); ok {
		return Meta{Title: r.Title, Description: r.Description}
	}
	return Meta{Title: "Page not found · " + SiteName, Description: u.site.Article.Description}
}

// NotFound makes the page for every path the table does not list.
func (u *App) NotFound() app.Composer { return &NotFound{ui: u} }

// fullPage is the path of the full page that widget name stands for.
func (u *App) fullPage(name string) string {
	for _, r := range u.Routes() {
		if r.Widget == name {
			return r.Page
		}
	}
	return "/"
}
