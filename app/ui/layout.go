package ui

import (
	"explainer/app/contract"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// page wraps a route's main content in the site's header and footer. The
// skip link comes first so keyboard users can jump past the navigation.
func (u *App) page(current string, main ...app.UI) app.UI {
	return app.Div().Class("page").Body(
		app.A().Class("skip-link").Href("#main").OnClick(focusTarget("main")).Text("Skip to content"),
		u.siteHeader(current),
		app.Main().ID("main").Class("layout").TabIndex(-1).Body(main...),
		u.siteFooter(),
		statusBanners(),
	)
}

// brandMark is the site's icon (web/icon.svg, drawn by app/tools/icons) inline in
// the header, decorative. An <img src="/web/icon.svg"> was fetched again
// whenever go-app created the element anew: when the app mounts, go-app
// rebuilds the body ("Mount rebuilds the body" in app/server/README.md),
// so a reader who had started the
// questionnaire on the prerendered page saw a request while answering.
// Inline markup is never fetched, and go-app keeps a Raw node whose HTML
// has not changed. The browser test counting requests while answering,
// across the mount, guards it; a unit test keeps it the same drawing.
const brandMark = `<svg class="brand-mark" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="32" height="32" aria-hidden="true">` +
	`<rect x="0" y="0" width="512" height="512" rx="112.64" fill="#2f5d62"/>` +
	`<circle cx="192" cy="256" r="104.96" fill="#fbf8f3"/>` +
	`<circle cx="320" cy="256" r="104.96" fill="#e9dcc9"/>` +
	`<path d="M256 172.81A104.96 104.96 0 0 1 256 339.19A104.96 104.96 0 0 1 256 172.81Z" fill="#2f5d62"/>` +
	`<path d="M256 182.06A97.79 97.79 0 0 1 256 329.94A97.79 97.79 0 0 1 256 182.06Z" fill="#b86b4b"/>` +
	`</svg>`

func (u *App) siteHeader(current string) app.UI {
	var nav []app.UI
	for _, r := range u.Routes() {
		if r.Nav == "" {
			continue
		}
		a := app.A().Href(r.Path).Text(r.Nav)
		if r.Path == current {
			a = a.Aria("current", "page")
		}
		nav = append(nav, app.Li().Body(a))
	}
	return app.Header().Class("site-header").Body(
		app.Div().Class("site-header-inner").Body(
			app.A().Class("brand").Href(ArticlePath).Body(
				app.Raw(brandMark),
				app.Span().Text(SiteName),
			),
			app.Nav().Class("site-nav").Aria("label", "Site").Body(
				app.Ul().Body(nav...),
			),
		),
	)
}

func (u *App) siteFooter() app.UI {
	return app.Footer().Class("site-footer").Body(
		app.Div().Class("site-footer-inner").Body(
			app.P().Text("This site offers educational information, not medical advice. Reading it does not create a doctor–patient relationship."),
			u.safetyLine(""),
			u.reviewLine(),
			app.P().Text("Privacy: no tracking, no cookies, no analytics. Nothing you enter here leaves your device."),
			lightMode(),
			app.P().Body(app.A().Href(GlossaryPath).Text("Glossary: the words used here, in plain words")),
			app.P().Body(app.A().Href(SourcesPath).Text("Sources: the studies, guidelines and laws this site cites")),
			app.P().Body(app.A().Href(EmbedDocsPath).Text("Embed the article, the FAQ or the self-reflection on your own site")),
		),
	)
}

// lightMode is shown only when the reader's browser asks to save data
// (CSS: html[data-light], set by boot.js): interactive parts load when they
// are used, and the whole site can still be kept for offline use.
func lightMode() app.UI {
	return app.P().Class("light-mode").Body(
		app.Text("Light mode, to save data: interactive parts load only when you use them. "),
		app.Button().Type("button").Class("secondary light-keep").Attr(contract.AttrKeepOffline, "true").Text("Keep for offline use"),
		app.Span().Class("light-kept").Attr("role", "status"),
	)
}

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
