//go:build !js

package browsertest

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"explainer/app/fit"
	"explainer/app/site"
	"explainer/app/ui"
	"explainer/content"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// fitAnswerSets are scripted readers, one or more per band. A statement
// missing from a set is skipped with Next, without an answer.
var fitAnswerSets = []struct {
	name    string
	answers fit.Answers
}{
	{"drawn to depth, wants medication considered", fit.Answers{
		"relationships": 5, "why": 5, "roots": 5, "open-talk": 5, "pace": 4, "bond": 4, "past-therapy": 4,
		"inner": 4, "change": fit.DoesNotApply, "agenda": 1, "practice": 2, "what-not-why": 2, "targeted": 1, "medication": 4}},
	{"wants skills for panic", fit.Answers{
		"relationships": 2, "why": 1, "roots": 1, "open-talk": 2, "pace": 3, "bond": 1, "past-therapy": fit.NotSure,
		"inner": fit.DoesNotApply, "change": 1, "agenda": 5, "practice": 5, "what-not-why": 4, "targeted": 5, "medication": fit.NotSure}},
	{"mixed, one problem only somewhat", fit.Answers{
		"relationships": 4, "why": 3, "roots": fit.NotSure, "open-talk": 3, "pace": 3, "bond": 2, "past-therapy": 5,
		"inner": 2, "change": 4, "agenda": 4, "practice": 3, "what-not-why": 3, "targeted": 3, "medication": 2}},
	{"too few answers", fit.Answers{
		"relationships": 5, "why": 4, "past-therapy": fit.NotSure, "medication": 5}},
	{"wants medication, nothing about therapy", fit.Answers{
		"relationships": 1, "why": 1, "roots": 1, "open-talk": 1, "pace": 1, "bond": 1, "past-therapy": fit.DoesNotApply,
		"inner": fit.DoesNotApply, "change": fit.DoesNotApply, "agenda": 1, "practice": 1, "what-not-why": 1, "targeted": 1, "medication": 5}},
}

