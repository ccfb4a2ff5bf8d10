package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/startup"
)

// A staged mount (issue #15). When the app starts, go-app builds the whole
// page and replaces the prerendered one in a single task, which on a slow
// phone holds up any tap or key for close to half a second. So the first
// mount in the browser takes the page's larger regions over as they are:
// each is an empty copy of the region's element (one go-app Raw node) into
// which the prerendered region's own nodes are moved, which costs far less
// than building or even parsing them again. The components then replace
// those copies a few at a time, one task per stage, with a turn of the
// browser's event loop between stages in which it handles input and
// paints. The page looks the same throughout; data-app="ready" waits until
// the last stage.
//
// What the reader does on a copy is not lost: web/boot.js treats a copy
// (marked pendingAttr) as it treats the prerendered page, carrying its
// state and presses over to the component, and a component that takes a
// copy's place reads what it must keep from it (FAQList.adopt; focus,
// restoreFocus).

// stageAttr marks a staged region, on the server and in the browser alike:
// its key, unique to the page it is on, which finds the prerendered region.
const stageAttr = "data-stage"

// pendingAttr marks a copy that a component has yet to replace.
const pendingAttr = "data-staged"

// stager is the state of the first mount's stages.
type stager struct {
	capturing bool                 // the first page is rendering: regions may still be copied
	level     int                  // stages built so far
	waiting   map[int]bool         // the stages copied regions wait for
	copies    map[string]string    // the copies' HTML by key (their element, empty)
	fill      map[string]app.Value // prerendered regions by key, to move into their copies
	comps     []app.Context        // the components that render staged regions
}

// stageAll is a level past every stage.
const stageAll = 1 << 30

// layoutStage is the stage of the site's header; the tables of contents
// and the footer come in the next. They share their stages with the page's
// own regions: each stage adds a frame's wait before the page is ready.
const layoutStage = 1

// staged is build(), marked with key. During the first mount in the
// browser, until stage n has come, it is a copy of the region the
// prerendered page had under key instead; stage 0 is the first render.
func staged[T interface {
	app.UI
	Attr(string, any) T
}](u *App, n int, key string, build func() T) app.UI {
	s := &u.stage
	if n > s.level && app.IsClient {
		if html, ok := s.copy(key); ok {
			if s.waiting == nil {
				s.waiting = map[int]bool{}
			}
			s.waiting[n] = true
			return app.Raw(html)
		}
	}
	return build().Attr(stageAttr, key)
}

// copy is the HTML of the prerendered region key's element, without its
// contents and marked pending. It is kept: later renders must give go-app
// the same HTML, or it would replace the copy with another.
func (s *stager) copy(key string) (string, bool) {
	if html, ok := s.copies[key]; ok {
		return html, true
	}
	if !s.capturing {
		return "", false
	}
	el := app.Window().Get("document").Call("querySelector", "["+stageAttr+`="`+key+`"]`)
	if !el.Truthy() {
		return "", false
	}
	shell := el.Call("cloneNode", false)
	shell.Call("setAttribute", pendingAttr, "")
	html := shell.Get("outerHTML").String()
	if s.copies == nil {
		s.copies, s.fill = map[string]string{}, map[string]app.Value{}
	}
	s.copies[key], s.fill[key] = html, el
	return html, true
}

// fillCopies moves each prerendered region's nodes into its copy, with the
// state the reader left them in. It runs as the first page's OnMount does,
// in the task that mounted it, so the browser never shows a copy empty.
func (s *stager) fillCopies() {
	doc := app.Window().Get("document")
	for key, from := range s.fill {
		to := doc.Call("querySelector", "["+pendingAttr+"]["+stageAttr+`="`+key+`"]`)
		if !to.Truthy() {
			continue
		}
		for c := from.Get("firstChild"); c.Truthy(); c = from.Get("firstChild") {
			to.Call("appendChild", c)
		}
	}
	s.fill = nil
}

// stageOnMount has the mounting component re-rendered at each stage.
func (u *App) stageOnMount(ctx app.Context) {
	if u.stage.level < stageAll {
		u.stage.comps = append(u.stage.comps, ctx)
	}
}

// startStages builds the stages after the first mount, each in a task of
// its own, then calls done. page is the page component's context.
func (u *App) startStages(page app.Context, done func()) {
	s := &u.stage
	if len(s.waiting) == 0 {
		s.level = stageAll
		page.Defer(func(app.Context) { done() })
		return
	}
	var next func(ctx app.Context)
	next = func(ctx app.Context) {
		// The next stage a copy waits for.
		n := stageAll
		for w := range s.waiting {
			if w > s.level {
				n = min(n, w)
			}
		}
		s.level = n
		if n == stageAll {
			s.comps, s.copies, s.waiting = nil, nil, nil
			done()
			return
		}
		focused := pendingFocus()
		for _, c := range s.comps {
			c.Update()
		}
		// After this stage's render: give the browser a turn, then the next.
		ctx.Defer(func(ctx app.Context) {
			restoreFocus(focused)
			ctx.Async(func() {
				startup.Yield()
				ctx.Dispatch(next)
			})
		})
	}
	page.Async(func() {
		startup.Yield()
		page.Dispatch(next)
	})
}

// pendingFocus is the id of the focused element if it is in a copy that a
// stage may replace.
func pendingFocus() string {
	a := app.Window().Get("document").Get("activeElement")
	if !a.Truthy() || !a.Call("closest", "["+pendingAttr+"]").Truthy() {
		return ""
	}
	return a.Get("id").String()
}

// restoreFocus gives the focus back to the element with id when replacing
// the copy it was in left nothing focused.
func restoreFocus(id string) {
	if id == "" {
		return
	}
	doc := app.Window().Get("document")
	if a := doc.Get("activeElement"); a.Truthy() && !a.Equal(doc.Get("body")) {
		return
	}
	if el := doc.Call("getElementById", id); el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": true})
	}
}
