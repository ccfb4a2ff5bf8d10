//go:build !js

package browsertest

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"explainer/app/faq"
	"explainer/app/site"
	"explainer/app/ui"
	"explainer/content"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// faqContent is the FAQ as the site loads it, for expected values.
func faqContent(t *testing.T) []site.FAQ {
	t.Helper()
	s, err := site.Load(content.FS, ui.LinkTargets(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return s.FAQ
}

// faqOpen reports whether the answer with the given id is open and visible.
func faqOpen(b *browser, id string) bool {
	b.t.Helper()
	return eval[bool](b, fmt.Sprintf(`(() => { const d = document.getElementById(%q); return d.open && d.querySelector(".faq-answer-text").getBoundingClientRect().height > 0; })()`, id))
}

// faqCountOpen counts the open answers on the page.
func faqCountOpen(b *browser) int {
	b.t.Helper()
	return eval[int](b, `document.querySelectorAll("details.faq-item[open]").length`)
}

// faqNearTop is a predicate: the item's question is in view, at the top of
// the viewport unless the page has scrolled as far as it can.
func faqNearTop(id string) string {
	return fmt.Sprintf(`(() => {
		const r = document.getElementById(%q).querySelector("summary").getBoundingClientRect();
		const atEnd = Math.ceil(window.scrollY + innerHeight) >= document.documentElement.scrollHeight - 1;
		return r.top > -2 && r.bottom <= innerHeight && (r.top < 120 || atEnd);
	})()`, id)
}

// faqType replaces the search box's text with s, typed key by key.
func faqType(b *browser, s string) {
	b.t.Helper()
	b.run(chromedp.Focus("#faq-search"), chromedp.Evaluate[chromedp.Void](`document.getElementById("faq-search").select()`))
	if s == "" {
		b.run(chromedp.KeyEvent(kb.Backspace), sleep(200))
		return
	}
	b.run(chromedp.KeyEvent(s), sleep(300))
}

func TestFAQExpandCollapseExpandAllAndCollapseAll(t *testing.T) {
	t.Parallel()
	items := faqContent(t)
	s := startSite(t)
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/faq")
	b.waitApp()
	if n := faqCountOpen(b); n != 0 {
		t.Fatalf("%d answers open at first, want none", n)
	}

	b.run(clickJS(`#vs-cbt > summary`))
	b.waitFor("the answer to open", `document.getElementById("vs-cbt").open`)
	if !faqOpen(b, "vs-cbt") {
		t.Error("the opened answer is not visible")
	}
	b.run(clickJS(`#vs-cbt > summary`))
	b.waitFor("the answer to close", `!document.getElementById("vs-cbt").open`)

	b.run(clickJS(`#session > summary`)) // open one by hand: Expand all keeps it open
	b.run(clickJS(`.faq-buttons button:first-child`))
	b.waitFor("every answer to open", fmt.Sprintf(`document.querySelectorAll("details.faq-item[open]").length === %d`, len(items)))
	for _, it := range items {
		if !faqOpen(b, it.ID) {
			t.Errorf("after Expand all, %q is not open and visible", it.ID)
		}
	}

	// Closing one by hand and then collapsing all must leave the state in
	// step with the page: Expand all opens it again.
	b.run(clickJS(`#cost > summary`))
	b.waitFor("one answer to close", `!document.getElementById("cost").open`)
	b.run(clickJS(`.faq-buttons button:last-child`))
	b.waitFor("every answer to close", `document.querySelectorAll("details.faq-item[open]").length === 0`)
	b.run(clickJS(`.faq-buttons button:first-child`))
	b.waitFor("every answer to open again", fmt.Sprintf(`document.querySelectorAll("details.faq-item[open]").length === %d`, len(items)))
	b.run(clickJS(`.faq-buttons button:last-child`))
	b.waitFor("every answer to close again", `document.querySelectorAll("details.faq-item[open]").length === 0`)
	b.run(clickJS(`#cost > summary`))
	b.waitFor("an answer to open after Collapse all", `document.getElementById("cost").open`)
}

func TestFAQDeepLinkOpensAndShowsTheAnswerOnLoad(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	for _, tc := range []struct{ path, id string }{
		{"/faq#telehealth", "telehealth"},
		{"/#how-long", "how-long"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			b := newBrowser(t, 412, 823)
			b.open(s.URL + tc.path)
			b.waitApp()
			b.waitFor("the answer to open", fmt.Sprintf(`document.getElementById(%q).open`, tc.id))
			b.waitFor("the question at the top of the screen", faqNearTop(tc.id))
			b.run(sleep(300))
			if !faqOpen(b, tc.id) {
				t.Error("the deep-linked answer is not open and visible")
			}
			if n := faqCountOpen(b); n != 1 {
				t.Errorf("%d answers open, want only the linked one", n)
			}
			if h := eval[string](b, `location.hash`); h != "#"+tc.id {
				t.Errorf("location.hash = %q after mount", h)
			}
			if !eval[bool](b, faqNearTop(tc.id)) {
				t.Error("the deep-linked answer scrolled away after mount")
			}
		})
	}
}

func TestFAQDeepLinkByInAppNavigation(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	b := newBrowser(t, 1280, 900)
	b.open(s.URL + "/")
	b.waitApp()
	// A link to an answer from the home page, followed by the app's router
	// (the marker shows the page was not reloaded).
	eval[bool](b, `(() => { window.__noReload = true; const a = document.createElement("a"); a.href = "/faq#medication"; a.id = "test-link"; a.textContent = "medication"; document.querySelector("main").prepend(a); return true; })()`)
	b.run(clickJS(`#test-link`))
	b.waitFor("the FAQ page", `location.pathname === "/faq" && document.querySelector("h1").textContent === "Frequently Asked Questions"`)
	b.waitFor("the answer to open", `document.getElementById("medication") && document.getElementById("medication").open`)
	b.waitFor("the question at the top of the screen", faqNearTop("medication"))
	if !eval[bool](b, `window.__noReload === true`) {
		t.Error("the page reloaded: the link did not go through the app's router")
	}
	if id := eval[string](b, `document.activeElement.id`); id != "medication-question" {
		t.Errorf("focus is on %q, want the linked question", id)
	}

	// A link to another answer on the same page.
	eval[bool](b, `(() => { const a = document.createElement("a"); a.href = "#crisis"; a.id = "test-link-2"; a.textContent = "crisis"; document.querySelector("main").prepend(a); return true; })()`)
	b.run(clickJS(`#test-link-2`))
	b.waitFor("the second answer to open", `document.getElementById("crisis").open`)
	b.waitFor("the second question at the top of the screen", faqNearTop("crisis"))

	// Back returns to the first answer's address without breaking the app.
	b.run(chromedp.NavigateBack())
	b.waitFor("the previous address", `location.hash === "#medication"`)
	b.waitFor("the first answer, still open", `document.getElementById("medication").open`)
}

func TestFAQFilterWithMatchesAndWithNone(t *testing.T) {
	t.Parallel()
	items := faqContent(t)
	for _, tc := range []struct{ path, consult string }{
		{"/faq", "/#consultation-title"},
		{"/", "#consultation-title"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			s := startSite(t)
			b := newBrowser(t, 412, 823)
			b.open(s.URL + tc.path)
			b.waitApp()
			count := func() string { return eval[string](b, `document.getElementById("faq-count").textContent`) }
			if c := count(); c != fmt.Sprintf("%d questions", len(items)) {
				t.Errorf("count before searching = %q", c)
			}
			if eval[string](b, `document.getElementById("faq-count").getAttribute("role")`) != "status" {
				t.Error("the count is not a role=status region")
			}

			const query = "insurance"
			var want []string
			for _, it := range items {
				if faq.Match(it.Item, it.Text, query) {
					want = append(want, it.ID)
				}
			}
			if len(want) == 0 || len(want) == len(items) {
				t.Fatalf("%q matches %d questions: pick a query that filters", query, len(want))
			}
			faqType(b, query)
			b.waitFor("the count to change", `!/^\d+ questions$/.test(document.getElementById("faq-count").textContent)`)
			wantCount := fmt.Sprintf("%d of %d questions match", len(want), len(items))
			if len(want) == 1 {
				wantCount = fmt.Sprintf("1 of %d questions matches", len(items))
			}
			if c := count(); c != wantCount {
				t.Errorf("count = %q, want %q", c, wantCount)
			}
			shown := eval[[]string](b, `[...document.querySelectorAll("details.faq-item")].filter(d => d.getBoundingClientRect().height > 0).map(d => d.id)`)
			if strings.Join(shown, " ") != strings.Join(want, " ") {
				t.Errorf("shown %v, want %v", shown, want)
			}
			if eval[bool](b, `document.querySelector(".faq-empty") !== null`) {
				t.Error("the no-match message shows although questions match")
			}

			faqType(b, "zebra crossing")
			b.waitFor("the no-match state", `document.querySelector(".faq-empty") !== null`)
			if c := count(); c != "No questions match" {
				t.Errorf("count = %q with no match", c)
			}
			if n := eval[int](b, `[...document.querySelectorAll("details.faq-item")].filter(d => d.getBoundingClientRect().height > 0).length`); n != 0 {
				t.Errorf("%d questions still show with no match", n)
			}
			if !eval[bool](b, `(() => {
				const a = document.querySelector(".faq-empty a");
				a.scrollIntoView({block: "center"});
				const r = a.getClientRects()[0];
				const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return hit === a || a.contains(hit);
			})()`) {
				t.Error("the no-match message's link is not visible")
			}
			if h := eval[string](b, `document.querySelector(".faq-empty a").getAttribute("href")`); h != tc.consult {
				t.Errorf("the no-match link goes to %q, want %q", h, tc.consult)
			}

			b.run(clickJS(`.faq-empty button`))
			b.waitFor("every question again", fmt.Sprintf(`[...document.querySelectorAll("details.faq-item")].filter(d => d.getBoundingClientRect().height > 0).length === %d`, len(items)))
			if eval[string](b, `document.activeElement.id`) != "faq-search" {
				t.Error("Show all questions does not return focus to the search box")
			}
			if v := eval[string](b, `document.getElementById("faq-search").value`); v != "" {
				t.Errorf("the search box still holds %q after Show all questions", v)
			}
			if c := count(); c != fmt.Sprintf("%d questions", len(items)) {
				t.Errorf("count after Show all questions = %q", c)
			}
		})
	}
}

