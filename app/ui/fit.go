package ui

import (
	"strconv"

	"explainer/app/fit"
	"explainer/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// FitPage is the fit questionnaire on its own route: one statement per
// step, a review of the answers, then the result. Answers never leave the
// device; they are kept in sessionStorage (fit_store.go) so that a reload
// resumes where the reader was.
//
// The server prerenders the zero value: the introduction and the first
// statement, with a note that the page is getting ready. The browser's first
// render is the same, so nothing moves when the app mounts; OnMount then
// carries over anything ticked before mount and resumes a stored session.
type FitPage struct {
	app.Compo
	ui *App

	// Embedded shows the questionnaire as a widget (/embed/fit): without
	// the site's header and footer, in the embed frame.
	Embedded bool
	// ShareResult is the host page's opt-in (widget.Params.ShareResult) to
	// be told the result band. Only then does the result carry data-band
	// for web/embed-frame.js, and the reader is told so before the result.
	ShareResult bool

	answers    fit.Answers // statement id → answer; missing ids are unanswered
	step       int         // 0..n-1 a statement, n the review, n+1 the result
	ready      bool        // mounted in the browser: the buttons work
	fromReview bool        // editing one answer from the review: Next returns there
	status     string      // text of the polite live region
	origin     string      // the site's address, printed under the summary
	// page is the context OnMount received. Its source is the component
	// itself, which stays mounted across steps, unlike the button that was
	// clicked: go-app skips work deferred from an element that a step
	// change has removed, such as moving the focus.
	page app.Context
}

// OnMount marks the app as started, resumes the stored session and carries
// over answers ticked on the prerendered page.
func (p *FitPage) OnMount(ctx app.Context) {
	p.ui.mounted(ctx)
	p.page = ctx
	p.readParams(ctx)
	d := p.ui.site.Fit
	st := loadFitState(d, storageGet(fitKey), storageGet(fitStepKey))
	st, ticked := st.withPreMount(d, p.ui.pre.checked)
	// Pre-mount ticks belong to this mount only: a later in-app visit to
	// /fit must not replay them over newer answers.
	for _, s := range d.Statements {
		delete(p.ui.pre.checked, s.ID)
	}
	p.answers, p.step, p.ready = st.answers, st.step, true
	p.origin = app.Window().Get("location").Get("origin").String()
	if ticked {
		p.save()
	}
	ctx.Defer(func(app.Context) { p.syncRadios() })
}

// OnNav keeps the document title right after in-app navigation.
func (p *FitPage) OnNav(ctx app.Context) {
	p.ui.setMeta(ctx, p.path())
	p.readParams(ctx)
}

// readParams takes the widget's validated opt-in from the URL, as the
// server did for the prerendered page. The full page never shares.
func (p *FitPage) readParams(ctx app.Context) {
	p.ShareResult = p.Embedded && p.ui.embedParams(ctx, widget.Fit).ShareResult
}

// sharing reports whether the host page is told the result band.
func (p *FitPage) sharing() bool { return p.Embedded && p.ShareResult }

// fitShareNotice tells the reader of an embedded questionnaire, at the
// start, before the result and above it, exactly what the website showing
// it learns (web/embed-frame.js sends it): the box's height, so that it
// fits, and that the reader reached a result; the result band only when
// that site has opted in; never the answers. The full site says nothing:
// no other site is involved there.
func (p *FitPage) fitShareNotice(before bool) app.UI {
	if !p.Embedded {
		return nil
	}
	if !p.sharing() {
		return app.P().Class("fit-host-notice").Text("The website showing this questionnaire learns the height of this box, so that it fits, " +
			"and that you reached a result. It is never told your answers or your result.")
	}
	text := "Please note: the website showing this questionnaire will be told which result you get when you finish. " +
		"It also learns the height of this box, so that it fits. It is never told your answers."
	if !before {
		text = "The website showing this questionnaire is told which result you got, and the height of this box. It is never told your answers."
	}
	return app.P().Class("fit-share-notice").Text(text)
}

func (p *FitPage) path() string {
	if p.Embedded {
		return embedPath(widget.Fit)
	}
	return FitPath
}

// Render builds the page.
func (p *FitPage) Render() app.UI {
	n := len(p.ui.site.Fit.Statements)
	var body app.UI
	switch {
	case p.step < n:
		body = p.renderStatement(p.step)
	case p.step == n:
		body = p.renderReview()
	default:
		body = p.renderResult()
	}
	frame := func(body ...app.UI) app.UI { return p.ui.page(FitPath, body...) }
	if p.Embedded {
		frame = func(body ...app.UI) app.UI { return p.ui.embedPage(widget.Fit, body...) }
	}
	return frame(
		app.Div().ID("fit").Class("fit").Body(
			app.H1().ID("fit-title").Class("fit-title").Text(p.ui.site.Fit.Title),
			body,
			// One live region for the whole questionnaire, present from the
			// prerender on, so that screen readers are already listening
			// when its text first changes.
			app.P().ID("fit-status").Class("visually-hidden").Attr("role", "status").Text(p.status),
		),
		p.ui.fitHow(),
	)
}

// fitInvitation invites the reader, at the end of the article, to the
// questionnaire.
func (u *App) fitInvitation() app.UI {
	n := strconv.Itoa(len(u.site.Fit.Statements))
	return app.Aside().Class("callout fit-invitation").Aria("labelledby", "fit-invitation-title").Body(
		app.H2().ID("fit-invitation-title").Text("Wondering if this therapy is right for you?"),
		app.P().Text("Take a short, private self-reflection: "+n+" statements, about three minutes. "+
			"It can help you think about what you want from therapy. Your answers stay on your device."),
		app.A().Class("button").Href(FitPath).Text("Start the self-reflection"),
	)
}

// fitSafety is the reminder shown on every step; the result leads with
// the safety line instead (fitResultSafety) and ends with the disclaimer.
func (u *App) fitSafety() app.UI {
	return app.Div().Class("fit-safety").Body(fitDisclaimer(), u.safetyLine(""))
}

func fitDisclaimer() app.UI {
	return app.P().Class("fit-disclaimer").Text("This is a reflection tool, not a diagnosis or medical advice.")
}

// sectionTitle is the heading text of the article section id, for link text.
func (u *App) sectionTitle(id string) string {
	for _, h := range u.site.Article.Doc.Headings() {
		if h.ID == id {
			return h.Text
		}
	}
	return "the article"
}

// readMore links to a section of the article, where the app's router takes
// the reader (and back, with the browser's Back button).
func (u *App) readMore(section string) app.UI {
	return app.P().Class("fit-read-more").Body(
		app.A().Href(ArticlePath + "#" + section).Text("Read more: " + u.sectionTitle(section)),
	)
}
