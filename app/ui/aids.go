package ui

// Reading aids: the "In short" key points beside each article
// section, their show/hide switch, and glossary terms explained where they
// are first used. The content comes from package aids via site.Site.Aids.

import (
	"explainer/app/aids"
	"explainer/app/contract"
	"explainer/app/markdown"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// inShortKey is the localStorage key holding "hidden" when the reader
// turned the key points off. web/boot.js reads and writes the same key
// before the app has started.
const inShortKey = contract.KeyInShort

// articleProse is the article's text, section by section: heading, the
// site's "In short" box (outside Dr. Kaiser's paragraphs, labelled as the
// site's), her blocks with the first use of each glossary term marked, and
// the definitions of the terms that section marked.
func (u *App) articleProse() app.HTMLDiv {
	a := u.site.Article
	m := aids.NewMarker(u.site.Aids.Glossary)
	doc := a.Doc.WithTextHook(termHook(m, "gd-"))
	var out []app.UI
	for _, s := range a.Doc.Sections() {
		h, blocks := doc.SectionParts(s)
		if h != nil {
			out = append(out, h, inShortBox(s.Heading.ID, u.site.Aids.InShort[s.Heading.ID]))
		}
		out = append(out, blocks...)
		out = append(out, termDefinitions(m.Take(), "gd-")...)
		out = append(out, u.comparisonAfter(s.Heading.ID)) // comparison.go
	}
	return app.Div().Class("prose").Body(out...)
}

// inShortBox is one section's key points.
func inShortBox(section string, points []string) app.UI {
	if len(points) == 0 {
		return nil
	}
	id := "in-short-" + section
	items := make([]app.UI, len(points))
	for i, p := range points {
		items[i] = app.Li().Text(p)
	}
	return app.Div().Class("in-short").Attr("role", "note").Aria("labelledby", id).Body(
		app.P().Class("in-short-label").ID(id).Body(
			app.Strong().Text("In short"),
			app.Span().Class("in-short-by").Text(" · a summary by this site, not Dr. Kaiser’s words"),
		),
		app.Ul().Body(items...),
	)
}

// InShortSwitch shows or hides every "In short" box on the page. It is a
// real checkbox: CSS hides the boxes while it is unchecked (web/aids.css),
// so it works before the app has started, and web/boot.js remembers the
// choice on the device. After mount the app reads the same choice.
type InShortSwitch struct {
	app.Compo
	hidden bool
}

// OnInit reads the reader's choice; the server renders the default (shown).
func (s *InShortSwitch) OnInit() { s.hidden = localGet(inShortKey) == "hidden" }

// Render builds the switch. Checked is set only when true (go-app writes
// checked="false", which HTML reads as checked).
func (s *InShortSwitch) Render() app.UI {
	box := app.Input().Type("checkbox").ID("in-short-toggle").Class("in-short-toggle").OnChange(s.onChange)
	if !s.hidden {
		box = box.Checked(true)
	}
	return app.Div().Class("in-short-switch").Body(
		box,
		app.Label().For("in-short-toggle").Text("Show “In short” summaries"),
	)
}

func (s *InShortSwitch) onChange(ctx app.Context, e app.Event) {
	s.hidden = !ctx.JSSrc().Get("checked").Bool()
	if s.hidden {
		localSet(inShortKey, "hidden")
	} else {
		localSet(inShortKey, "shown")
	}
}

// termHook marks the first use of each glossary term as a button that
// opens its definition (a popover: keyboard reachable, announced as
// expanded or collapsed, closed with Escape, working without the app).
func termHook(m *aids.Marker, prefix string) markdown.TextHook {
	return func(s string) []app.UI {
		pieces := m.Split(s)
		if pieces == nil {
			return nil
		}
		out := make([]app.UI, len(pieces))
		for i, p := range pieces {
			if p.Term == nil {
				out[i] = app.Text(p.Text)
				continue
			}
			out[i] = app.Button().Type("button").Class("term").
				Attr("popovertarget", prefix+p.Term.ID).Text(p.Text)
		}
		return out
	}
}

// termDefinitions are the popovers of terms, placed after the section's
// blocks (a popover may not sit inside a paragraph). Each names the term,
// defines it and links to its entry on /glossary.
func termDefinitions(terms []*aids.Term, prefix string) []app.UI {
	out := make([]app.UI, len(terms))
	for i, t := range terms {
		id := prefix + t.ID
		out[i] = app.Div().ID(id).Class("term-def").Attr("popover", "auto").
			Attr("role", "dialog").Aria("labelledby", id+"-name").Body(
			app.P().Body(
				app.Dfn().ID(id+"-name").Text(t.Name),
				app.Text(": "+t.Definition),
			),
			app.Div().Class("term-def-actions").Body(
				app.A().Href(GlossaryPath+"#"+t.ID).Text("“"+t.Name+"” in the glossary"),
				app.Button().Type("button").Class("secondary").Attr("popovertarget", id).
					Attr("popovertargetaction", "hide").Text("Close"),
			),
		)
	}
	return out
}

// localStorage can be missing or throw (storage disabled, some private
// modes); the switch then still works for the page, it only forgets.
func localGet(key string) (v string) {
	if !app.IsClient {
		return ""
	}
	defer func() {
		if recover() != nil {
			v = ""
		}
	}()
	if r := app.Window().Get("localStorage").Call("getItem", key); r.Type() == app.TypeString {
		return r.String()
	}
	return ""
}

func localSet(key, v string) {
	if !app.IsClient {
		return
	}
	defer func() { recover() }()
	app.Window().Get("localStorage").Call("setItem", key, v)
}
