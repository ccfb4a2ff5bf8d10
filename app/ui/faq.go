package ui

import (
	"explainer/app/contract"
	"strings"
	"time"

	"explainer/app/faq"
	"explainer/app/site"
	"explainer/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// FAQPage is the FAQ on its own route.
type FAQPage struct {
	app.Compo
	ui *App

	// Embedded shows the FAQ as a widget (/embed/faq): without the site's
	// header and footer, in the embed frame.
	Embedded bool
}

// OnMount marks the app as started.
func (p *FAQPage) OnMount(ctx app.Context) { p.ui.mounted(ctx) }

// OnNav keeps the document title right after in-app navigation.
func (p *FAQPage) OnNav(ctx app.Context) {
	if p.Embedded {
		p.ui.setMeta(ctx, embedPath(widget.FAQ))
		return
	}
	p.ui.setMeta(ctx, FAQPath)
}

// Render builds the page: the questions are level-2 headings under the h1.
func (p *FAQPage) Render() app.UI {
	frame := func(body ...app.UI) app.UI { return p.ui.page(FAQPath, body...) }
	if p.Embedded {
		frame = func(body ...app.UI) app.UI { return p.ui.embedPage(widget.FAQ, body...) }
	}
	return frame(
		app.Div().Class("faq-page").Body(
			app.Header().Class("faq-page-header").Body(
				app.H1().ID("faq-title").Text(p.ui.site.Article.FAQHeading),
				app.P().Class("faq-intro").Text("Plain answers to the questions people most often ask before they start. Choose a question to read its answer."),
			),
			&FAQList{ui: p.ui, Path: FAQPath, Level: 2},
		),
	)
}

// faqSection is the FAQ as it appears after the article on the home page,
// where the article's own "Frequently Asked Questions" heading stood. The
// questions are level-3 headings under its h2.
func (u *App) faqSection() app.UI {
	return app.Section().Class("faq-section").Aria("labelledby", "faq-title").Body(
		app.H2().ID("faq-title").Text(u.site.Article.FAQHeading),
		&FAQList{ui: u, Path: ArticlePath, Level: 3},
	)
}

// FAQList is every question as a <details> disclosure, with a search box,
// "Expand all" and "Collapse all". The prerendered list is complete and
// works without the app (details needs no script); the controls work once
// the app has mounted.
//
// Whether an answer is open belongs to the page, not to the component: the
// reader opens and closes answers without the app, and the details "toggle"
// event arrives only after the fact, so a copy of that state in the
// component would race with it (a late event from "Collapse all" undoing a
// quick "Expand all"). The component renders the open attribute once, as
// the first render needs it, and never changes it; the buttons and links
// set the elements' open property directly.
type FAQList struct {
	app.Compo
	ui *App

	Path  string // the page the list is on, "/" or "/faq"; links to a question use it
	Level int    // heading level of the questions: 2 under an h1, 3 under an h2

	initial map[string]bool // answers open at the first render; never changed
	query   string          // the search box's text
	typed   string          // text typed in the box before the app mounted; never changed
	ready   bool            // running in the browser, so the controls work
	skipNav bool            // the first OnNav repeats the load's fragment, already handled
	target  string          // the id the URL pointed to at load, to scroll to on mount
	copied  string          // id whose "Copy link" was just used
	copyMsg string          // what happened, for that id's live region
	copySeq int             // tells a stale "clear the message" timer from the latest
}

// OnInit runs in the browser before the first render. On the page the app
// started on, it carries over what the reader did before the app mounted:
// answers they opened, and the one the URL's fragment names, so the first
// render already shows them open and nothing closes and reopens.
func (l *FAQList) OnInit() {
	l.initial = map[string]bool{}
	if !app.IsClient {
		return
	}
	l.ready = true
	root := app.Window().Get("document").Get("documentElement")
	if root.Call("getAttribute", contract.AttrApp).String() == contract.AppReady {
		return // an in-app navigation: PreMount describes another page
	}
	l.skipNav = true
	for _, id := range l.ui.pre.openIDs {
		if l.ui.faqItem(id) != nil {
			l.initial[id] = true
		}
	}
	if id := strings.TrimPrefix(l.ui.pre.hash, "#"); l.ui.faqItem(id) != nil {
		l.initial[id], l.target = true, id
	}
	// Text typed before the app: the new box is made holding it, and the
	// first render answers it.
	l.typed = l.ui.pre.values[searchID]
	l.query = l.typed
	delete(l.ui.pre.values, searchID)
}

// OnMount scrolls to the answer the URL pointed to at load. The browser
// already scrolled there before the app started and l.ui.mounted() restores that
// position, so this only corrects it; if the reader has meanwhile scrolled
// the answer out of view, they are left where they are.
func (l *FAQList) OnMount(ctx app.Context) {
	id := l.target
	if id == "" {
		return
	}
	l.target = ""
	ctx.Defer(func(app.Context) {
		el := app.Window().GetElementByID(id)
		if !el.Truthy() {
			return
		}
		top := el.Call("getBoundingClientRect").Get("top").Float()
		inView := top > -1 && top < app.Window().Get("innerHeight").Float()
		if inView || l.ui.pre.scroll == 0 {
			el.Call("scrollIntoView", map[string]any{"block": "start"})
		}
	})
}

// OnNav opens and shows the answer named by the fragment after in-app
// navigation, to "/faq#id" from another page or to "#id" on this one, and
// moves keyboard focus to its question.
func (l *FAQList) OnNav(ctx app.Context) {
	if l.skipNav {
		l.skipNav = false
		return
	}
	id := ctx.Page().URL().Fragment
	it := l.ui.faqItem(id)
	if it == nil {
		return
	}
	setOpen(id, true)
	if !faq.Match(it.Item, it.Text, l.query) {
		l.emptySearch() // a filtered-out answer would stay hidden
	}
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "start"})
		}
		if s := app.Window().GetElementByID(questionID(id)); s.Truthy() {
			s.Call("focus", map[string]any{"preventScroll": true})
		}
	})
}

