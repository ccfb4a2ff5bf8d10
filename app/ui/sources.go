package ui

// The /sources page: every work the site cites, in full, each entry with
// a stable id that the citations in the FAQ, the comparison and the
// questionnaire link to.

import (
	"strings"

	"explainer/app/markdown"
	"explainer/app/sources"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// SourcesPage lists the sources.
type SourcesPage struct {
	app.Compo
	ui *App
}

// OnMount marks the app as started.
func (p *SourcesPage) OnMount(ctx app.Context) { p.ui.mounted(ctx) }

// OnNav keeps the document title right after in-app navigation.
func (p *SourcesPage) OnNav(ctx app.Context) { p.ui.setMeta(ctx, SourcesPath) }

// Render builds the page.
func (p *SourcesPage) Render() app.UI {
	list := p.ui.site.Sources
	items := make([]app.UI, len(list))
	for i, s := range list {
		items[i] = sourceEntry(s)
	}
	return p.ui.page(SourcesPath,
		app.Div().Class("sources").Body(
			app.H1().Text("Sources"),
			app.P().Text("The studies, guidelines and laws that this site's questions and answers, its comparison of therapies and its questionnaire cite. "+
				"Each link opens the work itself, or its publisher's page, on another website. This site does not load anything from those sites."),
			app.Ol().Class("source-list").Body(items...),
			app.P().Body(app.A().Href("/faq#evidence").Text("What the research says, in plain words: the FAQ answer on evidence")),
		),
	)
}

// sourceEntry is one work in full: label, who, when, what, where, and the
// link a reader can follow to check it.
func sourceEntry(s *sources.Source) app.UI {
	year := s.Year
	if year == sources.Current {
		year = "as in force now"
	}
	return app.Li().ID(s.ID).Class("source").Body(
		app.P().Class("source-label").Body(app.Strong().Text(s.Label)),
		app.P().Body(
			app.Text(s.Authors+" ("+year+"). "),
			app.Cite().Text(s.Title),
			app.Text(". "+s.In+". "+doi(s.Link)),
			app.A().Href(markdown.AttrSafe(s.Link)).Target("_blank").Rel("noopener noreferrer").Body(
				app.Text(s.Label+" at "+host(s.Link)),
				app.Span().Class("visually-hidden").Text(" (opens another website in a new tab)"),
			),
		),
	)
}

// host is the site a link leads to, without "www.", for the link's text:
// "Shedler 2010 at doi.org" makes sense alone and names where it goes.
func host(l string) string {
	h := strings.TrimPrefix(l, "https://")
	if i := strings.IndexByte(h, '/'); i >= 0 {
		h = h[:i]
	}
	return strings.TrimPrefix(h, "www.")
}

// doi is the DOI written out, "doi:10.1037/a0018378. ", when the link is
// one, since a reference is often looked up by it; "" otherwise.
func doi(l string) string {
	if d, ok := strings.CutPrefix(l, "https://doi.org/"); ok {
		return "doi:" + d + ". "
	}
	return ""
}

// cited renders text with each citation linked to its entry on /sources.
func (u *App) cited(text string) []app.UI {
	pieces := u.site.Cite.Split(text)
	if pieces == nil {
		return []app.UI{app.Text(text)}
	}
	out := make([]app.UI, len(pieces))
	for i, p := range pieces {
		if p.Source == nil {
			out[i] = app.Text(p.Text)
			continue
		}
		out[i] = app.A().Class("cite").Href(SourcesPath + "#" + p.Source.ID).Text(p.Text)
	}
	return out
}

// citeHook links citations in Markdown running text, and hands the text
// between them to next (the glossary's hook), or keeps it as it is.
func (u *App) citeHook(next markdown.TextHook) markdown.TextHook {
	return func(s string) []app.UI {
		pieces := u.site.Cite.Split(s)
		if pieces == nil {
			if next == nil {
				return nil
			}
			return next(s)
		}
		var out []app.UI
		for _, p := range pieces {
			switch {
			case p.Source != nil:
				out = append(out, app.A().Class("cite").Href(SourcesPath+"#"+p.Source.ID).Text(p.Text))
			case next != nil:
				if nodes := next(p.Text); nodes != nil {
					out = append(out, nodes...)
					continue
				}
				out = append(out, app.Text(p.Text))
			default:
				out = append(out, app.Text(p.Text))
			}
		}
		return out
	}
}