func fitDefinition(t *testing.T) *fit.Definition {
	t.Helper()
	s, err := site.Load(content.FS, ui.LinkTargets(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return s.Fit
}

// fitPosition is where an answer sits among a statement's options.
func fitPosition(t *testing.T, s *fit.Statement, a fit.Answer) int {
	t.Helper()
	i := slices.Index(s.Choices(), a)
	if i < 0 {
		t.Fatalf("statement %q does not offer answer %d", s.ID, a)
	}
	return i
}

func fitPress(b *browser, keys string) {
	b.t.Helper()
	b.run(chromedp.KeyEvent(keys))
}

// fitTab presses Tab until the JavaScript predicate holds for
// document.activeElement (as `a`), at most max times.
func fitTab(b *browser, pred string, max int) {
	b.t.Helper()
	for range max {
		fitPress(b, kb.Tab)
		if eval[bool](b, `(() => { const a = document.activeElement; return !!a && (`+pred+`); })()`) {
			return
		}
	}
	b.t.Fatalf("Tab never reached an element where %s; focus is on %s", pred, fitActive(b))
}

func fitActive(b *browser) string {
	return eval[string](b, `(() => { const a = document.activeElement; return a ? a.tagName + "#" + a.id + " " + (a.textContent || "").trim().slice(0, 40) : "none"; })()`)
}

func fitChecked(b *browser, id string) string {
	return eval[string](b, fmt.Sprintf(`(() => { const r = document.querySelector('input[name=%q]:checked'); return r ? r.value : ""; })()`, id))
}

func fitStored(b *browser) string {
	return eval[string](b, `sessionStorage.getItem("explainer.fit.v1") || ""`)
}

// fitWaitStatement waits until statement i is shown with the focus on it.
func fitWaitStatement(b *browser, d *fit.Definition, i int) {
	b.t.Helper()
	b.waitFor(fmt.Sprintf("statement %d shown and focused", i+1), fmt.Sprintf(
		`document.activeElement && document.activeElement.id === "fit-legend" && document.activeElement.textContent === %q && document.querySelector(".fit-progress-text").textContent === %q`,
		d.Statements[i].Text, fmt.Sprintf("Statement %d of %d", i+1, len(d.Statements))))
}

func TestFitKeyboardAloneReachesTheBandTheEngineGives(t *testing.T) {
	t.Parallel()
	d := fitDefinition(t)
	n := len(d.Statements)
	// The readers reach every band, so what every result must show (the
	// safety line, the first-care line) is seen on each.
	reached := map[*fit.Band]bool{}
	for _, set := range fitAnswerSets {
		if r, err := d.Score(set.answers); err == nil {
			reached[r.Band] = true
		}
	}
	for _, band := range d.Bands {
		if !reached[band] {
			t.Errorf("no scripted reader reaches the band %q", band.ID)
		}
	}
	s := startSite(t)
	for _, set := range fitAnswerSets {
		t.Run(set.name, func(t *testing.T) {
			want, err := d.Score(set.answers)
			if err != nil {
				t.Fatal(err)
			}
			b := newBrowser(t, 412, 823)
			b.open(s.URL + "/fit")
			b.waitApp()
			b.run(sleep(500)) // let the page's own loading settle
			before := len(b.requestsMatching(""))

			// From the top of the page into the first statement's options.
			fitTab(b, fmt.Sprintf(`a.name === %q`, d.Statements[0].ID), 15)
			if !eval[bool](b, `getComputedStyle(document.activeElement.closest("label")).outlineStyle === "solid"`) {
				t.Error("the focused option shows no focus ring around its row")
			}
			for i, st := range d.Statements {
				if i > 0 {
					fitWaitStatement(b, d, i)
					if got := eval[string](b, `document.querySelector("#fit-status").textContent`); got != fmt.Sprintf("Statement %d of %d", i+1, n) {
						t.Errorf("live region says %q on statement %d", got, i+1)
					}
					fitPress(b, kb.Tab) // from the statement into its options
					if !eval[bool](b, fmt.Sprintf(`document.activeElement.name === %q`, st.ID)) {
						t.Fatalf("Tab from statement %d went to %s, not its options", i+1, fitActive(b))
					}
				}
				if a, ok := set.answers[st.ID]; ok {
					fitPress(b, " ") // tick the first option, then walk down to the answer
					for range fitPosition(t, st, a) {
						fitPress(b, kb.ArrowDown)
					}
					// The app re-renders after each change; wait for it to settle.
					b.waitFor(fmt.Sprintf("statement %q answered %d", st.ID, a), fmt.Sprintf(
						`(() => { const r = document.querySelector('input[name=%q]:checked'); return !!r && r.value === %q && (sessionStorage.getItem("explainer.fit.v1") || "").split(",").includes(%q); })()`,
						st.ID, strconv.Itoa(int(a)), st.ID+"="+strconv.Itoa(int(a))))
				}
				fitTab(b, `a.id === "fit-next"`, 3)
				fitPress(b, kb.Enter)
			}

			b.waitFor("the review, focused", `document.activeElement && document.activeElement.id === "fit-review-title"`)
			fitTab(b, `a.id === "fit-see-result"`, 2*n+4)
			fitPress(b, kb.Enter)
			b.waitFor("the result, focused", `document.activeElement && document.activeElement.id === "fit-result-title"`)

			if got := eval[string](b, `document.activeElement.textContent`); got != want.Band.Title {
				t.Errorf("band shown %q, want %q (score %d)", got, want.Band.Title, want.Score)
			}
			text := eval[string](b, `document.querySelector(".fit-summary").innerText`)
			for _, r := range want.Reasons {
				if !strings.Contains(text, r.Theme.Title) || !strings.Contains(text, r.Items[0].Statement.Text) {
					t.Errorf("the result does not show the reason %q with the reader's answer", r.Theme.Title)
				}
				if !eval[bool](b, fmt.Sprintf(`!!document.querySelector('.fit-reason a[href="/#%s"]')`, r.Theme.Section)) {
					t.Errorf("reason %q does not link to the article section %q", r.Theme.Title, r.Theme.Section)
				}
			}
			for _, q := range want.Questions {
				if !strings.Contains(text, q) {
					t.Errorf("the result lacks the question %q", q)
				}
			}
			if got := strings.Contains(text, d.TooFew); got != want.TooFew {
				t.Errorf("too-few note shown: %v, want %v", got, want.TooFew)
			}
			if got := strings.Contains(text, d.Medication.Text); got != (want.Medication && !want.MedicationOnly) {
				t.Errorf("medication note shown: %v, want %v", got, want.Medication && !want.MedicationOnly)
			}
			if got := strings.Contains(text, d.MedicationOnly); got != want.MedicationOnly {
				t.Errorf("the plain medication-only line shown: %v, want %v", got, want.MedicationOnly)
			}
			fitCheckCareFirst(t, b, d)
			for _, must := range []string{"This is a reflection tool, not a diagnosis or medical advice.", "call 988 or text 988", "call 911"} {
				if !strings.Contains(text, must) {
					t.Errorf("the result lacks %q", must)
				}
			}
			// Safety before fit: the crisis line is the first thing of the
			// result and on the phone's first screen when it appears.
			if !eval[bool](b, `(() => { const s = document.querySelector(".fit-summary > .fit-result-safety:first-child");
				if (!s || !s.querySelector('a[href="tel:988"]') || !s.querySelector('a[href="sms:988"]') || !s.querySelector('a[href="tel:911"]')) return false;
				const r = s.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`) {
				t.Error("the result does not lead with the crisis line, with call, text and 911 links, within the first screen")
			}
			if got := strings.Contains(text, d.First.Said+" "+d.First.Text); got != want.First {
				t.Errorf("the one-problem note (\"You said your main goal is…\") shown: %v, want %v", got, want.First)
			}
			if got := fitStored(b); got != fit.Encode(set.answers) {
				t.Errorf("sessionStorage holds %q, want %q", got, fit.Encode(set.answers))
			}
			if after := b.requestsMatching(""); len(after) != before {
				t.Errorf("requests while answering and showing the result: %q", after[before:])
			}
			t.Logf("%s: score %d, band %q, too few %v", set.name, want.Score, want.Band.ID, want.TooFew)
		})
	}
}

// fitCheckCareFirst asserts what the reader sees of the first-care line on
// the result: every problem on it, its sources and the link to the FAQ
// answer, visible without opening anything, after the band text.
func fitCheckCareFirst(t *testing.T, b *browser, d *fit.Definition) {
	t.Helper()
	got := eval[string](b, `(() => {
		const c = document.querySelector(".fit-summary .fit-care-first"), band = document.querySelector(".fit-band-text");
		if (!c) return "missing";
		const r = c.getBoundingClientRect();
		if (r.width === 0 || r.height === 0 || getComputedStyle(c).visibility === "hidden" || c.closest("details")) return "not visible";
		if (!(band.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING)) return "before the band text";
		const a = c.querySelector('a[href="/faq#`+d.First.FAQ+`"]');
		return a ? c.innerText : "no link to the FAQ";
	})()`)
	for _, want := range append([]string{d.CareFirst.Lead, d.CareFirst.Sources, d.CareFirst.LinkText}, d.CareFirst.Items...) {
		if !strings.Contains(got, want) {
			t.Errorf("the first-care line lacks %q (it says %q)", want, got)
		}
	}
}

// TestFitOffersNotSureOrDoesNotApplyAsEachStatementSays walks the
// questionnaire and reads each statement's options as a reader sees them:
// "Doesn't apply to me", and the hint that explains it, only where the
// statement presupposes a situation; "Not sure" where the file says.
func TestFitOffersNotSureOrDoesNotApplyAsEachStatementSays(t *testing.T) {
	d := fitDefinition(t)
	s := startSite(t)
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/fit")
	b.waitApp()
	for i, st := range d.Statements {
		if i > 0 {
			b.run(clickJS(`#fit-next`))
			fitWaitStatement(b, d, i)
		}
		var want []string
		for _, a := range st.Choices() {
			want = append(want, d.Label(a))
		}
		got := eval[[]string](b, `[...document.querySelectorAll(".fit-options .fit-option-text")].filter(e => e.getBoundingClientRect().height > 0).map(e => e.textContent)`)
		if !slices.Equal(got, want) {
			t.Errorf("%s: options %q, want %q", st.ID, got, want)
		}
		hint := eval[string](b, `document.querySelector("#fit-hint").textContent`)
		if strings.Contains(hint, d.NotApplyLabel) != st.NotApply {
			t.Errorf("%s: hint %q; Doesn't apply offered: %v", st.ID, hint, st.NotApply)
		}
	}
}

func TestFitReloadResumesAndStartOverClearsEverything(t *testing.T) {
	t.Parallel()
	d := fitDefinition(t)
	s := startSite(t)
	b := newBrowser(t, 1280, 900)
	b.open(s.URL + "/fit")
	b.waitApp()
	picks := []int{5, 0, 3} // "Not sure" in the middle
	for i, v := range picks {
		b.run(clickJS(fmt.Sprintf(`#fit-%s-%d`, d.Statements[i].ID, v)))
		b.run(clickJS(`#fit-next`))
		fitWaitStatement(b, d, i+1)
	}
	stored := fitStored(b)
	want := fmt.Sprintf("%s=5,%s=3,%s=0", d.Statements[0].ID, d.Statements[2].ID, d.Statements[1].ID)
	if a, err := fit.Decode(d, stored); err != nil || fit.Encode(a) != fit.Encode(fitMustDecode(t, d, want)) {
		t.Fatalf("sessionStorage holds %q, want the answers %q", stored, want)
	}

	b.run(chromedp.Reload())
	b.waitApp()
	b.waitFor("the fourth statement after the reload", fmt.Sprintf(`document.querySelector("#fit-legend").textContent === %q`, d.Statements[3].Text))
	b.run(clickJS(`.fit-back`))
	fitWaitStatement(b, d, 2)
	if got := fitChecked(b, d.Statements[2].ID); got != "3" {
		t.Errorf("after the reload statement 3 has %q checked, want 3", got)
	}
	b.run(clickJS(`.fit-back`))
	fitWaitStatement(b, d, 1)
	if got := fitChecked(b, d.Statements[1].ID); got != "0" {
		t.Errorf("after the reload statement 2 has %q checked, want 0 (Not sure)", got)
	}

	// Jump to the review through the last statement, then the result.
	for i := 1; i < len(d.Statements); i++ {
		b.run(clickJS(`#fit-next`))
	}
	b.waitFor("the review", `!!document.querySelector("#fit-review-title")`)
	if got := eval[int](b, `document.querySelectorAll(".fit-review-item").length`); got != len(d.Statements) {
		t.Errorf("the review lists %d statements, want %d", got, len(d.Statements))
	}
	// Change one answer from the review and come back to it.
	b.run(clickJS(`.fit-change[value="2"]`))
	fitWaitStatement(b, d, 2)
	if got := eval[string](b, `document.querySelector("#fit-next").textContent`); got != "Back to my answers" {
		t.Errorf("editing from the review, Next reads %q", got)
	}
	b.run(clickJS(fmt.Sprintf(`#fit-%s-1`, d.Statements[2].ID)))
	b.run(clickJS(`#fit-next`))
	b.waitFor("the review again, focused", `document.activeElement && document.activeElement.id === "fit-review-title"`)
	if got := eval[string](b, `document.querySelectorAll(".fit-review-answer strong")[2].textContent`); got != d.Label(1) {
		t.Errorf("the review shows %q for the changed answer, want %q", got, d.Label(1))
	}
	b.run(clickJS(`#fit-see-result`))
	b.waitFor("the result", `!!document.querySelector("#fit-result-title")`)
	b.run(chromedp.Reload())
	b.waitApp()
	b.waitFor("the result again after a reload", `!!document.querySelector("#fit-result-title")`)

	b.run(clickJS(`#fit-start-over`))
	fitWaitStatement(b, d, 0)
	if n := eval[int](b, `sessionStorage.length`); n != 0 {
		t.Errorf("sessionStorage has %d items after Start over: %s", n, eval[string](b, `JSON.stringify(sessionStorage)`))
	}
	if got := eval[int](b, `document.querySelectorAll("input:checked").length`); got != 0 {
		t.Errorf("%d options still ticked after Start over", got)
	}
	if got := eval[string](b, `document.querySelector("#fit-status").textContent`); !strings.Contains(got, "deleted") {
		t.Errorf("live region after Start over says %q", got)
	}
	b.run(chromedp.Reload())
	b.waitApp()
	b.run(sleep(200))
	if got := eval[string](b, `document.querySelector(".fit-progress-text").textContent`); got != fmt.Sprintf("Statement 1 of %d", len(d.Statements)) {
		t.Errorf("after Start over and a reload the page shows %q", got)
	}
}

func fitMustDecode(t *testing.T, d *fit.Definition, s string) fit.Answers {
	t.Helper()
	a, err := fit.Decode(d, s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestFitTickBeforeTheAppStartsIsKept(t *testing.T) {
	t.Parallel()
	d := fitDefinition(t)
	first := d.Statements[0].ID
	s := startSite(t, holdingWasm())
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/fit")
	b.waitFor("boot.js", `!!window.explainerBoot`)

	if !onTop(b, "#fit-legend") {
		t.Fatal("the first statement is not visible before the app has loaded")
	}
	// Next is live from the start (boot.js): a press is kept and carried
	// over when the app is up, so nothing is disabled or greyed out.
	if got := eval[string](b, `document.querySelector(".fit-note").textContent`); got != "Your answers are saved in this tab as you go." {
		t.Errorf("before the app has loaded the note says %q", got)
	}
	if fitAXDisabled(b, "Next") {
		t.Error("before the app has loaded, Next is disabled for assistive technology")
	}
	// Shifts are counted until the carried-over press of Next shows the
	// next statement: that change is the reader's own request (made while
	// the app loaded), not the mount moving the page under them.
	eval[bool](b, `(() => { window.__shift = 0; window.__stepAt = Infinity;
		const first = document.querySelector(".fit-legend").textContent;
		new MutationObserver(() => { const l = document.querySelector(".fit-legend"); if (l && l.textContent !== first && window.__stepAt === Infinity) window.__stepAt = performance.now(); }).observe(document.body, {subtree: true, childList: true, characterData: true});
		new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput && e.startTime < window.__stepAt) window.__shift += e.value; }).observe({type: "layout-shift", buffered: true}); return true; })()`)
	b.run(chromedp.Click(fmt.Sprintf(`label:has(#fit-%s-4)`, first)))
	b.tap("#fit-next")
	b.run(sleep(200))
	if got := fitChecked(b, first); got != "4" {
		t.Fatalf("the prerendered option was not ticked: %q", got)
	}
	// While the app downloads, the press is acknowledged.
	if got := eval[string](b, `document.querySelector(".fit-note").textContent`); !strings.Contains(got, "Loading") {
		t.Errorf("after Next, before the app, the note says %q", got)
	}
	if eval[string](b, `getComputedStyle(document.querySelector("#wasm-status")).display`) == "none" {
		t.Error("the loading status is hidden after the reader pressed Next")
	}
	eval[bool](b, `(() => { window.__shift = 0; return true; })()`)

	s.release()
	b.waitApp()
	fitWaitStatement(b, d, 1) // the press of Next, carried over
	if got := fitStored(b); got != first+"=4" {
		t.Errorf("sessionStorage holds %q after mount, want %q", got, first+"=4")
	}
	if got := eval[string](b, `document.querySelector(".fit-note").textContent`); strings.Contains(got, "Loading") {
		t.Errorf("the note still says %q after the app started", got)
	}
	if shift := eval[float64](b, `window.__shift`); shift > 0.02 {
		t.Errorf("layout shift %.3f when the app mounted, before the next statement showed, want below 0.02", shift)
	}
	b.run(clickJS(`#fit-next`))
	fitWaitStatement(b, d, 2)
}

// fitAXDisabled reports whether the button named name is disabled in the
// accessibility tree, as a screen reader is told.
func fitAXDisabled(b *browser, name string) bool {
	b.t.Helper()
	tree, err := chromedp.Call(b.ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		b.t.Fatal(err)
	}
	for _, n := range tree.Nodes {
		if n.Role == nil || string(n.Role.Value) != `"button"` || n.Name == nil || string(n.Name.Value) != strconv.Quote(name) {
			continue
		}
		for _, p := range n.Properties {
			if p.Name == accessibility.PropertyNameDisabled && p.Value != nil && string(p.Value.Value) == "true" {
				return true
			}
		}
		return false
	}
	b.t.Fatalf("no button named %q in the accessibility tree", name)
	return false
}

func TestFitPrintsTheSummaryOnly(t *testing.T) {
	t.Parallel()
	d := fitDefinition(t)
	ans := fitAnswerSets[0].answers
	want, err := d.Score(ans)
	if err != nil {
		t.Fatal(err)
	}
	s := startSite(t)
	b := newBrowser(t, 1280, 900)
	fitOpenResult(b, s.URL, d, ans)

	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	visible := func(sel string) bool {
		return eval[bool](b, fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el) return false; const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden"; })()`, sel))
	}
	for _, sel := range []string{"#fit-result-title", ".fit-reasons", ".fit-reason-answers", ".fit-questions", ".fit-result-safety", ".fit-disclaimer", ".fit-source"} {
		if !visible(sel) {
			t.Errorf("printed result lacks %s", sel)
		}
	}
	for _, sel := range []string{".site-header", ".site-nav", ".site-footer", "#fit-print", "#fit-start-over", ".fit-actions", ".consultation", "#how-this-works", ".skip-link"} {
		if visible(sel) {
			t.Errorf("printed result shows %s", sel)
		}
	}
	text := eval[string](b, `document.body.innerText`)
	for _, must := range []string{want.Band.Title, want.Questions[0], want.Reasons[0].Items[0].Statement.Text, s.URL + "/fit"} {
		if !strings.Contains(text, must) {
			t.Errorf("printed text lacks %q", must)
		}
	}

	pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF())
	if err != nil {
		t.Fatal(err)
	}
	if len(pdf) < 10_000 || string(pdf[:5]) != "%PDF-" {
		t.Errorf("PrintToPDF gave %d bytes starting %q", len(pdf), pdf[:min(8, len(pdf))])
	}
	t.Logf("the printed result is %d bytes of PDF", len(pdf))
}

func TestFitInvitationAtTheEndOfTheArticleOpensTheQuestionnaire(t *testing.T) {
	t.Parallel()
	d := fitDefinition(t)
	s := startSite(t)
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	b.waitApp()
	if !onTop(b, `.fit-invitation a[href="/fit"]`) {
		t.Fatal("the invitation's link to /fit is not visible")
	}
	b.run(clickJS(`.fit-invitation a[href="/fit"]`))
	b.waitFor("the questionnaire", `location.pathname === "/fit" && !!document.querySelector("#fit-legend")`)
	b.run(clickJS(fmt.Sprintf(`#fit-%s-2`, d.Statements[0].ID)))
	b.run(clickJS(`#fit-next`))
	fitWaitStatement(b, d, 1)
	if got := fitStored(b); got != d.Statements[0].ID+"=2" {
		t.Errorf("sessionStorage holds %q after in-app navigation and one answer", got)
	}
}

// TestFitAnsweringMakesNoRequest holds the page to its promise that nothing
// is requested while the reader answers, from the first tick to the
// result, at a phone's and a desktop's size. The reader starts on the
// prerendered page, before the app has arrived, as on a slow network: so
// the app's mount, which rebuilds the page ("Mount rebuilds the body" in
// app/server/README.md), falls inside the answering, and an element whose
// re-creation fetches something (the header's <img src="/web/icon.svg">
// did) fails the test every time rather
// than when a late event happens to land after a baseline. Requests are
// placed by the browser's own timestamps, not by when the test hears of
// them.
func TestFitAnsweringMakesNoRequest(t *testing.T) {
	t.Parallel()
	d := fitDefinition(t)
	for _, vp := range [][2]int{{412, 823}, {1280, 900}} {
		t.Run(fmt.Sprintf("%dx%d", vp[0], vp[1]), func(t *testing.T) {
			s := startSite(t, holdingWasm())
			b := newBrowser(t, vp[0], vp[1])
			b.open(s.URL + "/fit")
			if !onTop(b, "#fit-legend") {
				t.Fatal("the first statement is not visible before the app has loaded")
			}
			start := pageClock(b)
			b.run(chromedp.Click(fmt.Sprintf(`label:has(#fit-%s-4)`, d.Statements[0].ID)))
			s.release()
			b.waitApp()
			for i, st := range d.Statements {
				if i > 0 {
					fitWaitStatement(b, d, i)
					b.run(clickJS(fmt.Sprintf(`#fit-%s-%d`, st.ID, 1+i%5)))
				}
				b.run(clickJS(`#fit-next`))
			}
			b.waitFor("the review", `!!document.querySelector("#fit-see-result")`)
			b.run(clickJS(`#fit-see-result`))
			b.waitFor("the result", `!!document.querySelector("#fit-result-title")`)
			if got := fitStored(b); !slices.Contains(strings.Split(got, ","), d.Statements[0].ID+"=4") {
				t.Errorf("the tick made before the app started was not kept: %q", got)
			}

			var page, browser []string
			for _, r := range b.requestsSince(start) {
				u, err := url.Parse(r.url)
				if err == nil && r.typ == network.ResourceTypeOther && r.initiator == network.InitiatorTypeOther &&
					strings.HasPrefix(u.Path, "/web/") && (strings.HasSuffix(u.Path, ".png") || strings.HasSuffix(u.Path, ".svg")) {
					// Chromium's own downloads of the tab icon and the
					// manifest's icon, once after the load event (which the
					// held wasm delays into this window), not the page's.
					browser = append(browser, u.Path)
					continue
				}
				page = append(page, fmt.Sprintf("%s (%s, started by %s)", r.url, r.typ, r.initiator))
			}
			if len(page) > 0 {
				t.Errorf("%d requests while answering, from the first tick to the result: %s", len(page), strings.Join(page, "; "))
			} else {
				t.Logf("no request from the page while answering; the browser's own icon downloads: %v", browser)
			}
		})
	}
}