func (l *FAQList) onSearch(ctx app.Context, e app.Event) {
	l.query = ctx.JSSrc().Get("value").String()
}

// clearSearch empties the search box and puts the reader back in it.
func (l *FAQList) clearSearch(ctx app.Context, e app.Event) {
	if in := l.emptySearch(); in.Truthy() {
		in.Call("focus")
	}
}

// emptySearch empties the query and the box. The box is emptied by hand:
// go-app removes an empty value attribute rather than setting the value
// property, which would leave the old text in place.
func (l *FAQList) emptySearch() app.Value {
	l.query = ""
	in := app.Window().GetElementByID(searchID)
	if in.Truthy() {
		in.Set("value", "")
	}
	return in
}

// expandAll opens every answer the search shows.
func (l *FAQList) expandAll(ctx app.Context, e app.Event) {
	for _, it := range l.ui.site.FAQ {
		if faq.Match(it.Item, it.Text, l.query) {
			setOpen(it.ID, true)
		}
	}
	ctx.PreventUpdate()
}

func (l *FAQList) collapseAll(ctx app.Context, e app.Event) {
	for _, it := range l.ui.site.FAQ {
		setOpen(it.ID, false)
	}
	ctx.PreventUpdate()
}

// setOpen opens or closes the answer with the given id on the page.
func setOpen(id string, open bool) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Set("open", open)
	}
}

// copyLink copies the address of the question to the clipboard. Where the
// clipboard is unavailable or refused, the address goes into the address
// bar instead (replacing the current history entry, so Back still works).
func (l *FAQList) copyLink(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		w := app.Window()
		// Under a sub-path (a static export), go-app's root prefix leads.
		path := strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/") + l.Path + "#" + id
		link := w.Get("location").Get("origin").String() + path
		fallback := func(ctx app.Context) {
			w.Get("history").Call("replaceState", nil, "", path)
			l.showCopyStatus(ctx, id, "Couldn't copy it: the link is now in your address bar.")
		}
		clip := w.Get("navigator").Get("clipboard")
		if !clip.Truthy() {
			fallback(ctx)
			return
		}
		var ok, fail app.Func
		settle := func(f func(app.Context)) {
			ok.Release()
			fail.Release()
			ctx.Dispatch(f)
		}
		ok = app.FuncOf(func(app.Value, []app.Value) any {
			settle(func(ctx app.Context) { l.showCopyStatus(ctx, id, "Link copied.") })
			return nil
		})
		fail = app.FuncOf(func(app.Value, []app.Value) any {
			settle(fallback)
			return nil
		})
		clip.Call("writeText", link).Call("then", ok, fail)
	}
}

// showCopyStatus shows msg beside the question's "Copy link" button for a
// few seconds; its live region announces it.
func (l *FAQList) showCopyStatus(ctx app.Context, id, msg string) {
	l.copySeq++
	l.copied, l.copyMsg = id, msg
	seq := l.copySeq
	ctx.After(5*time.Second, func(app.Context) {
		if l.copySeq == seq {
			l.copied, l.copyMsg = "", ""
		}
	})
}

// faqItem returns the question with the given id, or nil.
func (u *App) faqItem(id string) *site.FAQ {
	if id == "" {
		return nil
	}
	for i := range u.site.FAQ {
		if u.site.FAQ[i].ID == id {
			return &u.site.FAQ[i]
		}
	}
	return nil
}

// questionID is the id of a question's <summary>, so that focus on it
// survives the app's mount.
func questionID(id string) string { return id + "-question" }
