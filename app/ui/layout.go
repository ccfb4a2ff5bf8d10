package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// page wraps a route's main content in the site's header and footer. The
// skip link comes first so keyboard users can jump past the navigation.
func page(current string, main ...app.UI) app.UI {
	return app.Div().Class("page").Body(
		app.A().Class("skip-link").Href("#main").OnClick(focusTarget("main")).Text("Skip to content"),
		siteHeader(current),
		app.Main().ID("main").Class("layout").TabIndex(-1).Body(main...),
		siteFooter(),
		statusBanners(),
	)
}

type navItem struct{ path, label string }

var navItems = []navItem{
	{"/", "Article"},
	{"/faq", "FAQ"},
	{"/fit", "Is it right for me?"},
}

func siteHeader(current string) app.UI {
	return app.Header().Class("site-header").Body(
		app.Div().Class("site-header-inner").Body(
			app.A().Class("brand").Href("/").Body(
				app.Img().Src("/web/icon.svg").Alt("").Attr("role", "presentation").Width(32).Height(32),
				app.Span().Text(SiteName),
			),
			app.Nav().Class("site-nav").Aria("label", "Site").Body(
				app.Ul().Body(app.Range(navItems).Slice(func(i int) app.UI {
					it := navItems[i]
					a := app.A().Href(it.path).Text(it.label)
					if it.path == current {
						a = a.Aria("current", "page")
					}
					return app.Li().Body(a)
				})),
			),
		),
	)
}

func siteFooter() app.UI {
	return app.Footer().Class("site-footer").Body(
		app.Div().Class("site-footer-inner").Body(
			app.P().Text("This site offers educational information, not medical advice. Reading it does not create a doctor–patient relationship."),
			crisisLine(),
			app.P().Text("Privacy: no tracking, no cookies, no analytics. Nothing you enter here leaves your device."),
			app.P().Body(app.A().Href(GlossaryPath).Text("Glossary: the words used here, in plain words")), // issue 17
			app.P().Body(app.A().Href("/embed").Text("Embed the article, the FAQ or the self-reflection on your own site")),
		),
	)
}

// crisisLine is the crisis signposting shown in the footer and wherever a
// reader reflects on their own situation.
func crisisLine() app.UI {
	return app.P().Class("crisis").Body(
		app.Text("If you are in crisis, "),
		call988(),
		app.Text(" (Suicide & Crisis Lifeline); in an emergency, "),
		call911(),
		app.Text("."),
	)
}

// call988 offers the 988 Lifeline both ways it answers: a phone call and a
// text message. Each link names its number, so it makes sense on its own.
func call988() app.UI {
	return app.Span().Class("crisis-988").Body(
		app.A().Href("tel:988").Text("call 988"),
		app.Text(" or "),
		app.A().Href("sms:988").Text("text 988"),
	)
}

func call911() app.UI { return app.A().Href("tel:911").Text("call 911") }

// focusTarget moves keyboard focus to the element with id, as the browser
// does for an in-page link. go-app's router takes every link click and only
// scrolls, which would leave the next Tab starting from the link (after
// "Skip to content", back in the header). The target gets tabindex -1 so it
// can take focus without joining the Tab order.
func focusTarget(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		el := app.Window().GetElementByID(id)
		if !el.Truthy() {
			return
		}
		if !el.Call("hasAttribute", "tabindex").Bool() {
			el.Call("setAttribute", "tabindex", "-1")
		}
		el.Call("focus", map[string]any{"preventScroll": true})
		el.Call("scrollIntoView")
	}
}
