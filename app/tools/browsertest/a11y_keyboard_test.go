//go:build !js

package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focusStep is where focus is after one key press.
type focusStep struct {
	Out      bool     `json:"out"`   // focus is on the document itself, outside every control
	Index    int      `json:"index"` // position in the focusable list, -1 if not in it
	Key      string   `json:"key"`   // one key per control; a radio group is one stop
	Desc     string   `json:"desc"`
	Problems []string `json:"problems"`
}

// walkStartJS lists the visible focusable elements in DOM order, records
// how each looks unfocused, and moves the sequential focus starting point to
// the top of the document. It returns one key per tab stop.
const walkStartJS = `(() => {
	const A = window.__a11y;
	const list = A.focusables();
	const keyOf = el => el.type === "radio" && el.name ? "radio:" + el.name : el.tagName === "IFRAME" ? "frame#" + list.indexOf(el) : "#" + list.indexOf(el);
	if (document.activeElement) document.activeElement.blur();
	window.scrollTo({top: 0, behavior: "instant"});
	const looks = new Map(list.map(el => [el, A.look(el)]));
	window.__walk = {list, keyOf, looks};
	const b = document.body;
	b.setAttribute("tabindex", "-1"); b.focus({preventScroll: true}); b.blur(); b.removeAttribute("tabindex");
	const keys = [], descs = [];
	for (const el of list) { const k = keyOf(el); if (!keys.includes(k)) { keys.push(k); descs.push(A.describe(el)); } }
	return {keys, descs};
})()`

// walkStepJS reports the focused element: whether its focus is visible
// (it looks different from its unfocused self, and an outline has 3:1
// contrast with what surrounds it), on screen and not covered.
const walkStepJS = `(() => {
	const A = window.__a11y, W = window.__walk, el = document.activeElement, p = [];
	if (!el || el === document.body || el === document.documentElement) return {out: true, index: -1, key: "", desc: "<body>", problems: []};
	const i = W.list.indexOf(el);
	const desc = A.describe(el);
	if (el.tagName === "IFRAME") return {out: false, index: i, key: i >= 0 ? W.keyOf(el) : "?", desc, problems: p}; // focus is shown inside the frame
	if (i >= 0 && A.look(el) === W.looks.get(el)) p.push("no visible focus: " + desc + " looks the same focused and unfocused");
	const s = getComputedStyle(el);
	if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) {
		const oc = A.srgb(s.outlineColor), bg = A.background(el.parentElement || el);
		if (oc && A.contrast(oc, bg) < 3) p.push("focus outline of " + desc + " has contrast " + A.contrast(oc, bg).toFixed(2) + ":1 with its surroundings, want 3:1");
	}
	const r = el.getBoundingClientRect();
	if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) p.push(desc + " is focused off screen");
	else {
		// WCAG 2.4.11: the focused control must not be entirely hidden by
		// other content such as a fixed banner.
		const pts = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]].map(([fx, fy]) => [
			Math.min(Math.max(r.left + r.width * fx, 0), innerWidth - 1), Math.min(Math.max(r.top + r.height * fy, 0), innerHeight - 1)]);
		const lab = A.label(el);
		const hits = pts.map(([x, y]) => document.elementFromPoint(x, y));
		const mine = h => h && (el.contains(h) || h.contains(el) || (lab && lab.contains(h)));
		if (!hits.some(mine)) p.push(desc + " is focused but entirely covered by " + A.describe(hits[0]));
	}
	return {out: false, index: i, key: i >= 0 ? W.keyOf(el) : "?", desc, problems: p};
})()`

type walkPlan struct {
	Keys  []string `json:"keys"`
	Descs []string `json:"descs"`
}

var (
	tab      = chromedp.KeyEvent(kb.Tab)
	shiftTab = chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))
)

// checkKeyboardEveryState walks the page with the keyboard on each
// viewport in each theme, and follows the skip link (embeds have none).
func checkKeyboardEveryState(t *testing.T, b *browser, embed bool) {
	t.Helper()
	for _, st := range everyState() {
		b.setState(st)
		checkKeyboardWalk(t, b, st.String())
	}
	b.setState(a11yState{theme: "light", width: 412, height: 823})
	if !embed {
		checkSkipLink(t, b)
	}
}

// checkKeyboardWalk presses Tab from the top of the page until focus leaves
// it, then Shift+Tab back to the top. Every visible control must be reached
// once, in DOM order (which the layout keeps in reading order: no positive
// tabindex, no reordering), with a visible focus, and no control may hold
// focus.
func checkKeyboardWalk(t *testing.T, b *browser, state string) {
	t.Helper()
	plan := eval[walkPlan](b, a11yJS+", "+walkStartJS)
	if n := eval[int](b, `document.querySelectorAll("[tabindex]:not([tabindex='-1']):not([tabindex='0'])").length`); n > 0 {
		t.Errorf("%s: %d elements with a positive tabindex change the reading order", state, n)
	}
	max := len(plan.Keys) + 2
	for _, k := range plan.Keys {
		if strings.HasPrefix(k, "frame#") {
			max += 150 // Tab walks through the framed page too
		}
	}
	steps := walk(t, b, tab, max, state, "Tab")
	if steps == nil {
		return
	}
	compareOrder(t, plan, steps, false, state, "Tab")
	if !eval[bool](b, `document.activeElement === null || document.activeElement === document.body`) {
		// Focus wrapped round to the top; step off the page backwards.
		b.run(shiftTab)
	}
	back := walk(t, b, shiftTab, max, state, "Shift+Tab")
	if back == nil {
		return
	}
	compareOrder(t, plan, back, true, state, "Shift+Tab")
}