func TestFAQKeyboardOnly(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	b := newBrowser(t, 412, 823)
	faqGrantClipboard(b, s.URL)
	b.open(s.URL + "/faq")
	b.waitApp()

	// Tab from the top of the page to the first question.
	faqTabTo(b, `document.activeElement.id === "what-is-question"`, 30)
	if eval[string](b, `getComputedStyle(document.activeElement).outlineStyle`) == "none" {
		t.Error("the focused question has no visible focus outline")
	}
	for _, k := range []struct{ name, key string }{{"Enter", kb.Enter}, {"Space", " "}} {
		b.run(chromedp.KeyEvent(k.key))
		b.waitFor(k.name+" to open the answer", `document.getElementById("what-is").open`)
		b.run(chromedp.KeyEvent(k.key))
		b.waitFor(k.name+" to close the answer", `!document.getElementById("what-is").open`)
	}

	// Open it, Tab through its links to "Copy link" and use it.
	b.run(chromedp.KeyEvent(kb.Enter))
	b.waitFor("the answer to open", `document.getElementById("what-is").open`)
	faqTabTo(b, `document.activeElement.classList.contains("faq-copy")`, 10)
	if name := eval[string](b, `document.activeElement.getAttribute("aria-label")`); name != "Copy link to: What is psychodynamic therapy?" {
		t.Errorf("Copy link's accessible name is %q", name)
	}
	b.run(chromedp.KeyEvent(kb.Enter))
	b.waitFor("the copy status", `document.querySelector("#what-is .faq-copy-status").textContent !== ""`)
	msg := eval[string](b, `document.querySelector("#what-is .faq-copy-status").textContent`)
	if msg == "Link copied." {
		got := eval[string](b, `navigator.clipboard.readText().catch(e => "unreadable: " + e.name)`)
		if strings.HasPrefix(got, "unreadable: ") {
			t.Logf("the clipboard cannot be read back here (%s)", got)
		} else if got != s.URL+"/faq#what-is" {
			t.Errorf("clipboard holds %q", got)
		}
	} else if h := eval[string](b, `location.hash`); h != "#what-is" {
		t.Errorf("the copy failed (%q) and the address bar does not hold the link (hash %q)", msg, h)
	}

	// Shift+Tab back to the search box, filter, and expand what matches.
	faqTabTo(b, `document.activeElement.id === "faq-search"`, -30)
	b.run(chromedp.KeyEvent("homework"), sleep(300))
	faqTabTo(b, `document.activeElement.textContent === "Expand all"`, 5)
	b.run(chromedp.KeyEvent(kb.Enter))
	b.waitFor("the matching answer to open", `document.getElementById("homework").open`)
	faqTabTo(b, `document.activeElement.textContent === "Collapse all"`, 3)
	b.run(chromedp.KeyEvent(" "))
	b.waitFor("every answer to close", `document.querySelectorAll("details.faq-item[open]").length === 0`)
}

