package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// mounted runs when a page component has mounted in the browser. It marks
// the document (tests and the benchmark wait for data-app="ready") and puts
// back the scroll position the reader had on the prerendered page, since
// go-app rebuilds the body when the app starts.
func mounted(ctx app.Context) {
	doc := app.Window().Get("document")
	root := doc.Get("documentElement")
	if root.Call("getAttribute", "data-app").String() == "ready" {
		return
	}
	root.Call("setAttribute", "data-app", "ready")
	if preMountHash != "" {
		app.Window().Get("history").Call("replaceState", nil, "", preMountHash)
	}
	if y := preMountScroll; y > 0 {
		ctx.Defer(func(app.Context) { app.Window().Call("scrollTo", 0, y) })
	}
}

// preMountScroll is the scroll position before the app took over the page;
// preMountHash the URL fragment, hidden from go-app's first navigation so it
// does not jump back to the section when the reader has scrolled on.
var (
	preMountScroll float64
	preMountHash   string
)

// RememberPrerenderState records what the prerendered page holds that a
// reader may have changed before the app mounted. main calls it before
// starting the app.
func RememberPrerenderState() {
	if app.IsClient {
		w := app.Window()
		preMountScroll = w.Get("scrollY").Float()
		loc := w.Get("location")
		if h := loc.Get("hash").String(); h != "" {
			preMountHash = h
			w.Get("history").Call("replaceState", nil, "", loc.Get("pathname").String()+loc.Get("search").String())
		}
	}
}
