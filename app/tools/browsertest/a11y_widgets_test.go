//go:build !js

package browsertest

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"explainer/app/site"
	"explainer/app/ui"
	"explainer/content"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The questionnaire and the FAQ are being built alongside these tests, so
// the helpers drive them through what a keyboard user meets: radio buttons,
// buttons, summaries, a search field. They find no fixed class names; a
// UI that is not there yet makes the subtest skip with a message.

// fitState is what the questionnaire shows.
type fitState struct {
	Built  bool   `json:"built"`  // main holds radio buttons or buttons
	Result bool   `json:"result"` // a result band's title is shown
	Review bool   `json:"review"` // a heading says the answers are being reviewed
	Open   int    `json:"open"`   // radio groups with no answer yet
	Live   string `json:"live"`   // the text of every live region, joined
}

func fitStateJS(t *testing.T) string {
	t.Helper()
	s, err := site.Load(content.FS, ui.LinkTargets(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var bands []string
	for _, bd := range s.Fit.Bands {
		bands = append(bands, bd.Title)
	}
	j, _ := json.Marshal(bands)
	return a11yJS + `, (() => {
	const A = window.__a11y, m = document.querySelector("main");
	if (!m) return {built: false};
	const text = m.innerText, bands = ` + string(j) + `;
	const radios = [...m.querySelectorAll("input[type=radio]")];
	const groups = [...new Set(radios.filter(r => A.shown(r.closest("label") || r)).map(r => r.name))];
	const live = [...document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role=status], [role=alert], [role=log]')]
		.filter(e => e.id !== "wasm-status").map(e => e.textContent.replace(/\s+/g, " ").trim()).join(" | ");
	return {
		built: radios.length > 0 || m.querySelector("button") !== null,
		result: bands.some(b => text.includes(b)),
		review: [...m.querySelectorAll("h1, h2, h3, legend")].some(h => A.shown(h) && /review|your answers|check your/i.test(h.textContent)),
		open: groups.filter(g => !radios.some(r => r.name === g && r.checked)).length,
		live,
	};
})()`
}

// fitGoOn matches the button or link that moves the questionnaire forward.
const fitGoOn = `/^(BUTTON|A)$/.test(el.tagName) && el.closest("main") &&
	/next|continue|check|review|result|finish|done|see|show|start|begin/i.test(el.innerText) &&
	!/back|previous|start over|again|edit|change|restart|clear|reset/i.test(el.innerText)`

// fitUnanswered matches a radio button of a question with no answer yet.
const fitUnanswered = `el.type === "radio" && el.closest("main") && !document.querySelector('main input[type=radio][name="' + CSS.escape(el.name) + '"]:checked')`

// driveFit completes the questionnaire with the keyboard alone: Tab to an
// unanswered question, Space to answer it (and arrow keys to vary the
// answer), Tab to the button that goes on, Enter. It stops at the review
// step when stopAtReview is set, else at the result. onStep runs after
// every Enter with the live regions' text before and after it.
func driveFit(t *testing.T, b *browser, stopAtReview bool, onStep func(before, after fitState)) {
	t.Helper()
	js := fitStateJS(t)
	st := eval[fitState](b, js)
	if !st.Built {
		t.Skip("the questionnaire UI is not built yet: /fit has no radio buttons or buttons in main (app/ui/fit*.go); this subtest runs once it is")
	}
	eval[walkPlan](b, a11yJS+", "+walkStartJS)
	for i := 0; i < 80; i++ {
		st = eval[fitState](b, js)
		switch {
		case st.Result && !stopAtReview:
			return
		case st.Result:
			t.Skip("the questionnaire went from the questions to the result without a review step (no heading mentioning review or your answers)")
		case st.Review && st.Open == 0 && stopAtReview:
			return
		case st.Open > 0:
			if !tabTo(b, fitUnanswered, 80) {
				t.Fatalf("Tab never reached one of the %d unanswered questions", st.Open)
			}
			b.run(chromedp.KeyEvent(" "))
			for range i % 4 {
				b.run(chromedp.KeyEvent(kb.ArrowDown))
			}
			continue
		}
		if !tabTo(b, fitGoOn, 80) {
			t.Fatalf("every question is answered but Tab reaches no button to go on (Next, Review, See my result)")
		}
		b.run(chromedp.KeyEvent(kb.Enter), sleep(250))
		if onStep != nil {
			onStep(st, eval[fitState](b, js))
		}
	}
	t.Fatal("the questionnaire did not reach its end after 80 steps")
}

func fitToReview(t *testing.T, b *browser) { driveFit(t, b, true, nil) }
func fitToResult(t *testing.T, b *browser) { driveFit(t, b, false, nil) }

// TestA11yQuestionnaireByKeyboardAlone completes the questionnaire with Tab,
// Space, arrow keys and Enter only, and checks that each step change is
// announced by a live region exposed in the accessibility tree.
func TestA11yQuestionnaireByKeyboardAlone(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/fit")
	b.waitApp()
	steps, announced := 0, 0
	driveFit(t, b, false, func(before, after fitState) {
		steps++
		if after.Live != before.Live && after.Live != "" {
			announced++
		} else {
			t.Errorf("step %d: no live region announced the change (live text stayed %q)", steps, after.Live)
		}
	})
	if steps == 0 {
		t.Fatal("the questionnaire ended without a single step")
	}
	checkLiveInTree(t, b, "the questionnaire's step announcer", eval[fitState](b, fitStateJS(t)).Live)
	t.Logf("completed in %d keyboard steps, %d announced", steps, announced)
}

// TestA11yFAQAnswersOpenWithEnterAndSpace reaches each of the first FAQ
// questions with Tab and opens and closes it with Enter and with Space.
func TestA11yFAQAnswersOpenWithEnterAndSpace(t *testing.T) {
	t.Parallel()
	axeSource(t)
	s := startSite(t)
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/faq")
	b.waitApp()
	const toggle = `(el.tagName === "SUMMARY" || el.hasAttribute("aria-expanded")) && el.closest("main")`
	const isOpen = `(() => { const el = document.activeElement; return el.tagName === "SUMMARY" ? el.parentElement.open : el.getAttribute("aria-expanded") === "true"; })()`
	if !eval[bool](b, `document.querySelector("main summary, main [aria-expanded]") !== null`) {
		t.Skip("the FAQ UI is not built yet: /faq has no summary or aria-expanded control in main (app/ui/faq*.go); this test runs once it is")
	}
	eval[walkPlan](b, a11yJS+", "+walkStartJS)
	for i := 0; i < 3; i++ {
		if !tabTo(b, toggle+` && !(el.tagName === "SUMMARY" ? el.parentElement.open : el.getAttribute("aria-expanded") === "true")`, 80) {
			t.Fatalf("Tab reaches no closed FAQ question (question %d)", i+1)
		}
		q := eval[string](b, `document.activeElement.textContent.trim()`)
		for _, k := range []struct{ name, key string }{{"Enter", kb.Enter}, {"Space", " "}} {
			b.run(chromedp.KeyEvent(k.key), sleep(150))
			if !eval[bool](b, isOpen) {
				t.Errorf("%s does not open %q", k.name, q)
			}
			b.run(chromedp.KeyEvent(k.key), sleep(150))
			if eval[bool](b, isOpen) {
				t.Errorf("%s does not close %q again", k.name, q)
			}
		}
		b.run(chromedp.KeyEvent(kb.Enter), sleep(100)) // leave it open, as a reader would
	}
}

// TestA11yLiveRegions checks, in Chromium's accessibility tree, the live
// regions that announce the FAQ filter's match count, the offline banner
// and the update banner. (The questionnaire's step announcer is checked by
// TestA11yQuestionnaireByKeyboardAlone.)
func TestA11yLiveRegions(t *testing.T) {
	t.Parallel()
	axeSource(t)
	t.Run("faq match count", func(t *testing.T) {
		s := startSite(t)
		b := newBrowser(t, 412, 823)
		b.open(s.URL + "/faq")
		b.waitApp()
		const field = `el.closest("main") && el.tagName === "INPUT" && /^(search|text)$/.test(el.type)`
		if !eval[bool](b, `document.querySelector('main input[type=search], main input[type=text]') !== null`) {
			t.Skip("the FAQ filter is not built yet: /faq has no search field in main (app/ui/faq*.go); this subtest runs once it is")
		}
		eval[walkPlan](b, a11yJS+", "+walkStartJS)
		if !tabTo(b, field, 40) {
			t.Fatal("Tab never reaches the FAQ filter")
		}
		live := func() string {
			return eval[string](b, `[...document.querySelectorAll('main [aria-live]:not([aria-live="off"]), main [role=status]')].map(e => e.textContent.replace(/\s+/g, " ").trim()).join(" | ")`)
		}
		before := live()
		b.run(chromedp.KeyEvent("therapy"), sleep(400))
		some := live()
		b.run(chromedp.KeyEvent("zzqx"), sleep(400))
		none := live()
		if some == before && none == before {
			t.Errorf("typing in the filter changed no live region in main (text %q): the match count is not announced", before)
		}
		if !strings.ContainsAny(some, "0123456789") && !strings.Contains(strings.ToLower(some), "no ") {
			t.Errorf("the live region says %q after a match, with no count", some)
		}
		checkLiveInTree(t, b, "the FAQ match count", none)
	})
	t.Run("offline banner", func(t *testing.T) {
		s := startSite(t)
		b := newBrowser(t, 412, 823)
		b.allow("ERR_INTERNET_DISCONNECTED")
		b.open(s.URL + "/")
		b.waitApp()
		setOffline(b, true)
		defer setOffline(b, false)
		text := waitText(b, `/you are offline|no connection|no internet/i`, 3*time.Second)
		if text == "" {
			bannersPending(t, "no banner mentioning being offline appeared within 3 s of going offline")
			return
		}
		checkLiveInTree(t, b, "the offline banner", text)
	})
	t.Run("update banner", func(t *testing.T) {
		s := startSite(t)
		b := newBrowser(t, 412, 823)
		b.open(s.URL + "/")
		b.waitApp()
		// go-app calls goappOnUpdate when a new service worker has
		// activated; call it as the worker would.
		eval[bool](b, `(document.documentElement.setAttribute("data-had-worker", ""), goappOnUpdate(), true)`)
		text := waitText(b, `/update|new version|reload/i`, 3*time.Second)
		if text == "" {
			bannersPending(t, "no banner mentioning an update appeared within 3 s of goappOnUpdate()")
			return
		}
		checkLiveInTree(t, b, "the update banner", text)
	})
}

// bannersPending skips while the banners are not built (no web/banners.css)
// and fails once they are.
func bannersPending(t *testing.T, msg string) {
	t.Helper()
	if _, err := os.Stat("../../../web/banners.css"); err != nil {
		t.Skip("the site banners are not built yet (no web/banners.css, app/ui/banners.go renders nothing): " + msg)
	}
	t.Error(msg)
}

func setOffline(b *browser, off bool) {
	b.t.Helper()
	if _, err := chromedp.Call(b.ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		b.t.Fatal(err)
	}
}

// waitText waits for a visible element outside main whose text matches the
// JavaScript regexp re and returns its text, or "" on timeout.
func waitText(b *browser, re string, d time.Duration) string {
	b.t.Helper()
	js := `(() => { for (const e of document.querySelectorAll("body *")) { if (e.closest("main") || e.children.length > 3) continue; const s = e.textContent.replace(/\s+/g, " ").trim(); if (s && ` + re + `.test(s) && e.checkVisibility()) return s; } return ""; })()`
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if s := eval[string](b, js); s != "" {
			return s
		}
	}
	return ""
}

// axLive is a live region as the accessibility tree exposes it.
type axLive struct {
	Live, Role, Text string
}

// liveRegions reads Chromium's full accessibility tree and returns the root
// of every live region with the text of its subtree.
func liveRegions(b *browser) []axLive {
	b.t.Helper()
	if _, err := chromedp.Call(b.ctx, accessibility.Enable, cdp.Empty{}); err != nil {
		b.t.Fatal(err)
	}
	tree, err := chromedp.Call(b.ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		b.t.Fatal(err)
	}
	byID := map[accessibility.NodeID]*accessibility.Node{}
	for _, n := range tree.Nodes {
		byID[n.NodeID] = n
	}
	live := func(n *accessibility.Node) string {
		if n == nil {
			return ""
		}
		for _, p := range n.Properties {
			if p.Name == accessibility.PropertyNameLive && p.Value != nil {
				return strings.Trim(string(p.Value.Value), `"`)
			}
		}
		return ""
	}
	var text func(n *accessibility.Node, out *strings.Builder)
	text = func(n *accessibility.Node, out *strings.Builder) {
		if n.Ignored {
			// Ignored nodes still hold exposed children.
		} else if n.Role != nil && strings.Trim(string(n.Role.Value), `"`) == "StaticText" && n.Name != nil {
			out.WriteString(strings.Trim(string(n.Name.Value), `"`) + " ")
		}
		for _, c := range n.ChildIDs {
			if k := byID[c]; k != nil {
				text(k, out)
			}
		}
	}
	var out []axLive
	for _, n := range tree.Nodes {
		l := live(n)
		if l == "" || l == "off" || n.Ignored || live(byID[n.ParentID]) != "" {
			continue
		}
		var sb strings.Builder
		text(n, &sb)
		role := ""
		if n.Role != nil {
			role = strings.Trim(string(n.Role.Value), `"`)
		}
		out = append(out, axLive{Live: l, Role: role, Text: strings.Join(strings.Fields(sb.String()), " ")})
	}
	return out
}

// checkLiveInTree fails unless a polite or assertive live region in the
// accessibility tree holds want (the text the page shows).
func checkLiveInTree(t *testing.T, b *browser, what, want string) {
	t.Helper()
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	w := squash(want)
	regions := liveRegions(b)
	for _, r := range regions {
		if got := squash(r.Text); got != "" && (strings.Contains(w, got) || strings.Contains(got, w)) {
			return
		}
	}
	t.Errorf("%s (%q) is not in a live region of the accessibility tree; live regions: %+v", what, want, regions)
}