func TestFAQAnswerOpenedBeforeTheAppStaysOpen(t *testing.T) {
	t.Parallel()
	s := startSite(t, holdingWasm())
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/faq")
	// The server writes the search box disabled, for a browser without
	// scripts; boot.js makes it live, to start the app when it is used.
	if eval[bool](b, `document.getElementById("faq-search").disabled`) || !eval[bool](b, `document.getElementById("faq-search").hasAttribute("data-needs-app")`) {
		t.Error("before the app, the search box is not live and waiting to start it")
	}
	// Before the app: details works without script.
	b.run(clickJS(`#evidence > summary`))
	b.waitFor("the answer to open without the app", `document.getElementById("evidence").open`)
	y := eval[float64](b, `(() => { document.getElementById("evidence").scrollIntoView({block: "start"}); return window.scrollY; })()`)
	s.release()
	b.waitApp()
	b.run(sleep(400))
	if !faqOpen(b, "evidence") {
		t.Error("the answer opened before the app closed when it mounted")
	}
	if n := faqCountOpen(b); n != 1 {
		t.Errorf("%d answers open after mount, want 1", n)
	}
	if got := eval[float64](b, `window.scrollY`); got < y-2 || got > y+2 {
		t.Errorf("scroll moved from %.0f to %.0f when the app mounted", y, got)
	}
	if eval[bool](b, `document.getElementById("faq-search").disabled`) {
		t.Error("the search box is still disabled after mount")
	}
	// The app knows it is open: Collapse all closes it.
	b.run(clickJS(`.faq-buttons button:last-child`))
	b.waitFor("the answer to close", `!document.getElementById("evidence").open`)
}

