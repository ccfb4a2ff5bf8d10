package ui

import (
	"explainer/app/contract"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// go-app rebuilds the body from the components when the app starts, so what
// a reader did on the prerendered page (scrolled, opened an answer, ticked
// a radio button, typed a search) would be lost. This file owns that
// state: App.Start reads it from the page, and components read App.pre when
// they mount and carry it over. Nothing can change it in between: from
// App.Start to the mounted page, Go does not give the browser a turn
// (go-app's first navigation mounts synchronously). web/boot.js keeps what
// the page cannot hold itself: presses on buttons that need the app, and
// the focus, which it puts back in the same turn as the mount (Go could
// only do it a frame later, and keys typed meanwhile would be lost). It
// also puts back to the server's default the ticks a browser restored from
// an earlier visit, so that what is read here is the reader's.

// preMount is what the prerendered page held when the app started.
type preMount struct {
	scroll     float64           // window.scrollY
	hash       string            // location.hash, e.g. "#vs-cbt"
	openIDs    []string          // ids of open <details> elements
	checked    map[string]string // radio and checkbox inputs that were checked: name → value
	values     map[string]string // text typed into inputs: id → value
	static     map[string]string // static blocks by key: their outerHTML (see staticBlock)
	hashHidden bool
}

// rememberPrerenderState records the prerendered page's state in the
// browser. The URL fragment is hidden from go-app's first navigation (and
// put back on mount) so that it does not jump back to a section the reader
// has already scrolled past.
func (u *App) rememberPrerenderState() {
	if !app.IsClient {
		return
	}
	w := app.Window()
	doc := w.Get("document")
	pre := &u.pre
	pre.scroll = w.Get("scrollY").Float()
	loc := w.Get("location")
	if h := loc.Get("hash").String(); h != "" {
		pre.hash = h
		pre.hashHidden = true
		w.Get("history").Call("replaceState", nil, "", loc.Get("pathname").String()+loc.Get("search").String())
	}
	open := doc.Call("querySelectorAll", "details[open][id]")
	for i := 0; i < open.Length(); i++ {
		pre.openIDs = append(pre.openIDs, open.Index(i).Get("id").String())
	}
	checked := doc.Call("querySelectorAll", "input:checked")
	for i := 0; i < checked.Length(); i++ {
		in := checked.Index(i)
		pre.checked[in.Get("name").String()] = in.Get("value").String()
	}
	typed := doc.Call("querySelectorAll", "input[id]:not([type=radio]):not([type=checkbox])")
	pre.values = map[string]string{}
	for i := 0; i < typed.Length(); i++ {
		if in := typed.Index(i); in.Get("value").String() != "" {
			pre.values[in.Get("id").String()] = in.Get("value").String()
		}
	}
	blocks := doc.Call("querySelectorAll", "["+staticAttr+"]")
	pre.static = make(map[string]string, blocks.Length())
	for i := 0; i < blocks.Length(); i++ {
		el := blocks.Index(i)
		pre.static[el.Call("getAttribute", staticAttr).String()] = el.Get("outerHTML").String()
	}
}

// mounted runs when a page component has mounted in the browser. It puts
// the fragment back into the URL, restores the scroll position,
// removes the loading pill and marks the document ready (tests and the
// benchmark wait for data-app="ready"). go-app calls OnMount before the
// page's first update in the browser; the mark waits until after it, with
// the work the page deferred in the same frame, so that "ready" means the
// page answers input (a tick made between the two could be undone).
func (u *App) mounted(ctx app.Context) {
	if u.started {
		return
	}
	u.started = true
	doc := app.Window().Get("document")
	if u.pre.hashHidden {
		app.Window().Get("history").Call("replaceState", nil, "", u.pre.hash)
	}
	y := u.pre.scroll
	ctx.Defer(func(app.Context) {
		doc.Get("documentElement").Call("setAttribute", contract.AttrApp, contract.AppReady)
		// The loading pill the server wrote (see the server's page shell).
		if pill := doc.Call("getElementById", "wasm-status"); pill.Truthy() {
			pill.Call("remove")
		}
		if y > 0 {
			app.Window().Call("scrollTo", 0, y)
		}
	})
}
