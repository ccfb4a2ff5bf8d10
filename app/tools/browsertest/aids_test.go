//go:build !js

package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The "In short" switch hides every key-point box before any script has
// arrived (CSS on a real checkbox), and the choice survives a reload from
// the first paint, with every script still held back (the page's inline
// script reads it), and the app's mount.
func TestInShortSwitchWorksBeforeTheAppAndIsRemembered(t *testing.T) {
	t.Parallel()
	s := startSite(t, holdingScripts())
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	const shown = `[...document.querySelectorAll(".in-short")].filter(e => e.getClientRects().length > 0).length`
	if n := eval[int](b, shown); n != 8 {
		t.Fatalf("%d In short boxes shown before the app, want 8", n)
	}
	b.tap(`label[for="in-short-toggle"]`)
	if n := eval[int](b, shown); n != 0 {
		t.Errorf("%d In short boxes still shown after unticking the switch before the app", n)
	}
	// boot.js has not arrived to remember the choice; the page's own script
	// does, as the app and boot.js would.
	eval[bool](b, `localStorage.setItem("explainer.in-short", "hidden"), true`)
	b.run(reload())
	if n := eval[int](b, shown); n != 0 || eval[bool](b, `document.getElementById("in-short-toggle").checked`) {
		t.Errorf("%d In short boxes shown after a reload with every script held back, want the choice remembered, the switch off", n)
	}
	if eval[bool](b, `!!window.explainerBoot`) {
		t.Fatal("boot.js ran although the test holds every script back: the check above proves nothing")
	}
	s.release()
	b.waitApp()
	b.run(sleep(200))
	if eval[bool](b, `document.getElementById("in-short-toggle").checked`) || eval[int](b, shown) != 0 {
		t.Error("the app's mount brought the key points back")
	}
	b.run(clickJS(`label[for="in-short-toggle"]`))
	if n := eval[int](b, shown); n != 8 || eval[string](b, `localStorage.getItem("explainer.in-short")`) != "shown" {
		t.Errorf("after mount the switch shows %d boxes and stores %q", n, eval[string](b, `localStorage.getItem("explainer.in-short")`))
	}
}

// A glossary term opens its definition from the keyboard before the app
// has started, Escape closes it, and at 320 px the definition never covers
// the term's line.
func TestGlossaryTermOpensByKeyboardClosesWithEscapeAndLeavesTheLineVisible(t *testing.T) {
	t.Parallel()
	s := startSite(t, holdingWasm())
	b := newBrowser(t, 320, 640)
	b.open(s.URL + "/")
	for _, id := range []string{"gd-cbt", "gd-unconscious", "gd-telehealth"} {
		sel := `button.term[popovertarget="` + id + `"]`
		// Put the term near the bottom of the screen, where a bottom sheet would cover it.
		eval[bool](b, `(() => { const r = document.querySelector('`+sel+`').getBoundingClientRect(); window.scrollBy({top: r.top - innerHeight * 0.8, behavior: "instant"}); document.querySelector('`+sel+`').focus(); return true; })()`)
		b.run(chromedp.KeyEvent(kb.Enter))
		b.waitFor(id+" to open", `document.getElementById("`+id+`").matches(":popover-open")`)
		if !eval[bool](b, `(() => { const t = document.querySelector('`+sel+`').getBoundingClientRect(), p = document.getElementById("`+id+`").getBoundingClientRect(); return t.bottom <= p.top || t.top >= p.bottom; })()`) {
			t.Errorf("%s: the definition covers its term at 320 px: %s", id, eval[string](b, `JSON.stringify([document.querySelector('`+sel+`').getBoundingClientRect(), document.getElementById("`+id+`").getBoundingClientRect(), document.getElementById("`+id+`").className])`))
		}
		if eval[string](b, `document.querySelector('`+sel+`').getAttribute("aria-expanded") ?? getComputedStyle(document.getElementById("`+id+`")).display`) == "none" {
			t.Errorf("%s: the definition is not displayed", id)
		}
		b.run(chromedp.KeyEvent(kb.Escape))
		b.waitFor(id+" to close with Escape", `!document.getElementById("`+id+`").matches(":popover-open")`)
	}
	s.release()
	b.waitApp()
	b.run(clickJS(`button.term[popovertarget="gd-insight"]`))
	b.waitFor("a definition to open after mount", `document.getElementById("gd-insight").matches(":popover-open")`)
}