// The prerendered page holds every question and answer, readable and
// expandable without the app, and JSON-LD that parses and agrees with them.
func TestFAQPrerenderedHTMLHoldsEveryQuestionAndAnswer(t *testing.T) {
	t.Parallel()
	items := faqContent(t)
	s := startSite(t)
	res, err := http.Get(s.URL + "/faq")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	page := string(body)

	ld := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if ld == nil {
		t.Fatal("no JSON-LD in /faq")
	}
	var data struct {
		Type       string `json:"@type"`
		MainEntity []struct {
			Name           string `json:"name"`
			AcceptedAnswer struct {
				Text string `json:"text"`
			} `json:"acceptedAnswer"`
		} `json:"mainEntity"`
	}
	if err := json.Unmarshal([]byte(ld[1]), &data); err != nil {
		t.Fatalf("the JSON-LD does not parse: %v", err)
	}
	if data.Type != "FAQPage" || len(data.MainEntity) != len(items) {
		t.Fatalf("JSON-LD is a %q with %d questions, want a FAQPage with %d", data.Type, len(data.MainEntity), len(items))
	}

	main := page[strings.Index(page, "<main"):strings.Index(page, "</main>")]
	text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(main, " "))
	// White space is compared loosely here (tags became spaces); the exact
	// comparison is TestFAQStructuredDataMatchesTheVisibleQuestionsAndAnswers in app/ui.
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	flat := squash(text)
	for i, it := range items {
		if !regexp.MustCompile(`<details[^>]* id="` + it.ID + `"`).MatchString(main) {
			t.Errorf("no <details id=%q>", it.ID)
		}
		if !strings.Contains(main, ">"+html.EscapeString(it.Question)+"</h2>") {
			t.Errorf("question %q is not a heading in the page", it.Question)
		}
		if !strings.Contains(flat, squash(it.Text)) {
			t.Errorf("the answer to %q is not in the page", it.ID)
		}
		if q := data.MainEntity[i]; q.Name != it.Question || q.AcceptedAnswer.Text != it.Text {
			t.Errorf("JSON-LD item %d is %q, want %q with its answer", i, q.Name, it.Question)
		}
	}
	if m := regexp.MustCompile(`<details[^>]* open[ =>]|<[^>]* (open|hidden|disabled)="false"`).FindString(main); m != "" {
		t.Errorf("the prerendered page has %q", m)
	}
}

// faqTabTo presses Tab (Shift+Tab for a negative max) until the predicate
// holds, failing after |max| presses.
func faqTabTo(b *browser, predicate string, max int) {
	b.t.Helper()
	var opts []chromedp.KeyOption
	if max < 0 {
		max = -max
		opts = append(opts, chromedp.KeyModifiers(chromedp.ModifierShift))
	}
	for i := 0; !eval[bool](b, predicate); i++ {
		if i == max {
			b.t.Fatalf("%d Tab presses did not reach %s (focus is on %s)", max, predicate,
				eval[string](b, `document.activeElement.outerHTML.slice(0, 120)`))
		}
		b.run(chromedp.KeyEvent(kb.Tab, opts...))
	}
}

// faqGrantClipboard lets the page write and read the clipboard, as a
// reader's browser does after a click; without it the copy falls back.
func faqGrantClipboard(b *browser, origin string) {
	b.t.Helper()
	for _, name := range []string{"clipboard-write", "clipboard-read"} {
		_, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:    cdpbrowser.PermissionSettingGranted,
			Origin:     origin,
		})
		if err != nil {
			b.t.Logf("granting %s: %v (the copy falls back)", name, err)
		}
	}
}
