//go:build !js

package browsertest

import (
	"strings"
	"testing"
)

func TestArticleIsReadableBeforeTheAppAndStaysPutWhenItMounts(t *testing.T) {
	t.Parallel()
	s := startSite(t, holdingWasm())
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")

	// Before the wasm has arrived: the text is there, visible and on top,
	// and a small status says the rest is loading.
	if !onTop(b, ".prose p") {
		t.Fatal("the first paragraph is not visible on top before the wasm has loaded")
	}
	if eval[string](b, `document.querySelector("#wasm-status").getAttribute("role")`) != "status" {
		t.Error("the loading indicator is not a role=status region")
	}
	if eval[bool](b, `document.documentElement.dataset.app === "ready"`) {
		t.Fatal("the app mounted although its wasm was held back")
	}
	b.waitFor("the first contentful paint", `performance.getEntriesByName("first-contentful-paint").length > 0`)
	fcp := eval[float64](b, `performance.getEntriesByName("first-contentful-paint")[0].startTime`)

	// Scroll into the article, start watching layout shifts, then let the app in.
	target := eval[float64](b, `(() => { const h = document.querySelector("#the-role-of-the-therapeutic-relationship"); window.scrollTo({top: h.getBoundingClientRect().top + window.scrollY, behavior: "instant"}); return window.scrollY; })()`)
	eval[bool](b, `(() => { window.__shift = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: "layout-shift"}); return true; })()`)
	b.run(sleep(100))
	s.release()
	b.waitApp()
	b.run(sleep(300))
	mount := eval[float64](b, `performance.now()`)
	t.Logf("first contentful paint %.0f ms (wasm held back); app mounted by %.0f ms after navigation", fcp, mount)

	if y := eval[float64](b, `window.scrollY`); y < target-2 || y > target+2 {
		t.Errorf("scroll position moved from %.0f to %.0f when the app mounted", target, y)
	}
	if shift := eval[float64](b, `window.__shift`); shift > 0.02 {
		t.Errorf("layout shift %.3f when the app mounted, want below 0.02", shift)
	}
	if eval[bool](b, `document.querySelector("#wasm-status") !== null`) {
		t.Error("the loading indicator stayed after the app mounted")
	}
	if !onTop(b, ".prose p") {
		t.Error("the first paragraph is not visible on top after the app mounted")
	}
}

func TestTableOfContentsScrollsToTheSection(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	b := newBrowser(t, 1280, 900)
	b.open(s.URL + "/")
	b.waitApp()
	b.run(clickJS(`.toc-wide a[href="#what-a-typical-session-looks-like"]`))
	b.waitFor("the section to scroll to the top", `(() => { const r = document.querySelector("#what-a-typical-session-looks-like").getBoundingClientRect(); return r.top >= 0 && r.top < 80; })()`)
	if h := eval[string](b, `location.hash`); h != "#what-a-typical-session-looks-like" {
		t.Errorf("location.hash = %q", h)
	}
}

func TestDeepLinkToASectionWorksOnLoadAndAfterMount(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/#who-benefits-most-from-psychodynamic-therapy")
	const near = `(() => { const t = document.querySelector("#who-benefits-most-from-psychodynamic-therapy").getBoundingClientRect().top; return t > -2 && t < 120; })()`
	b.waitFor("the deep-linked section at the top before mount", near)
	b.waitApp()
	b.run(sleep(300))
	b.waitFor("the deep-linked section at the top after mount", near)
}

func TestCompactTableOfContentsOnPhones(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	b.waitApp()
	if eval[bool](b, `getComputedStyle(document.querySelector(".toc-wide")).display !== "none"`) {
		t.Error("the wide table of contents shows on a phone")
	}
	b.run(clickJS(`.toc-compact summary`))
	b.run(clickJS(`.toc-compact a[href="#taking-the-next-step"]`))
	b.waitFor("the section to scroll into view", `(() => { const r = document.querySelector("#taking-the-next-step").getBoundingClientRect(); return r.top >= 0 && r.top < 100; })()`)
}

func TestUnknownPathShowsTheSitesOwn404(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	b := newBrowser(t, 412, 823)
	b.allow("404")
	b.open(s.URL + "/no/such/page")
	b.waitApp()
	if h1 := eval[string](b, `document.querySelector("h1").textContent`); h1 != "Page not found" {
		t.Errorf("h1 = %q after mount", h1)
	}
}

// The article's text and the FAQ answers are static blocks: at start-up the
// app mounts the prerendered HTML of each as one go-app Raw node rather than
// rebuilding it node by node (ui.staticBlock). The reader must not be able to
// tell: the same text and markup after mount, every answer still there (go-app's
// Raw keeps only a first root element), and a link inside an answer still
// navigates inside the app, without reloading the page.
func TestStaticBlocksAreTheSameAfterMountAndTheirLinksStayInTheApp(t *testing.T) {
	t.Parallel()
	s := startSite(t, holdingWasm())
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	const snapshot = `JSON.stringify([...document.querySelectorAll("[data-static]")].map(e => [e.getAttribute("data-static"), e.innerHTML]))`
	before := eval[string](b, snapshot)
	b.run(sleep(50))
	s.release()
	b.waitApp()
	after := eval[string](b, snapshot)
	if !strings.Contains(before, `["article",`) || !strings.Contains(before, `["faq-answer:right-for-me",`) {
		t.Fatalf("the prerendered page lacks the article's or the answers' static blocks: %.200s", before)
	}
	// The snapshot holds every block's key and markup: a block lost,
	// added or changed at mount makes it differ.
	if before != after {
		t.Errorf("the static blocks changed at mount:\nbefore %.300s\nafter  %.300s", before, after)
	}

	eval[bool](b, `window.__sameDocument = true`)
	b.run(clickJS(`#right-for-me > summary`))
	b.run(clickJS(`#right-for-me .faq-answer-text a[href="/fit"]`))
	b.waitFor("the questionnaire", `location.pathname === "/fit" && document.querySelector("legend") !== null`)
	if !eval[bool](b, `window.__sameDocument === true`) {
		t.Error("a link inside an FAQ answer reloaded the page instead of navigating in the app")
	}
}