// walk presses key until focus leaves the page or comes back to where the
// walk started, and reports the stops; nil after a fatal problem.
func walk(t *testing.T, b *browser, key chromedp.Action[chromedp.Void], max int, state, keyName string) []focusStep {
	t.Helper()
	var steps []focusStep
	reported := map[string]bool{}
	for i := 0; i <= max; i++ {
		b.run(key)
		s := eval[focusStep](b, walkStepJS)
		if s.Out || (len(steps) > 0 && s.Key == steps[0].Key) {
			return steps
		}
		// A radio group and a frame hold focus for several presses.
		if len(steps) > 0 && s.Key == steps[len(steps)-1].Key && !strings.HasPrefix(s.Key, "radio:") && !strings.HasPrefix(s.Key, "frame#") {
			t.Errorf("%s: %s does not move focus away from %s: focus is trapped", state, keyName, s.Desc)
			return nil
		}
		for _, p := range s.Problems {
			if !reported[p] {
				reported[p] = true
				t.Errorf("%s, %s: %s", state, keyName, p)
			}
		}
		if s.Index < 0 {
			t.Errorf("%s: %s moved focus to %s, which is not a visible control", state, keyName, s.Desc)
		}
		steps = append(steps, s)
	}
	t.Errorf("%s: focus never left the page after %d presses of %s: focus is trapped (last at %s)", state, max, keyName, steps[len(steps)-1].Desc)
	return nil
}

// compareOrder checks the stops against the controls in DOM order.
func compareOrder(t *testing.T, plan walkPlan, steps []focusStep, reverse bool, state, keyName string) {
	t.Helper()
	want := append([]string{}, plan.Keys...)
	descs := append([]string{}, plan.Descs...)
	if reverse {
		for i, j := 0, len(want)-1; i < j; i, j = i+1, j-1 {
			want[i], want[j] = want[j], want[i]
			descs[i], descs[j] = descs[j], descs[i]
		}
	}
	var got []string
	// Radio groups are one stop; collapse repeated group keys.
	for _, s := range steps {
		if len(got) == 0 || got[len(got)-1] != s.Key {
			got = append(got, s.Key)
		}
	}
	for i := range want {
		if i >= len(got) {
			t.Errorf("%s: %s reached %d of %d controls; next expected %s", state, keyName, len(got), len(want), descs[i])
			return
		}
		if got[i] != want[i] {
			t.Errorf("%s: %s stop %d is %s, want %s (DOM and reading order)", state, keyName, i+1, steps[i].Desc, descs[i])
			return
		}
	}
	if len(got) > len(want) {
		t.Errorf("%s: %s made %d stops for %d controls", state, keyName, len(got), len(want))
	}
}

// checkSkipLink presses Tab, checks the skip link shows, follows it with
// Enter and checks that focus moved to the main content: the next Tab
// lands on the first control inside or after main.
func checkSkipLink(t *testing.T, b *browser) {
	t.Helper()
	eval[walkPlan](b, a11yJS+", "+walkStartJS)
	b.run(tab)
	s := eval[focusStep](b, walkStepJS)
	if !strings.Contains(s.Desc, "skip-link") {
		t.Errorf("the first Tab focuses %s, not the skip link", s.Desc)
		return
	}
	for _, p := range s.Problems {
		t.Errorf("skip link: %s", p)
	}
	b.run(chromedp.KeyEvent(kb.Enter), sleep(150))
	b.run(tab)
	where := eval[string](b, `(() => {
		const a = document.activeElement, m = document.querySelector("main");
		const next = window.__walk.list.find(el => m.contains(el) || (m.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
		const W = window.__walk;
		return a === next || (W.list.includes(a) && W.keyOf(a) === W.keyOf(next)) ? "" : window.__a11y.describe(a) + ", want " + window.__a11y.describe(next);
	})()`)
	if where != "" {
		t.Errorf("after following the skip link, Tab focuses %s: focus did not move to the main content", where)
	}
}

// tabTo presses Tab (at most max times) until the focused element matches
// the JavaScript predicate pred, written over el. It reports whether it did.
func tabTo(b *browser, pred string, max int) bool {
	b.t.Helper()
	check := fmt.Sprintf(`(() => { const el = document.activeElement; if (!el || el === document.body) return false; return !!(%s); })()`, pred)
	for i := 0; ; i++ {
		if eval[bool](b, check) {
			return true
		}
		if i == max {
			return false
		}
		b.run(tab)
	}
}

// TestA11yTableOfContentsMovesFocus follows a table-of-contents link with
// Enter and checks that focus moved to the section: the next Tab lands on
// the first control after its heading, not on the next contents entry.
func TestA11yTableOfContentsMovesFocus(t *testing.T) {
	t.Parallel()
	axeSource(t)
	s := startSite(t)
	b := newBrowser(t, 1280, 900)
	b.open(s.URL + "/")
	b.waitApp()
	eval[walkPlan](b, a11yJS+", "+walkStartJS)
	const id = "taking-the-next-step"
	// The article's controls before the contents: glossary terms, the
	// comparison's citation links, the questionnaire and FAQ links.
	if !tabTo(b, `el.closest(".toc-wide") && el.getAttribute("href") === "#`+id+`"`, 90) {
		t.Fatal("Tab never reaches the table of contents entry #" + id)
	}
	b.run(chromedp.KeyEvent(kb.Enter), sleep(200), tab)
	where := eval[string](b, `(() => {
		const h = document.getElementById("`+id+`"), a = document.activeElement;
		const next = window.__walk.list.find(el => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
		return a === next ? "" : window.__a11y.describe(a) + ", want " + window.__a11y.describe(next);
	})()`)
	if where != "" {
		t.Errorf("after following the contents link, Tab focuses %s", where)
	}
}
