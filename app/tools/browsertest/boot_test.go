//go:build !js

package browsertest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"explainer/app/fit"
)

// Boot on intent (web/boot.js): the page is read without the app; the app
// starts when the reader reaches for something that needs it, and nothing
// the reader did meanwhile is lost.

// call runs one DevTools command, failing the test on error.
func call[P, R any](b *browser, cmd cdp.Command[P, R], params P) R {
	b.t.Helper()
	r, err := chromedp.Call(b.ctx, cmd, params)
	if err != nil {
		b.t.Fatal(err)
	}
	return r
}

// openAtFirstPaint starts loading u and waits only for its first
// contentful paint, so that the test can act on the page long before the
// load event.
func (b *browser) openAtFirstPaint(u string) {
	b.t.Helper()
	call(b, page.Navigate, page.NavigateParams{URL: u})
	b.waitFor("first paint", `location.href === `+jsString(u)+` && performance.getEntriesByName("first-contentful-paint").length > 0`)
}

// tap presses the element matched by selector with a real (trusted) mouse
// click at its centre, scrolling it into view first, as a finger would.
func (b *browser) tap(selector string) {
	b.t.Helper()
	xy := eval[[]float64](b, fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		if (!el) return [];
		el.scrollIntoView({block: "center", behavior: "instant"});
		const r = el.getBoundingClientRect();
		return [r.left + r.width / 2, r.top + r.height / 2];
	})()`, selector))
	if len(xy) != 2 {
		b.t.Fatalf("nothing to tap at %s", selector)
	}
	b.run(chromedp.MouseClickXY(xy[0], xy[1]))
}

// checkFetchedAfterLoad checks that the page (or one of its workers) asked
// the server for path, and not before its load event had ended: the load
// event's end on the wall clock, which the browser and the server share.
func checkFetchedAfterLoad(t *testing.T, b *browser, s *testSite, path string) {
	t.Helper()
	loadEnd := eval[float64](b, `performance.timeOrigin + performance.getEntriesByType("navigation")[0].loadEventEnd`)
	got := s.requested(path)
	if len(got) == 0 {
		t.Errorf("%s was never fetched", path)
		return
	}
	if at := float64(got[0].UnixMicro()) / 1e3; at < loadEnd {
		t.Errorf("the server got %s %.0f ms before the load event ended", path, loadEnd-at)
	}
}

// bootState is <html data-boot>: light, idle, fetching, compiled,
// starting, ready.
func bootState(b *browser) string {
	return eval[string](b, `document.documentElement.dataset.boot || ""`)
}

// throttle slows the page's CPU by rate, as a mid-range phone's.
func (b *browser) throttle(rate float64) {
	b.t.Helper()
	call(b, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
}

// worstInputDelay is the longest an input event waited for the main thread
// (Event Timing: processingStart - startTime), for the test's log: timings
// are measured by make bench, never asserted.
const eventTimingJS = `(() => {
	window.__delays = [];
	try {
		new PerformanceObserver((l) => l.getEntries().forEach((e) => __delays.push(e.processingStart - e.startTime)))
			.observe({type: "event", durationThreshold: 16, buffered: true});
	} catch (e) {}
})()`

func worstInputDelay(b *browser) float64 {
	return eval[float64](b, `Math.max(0, ...(window.__delays || []))`)
}

// A reader who only reads never waits for the app: nothing of it is
// fetched before the load event, Go does not start, and once the page has
// settled the wasm is fetched and compiled in the background and the
// service worker stores the site for offline use.
func TestAReaderWhoOnlyReadsDoesNotStartTheApp(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	b := newBrowser(t, 412, 823)
	b.open(s.URL + "/")
	b.waitFor("the wasm compiled in the background", `document.documentElement.dataset.boot === "compiled"`)
	b.waitFor("the service worker", `navigator.serviceWorker.getRegistration().then(r => !!(r && r.active))`)
	checkFetchedAfterLoad(t, b, s, "/web/app.wasm")
	if eval[bool](b, `document.documentElement.dataset.app === "ready"`) {
		t.Error("the app started on a page the reader only read")
	}
	if eval[bool](b, `getComputedStyle(document.querySelector("#wasm-status")).display !== "none"`) {
		t.Error("the loading pill shows although the reader asked for nothing")
	}
}

// With Save-Data, no wasm byte is fetched until the reader uses something
// that needs the app; the page says so where it matters; and using it
// starts the app, which then works.
func TestSaveDataFetchesNoAppUntilItIsUsed(t *testing.T) {
	t.Parallel()
	for _, how := range []string{"header", "navigator.connection"} {
		t.Run(how, func(t *testing.T) {
			s := startSite(t)
			b := newBrowser(t, 412, 823)
			if how == "header" {
				saveDataHeader(b)
			} else {
				call(b, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
					Source: `Object.defineProperty(Navigator.prototype, "connection", {get: () => ({saveData: true, effectiveType: "4g", addEventListener() {}})})`})
			}
			for _, path := range []string{"/", "/faq", "/fit"} {
				b.open(s.URL + path)
				b.waitFor("the load event", `document.readyState === "complete"`)
				b.run(sleep(1500)) // time for anything that would start after the load event
				if st := bootState(b); st != "light" {
					t.Errorf("%s: boot state %q, want light", path, st)
				}
				if eval[bool](b, `getComputedStyle(document.querySelector(".light-mode")).display === "none"`) {
					t.Errorf("%s: the light-mode note is hidden", path)
				}
			}
			if r := s.requested("/web/app.wasm"); len(r) != 0 {
				t.Fatalf("the wasm was requested %d times with Save-Data on", len(r))
			}
			if eval[bool](b, `navigator.serviceWorker.getRegistration().then(r => !!r)`) {
				t.Error("a service worker was registered with Save-Data on, before the reader asked")
			}
			// On /fit the note says how it works.
			if note := eval[string](b, `document.querySelector("#fit-note").textContent`); !strings.Contains(note, "loads when you start it") {
				t.Errorf("the questionnaire's note says %q", note)
			}

			// The first tick starts the app; Next, pressed before it is up,
			// is carried over.
			d := fitDefinition(t)
			first := d.Statements[0].ID
			b.tap("#fit-" + first + "-4")
			b.tap("#fit-next")
			b.waitFor("the second statement", `document.querySelector("#fit-legend").textContent === `+jsString(d.Statements[1].Text))
			if len(s.requested("/web/app.wasm")) == 0 {
				t.Error("the questionnaire answered, yet the server never sent the wasm")
			}
			if got := storedAnswers(t, b, d); got[first] != 4 || len(got) != 1 {
				t.Errorf("stored answers %v, want %s=4", got, first)
			}
		})
	}
}

// "Keep for offline use" in light mode stores the whole site.
func TestSaveDataKeepForOfflineUse(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	b := newBrowser(t, 412, 823)
	saveDataHeader(b)
	b.open(s.URL + "/faq")
	b.waitFor("the load event", `document.readyState === "complete"`)
	b.tap(".light-keep")
	b.waitFor("the site kept for offline use", `/Kept for offline use/.test(document.querySelector(".light-kept").textContent)`)
	stored := eval[bool](b, `caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.match("/web/app.wasm"))))).then(rs => rs.some(Boolean))`)
	if !stored {
		t.Error("the wasm is not in the offline cache after Keep for offline use")
	}
	if eval[bool](b, `document.documentElement.dataset.app === "ready"`) {
		t.Error("keeping the site for offline use started the app")
	}
}

// saveDataHeader makes the browser send Save-Data: on with every request.
func saveDataHeader(b *browser) {
	call(b, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Save-Data": "on"}})
}

// storedAnswers reads the questionnaire's answers as the app stored them.
func storedAnswers(t *testing.T, b *browser, d *fit.Definition) fit.Answers {
	t.Helper()
	enc := eval[string](b, `sessionStorage.getItem("explainer.fit.v1") || ""`)
	ans, err := fit.Decode(d, enc)
	if err != nil {
		t.Fatalf("stored answers %q: %v", enc, err)
	}
	return ans
}

// pause waits one of a fixed sequence of irregular intervals.
func pause(b *browser, r *rand.Rand, max int) {
	b.run(sleep(r.IntN(max) + 1))
}

// Taps, ticks and keystrokes made from the first paint until well after
// the app is up, on a CPU slowed as a phone's, each take effect exactly
// once: before the app (the browser's own behaviour), while it downloads
// and starts (carried over when it mounts) and after.
func TestNoTapIsLostWhileTheAppStarts(t *testing.T) {
	t.Parallel()
	t.Run("faq", func(t *testing.T) {
		s := startSite(t, holdingWasm())
		b := newBrowser(t, 412, 823)
		b.throttle(4)
		b.openAtFirstPaint(s.URL + "/faq")
		eval[bool](b, eventTimingJS+`, true`)
		const query = "therapy"
		ids := eval[[]string](b, `[...document.querySelectorAll("details.faq-item")]
			.filter(d => d.textContent.toLowerCase().includes("`+query+`")).slice(0, 5).map(d => d.id)`)
		if len(ids) < 5 {
			t.Fatalf("only %d questions mention %q", len(ids), query)
		}
		r := rand.New(rand.NewPCG(15, 4))
		toggles := map[string]int{}
		var phases []string
		typed := 0
		toggle := func(i int) {
			id := ids[i%len(ids)]
			phases = append(phases, bootState(b))
			b.tap("#" + id + " > summary")
			toggles[id]++
		}
		typeNext := func() {
			phases = append(phases, bootState(b))
			b.tap("#faq-search")
			b.run(chromedp.KeyEvent(query[typed : typed+1]))
			typed++
		}
		// Before the app: answers open and close natively.
		toggle(0)
		pause(b, r, 300)
		toggle(1)
		pause(b, r, 300)
		toggle(0)
		// The search box is the intent: the app starts, its download held.
		typeNext()
		pause(b, r, 200)
		toggle(2)
		typeNext()
		s.release()
		// While it downloads, starts and mounts, and after: keep going.
		for i := 3; typed < len(query); i++ {
			pause(b, r, 250)
			if i%2 == 0 {
				toggle(i)
			} else {
				typeNext()
			}
		}
		b.waitApp()
		toggle(4)
		b.run(sleep(800))

		if v := eval[string](b, `document.querySelector("#faq-search").value`); v != query {
			t.Errorf("search box holds %q, want %q (each key once)", v, query)
		}
		// The app answers the search: the count is of the matches, and an
		// answer that does not mention the query is hidden.
		if c := eval[string](b, `document.querySelector("#faq-count").textContent`); !strings.Contains(c, "of 20 questions match") {
			t.Errorf("the count does not answer the search: %q", c)
		}
		hidden := eval[int](b, `[...document.querySelectorAll("details.faq-item")].filter(d => d.hidden).length`)
		others := eval[int](b, `[...document.querySelectorAll("details.faq-item")].filter(d => !d.textContent.toLowerCase().includes("`+query+`")).length`)
		if hidden == 0 || hidden > others {
			t.Errorf("%d answers hidden by the search, %d do not mention %q", hidden, others, query)
		}
		for _, id := range ids {
			want := toggles[id]%2 == 1
			if got := eval[bool](b, `document.getElementById(`+jsString(id)+`).open`); got != want {
				t.Errorf("%s: open %v after %d presses, want %v", id, got, toggles[id], want)
			}
		}
		t.Logf("phases of the actions: %v; worst input delay %.0f ms (4× CPU; make bench measures it)", phases, worstInputDelay(b))
	})

	t.Run("fit", func(t *testing.T) {
		s := startSite(t, holdingWasm())
		b := newBrowser(t, 412, 823)
		b.throttle(4)
		d := fitDefinition(t)
		st := d.Statements
		b.openAtFirstPaint(s.URL + "/fit")
		eval[bool](b, eventTimingJS+`, true`)
		r := rand.New(rand.NewPCG(15, 3))
		want := fit.Answers{}
		var phases []string
		tick := func(i int, a fit.Answer) {
			sel := fmt.Sprintf("#fit-%s-%d", st[i].ID, a)
			b.waitFor("statement "+st[i].ID, `!!document.querySelector(`+jsString(sel)+`)`)
			phases = append(phases, bootState(b))
			b.tap(sel)
			want[st[i].ID] = a
		}
		next := func() {
			phases = append(phases, bootState(b))
			b.tap("#fit-next")
		}
		// Before the app: the first statement's radios work natively; a
		// change of mind, then Next, pressed twice (the second skips the
		// next statement, as it would with the app running).
		tick(0, 3)
		pause(b, r, 300)
		tick(0, 5)
		next()
		pause(b, r, 200)
		next()
		s.release()
		// Then every statement as soon as it shows, at irregular moments.
		for i := 2; i < 6; i++ {
			tick(i, fit.Answer(1+r.IntN(5)))
			pause(b, r, 200)
			if i == 3 {
				// A change of mind to the statement's last "no answer"
				// choice ("Not sure" or "Doesn't apply to me").
				c := st[i].Choices()
				tick(i, c[len(c)-1])
			}
			next()
		}
		b.waitFor("statement 7", `document.querySelector("#fit-legend").textContent === `+jsString(st[6].Text))
		b.run(sleep(500))
		if got := storedAnswers(t, b, d); fit.Encode(got) != fit.Encode(want) {
			t.Errorf("stored answers %s, want %s", fit.Encode(got), fit.Encode(want))
		}
		if step := eval[string](b, `sessionStorage.getItem("explainer.fit.v1.step")`); step != "6" {
			t.Errorf("step %s, want 6 (every Next once)", step)
		}
		t.Logf("phases of the actions: %v; worst input delay %.0f ms (4× CPU; make bench measures it)", phases, worstInputDelay(b))
	})
}

// The page names only boot.js: go-app's scripts and links.js are not
// fetched alongside the page, where they shared the link with it and ran
// before its first paint, but by boot.js after the load event (here, to
// register the service worker, which needs app.js). With Save-Data they are
// not fetched at all until the reader asks for the app.
func TestBootLoadsTheAppScriptsOnlyAfterTheLoadEvent(t *testing.T) {
	t.Parallel()
	scripts := []string{"/web/links.js", "/wasm_exec.js", "/app.js"}
	t.Run("read-only visit", func(t *testing.T) {
		s := startSite(t)
		b := newBrowser(t, 412, 823)
		b.open(s.URL + "/")
		b.waitFor("the service worker", `navigator.serviceWorker.getRegistration().then(r => !!(r && r.active))`)
		for _, p := range scripts {
			checkFetchedAfterLoad(t, b, s, p)
		}
		if eval[bool](b, `document.documentElement.dataset.app === "ready"`) {
			t.Error("the app started on a page the reader only read")
		}
	})
	t.Run("save-data", func(t *testing.T) {
		s := startSite(t)
		b := newBrowser(t, 412, 823)
		saveDataHeader(b)
		b.open(s.URL + "/fit")
		b.waitFor("the load event", `document.readyState === "complete"`)
		b.run(sleep(1500))
		for _, p := range scripts {
			if n := len(s.requested(p)); n != 0 {
				t.Errorf("with Save-Data, %s was fetched %d times before the reader asked for anything", p, n)
			}
		}
		b.tap("#fit-" + fitDefinition(t).Statements[0].ID + "-4")
		b.waitApp()
		for _, p := range scripts {
			if len(s.requested(p)) == 0 {
				t.Errorf("the app started without %s", p)
			}
		}
	})
}

// The browser's install prompt may come before boot.js has loaded app.js
// (with Save-Data, not until the reader asks): boot.js keeps it, offers the
// install, and hands it to app.js's deferredPrompt once app.js is there, so
// that go-app (and the app, once it runs) can show it.
func TestInstallPromptBeforeAppJSIsHandedOver(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	b := newBrowser(t, 412, 823)
	saveDataHeader(b)
	// Chromium's own prompt, once the worker is registered, would take the
	// place of the test's; only the test's reaches the page.
	call(b, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `addEventListener("beforeinstallprompt", (e) => { if (e.isTrusted) e.stopImmediatePropagation(); }, true)`})
	b.open(s.URL + "/")
	b.waitFor("boot.js", `!!window.explainerBoot`)
	if eval[bool](b, `typeof goappIsAppInstallable === "function"`) {
		t.Fatal("app.js loaded in light mode before the reader asked")
	}
	if !eval[bool](b, `(() => {
		const e = new Event("beforeinstallprompt", {cancelable: true});
		e.prompt = () => { window.__prompted = true; };
		e.userChoice = Promise.resolve({outcome: "dismissed"});
		window.dispatchEvent(e);
		return e.defaultPrevented;
	})()`) {
		t.Error("the install prompt was not deferred before app.js loaded")
	}
	b.waitFor("the install offer", `!!document.querySelector(".install-offer")`)
	eval[bool](b, `(explainerBoot.keepOffline(), true)`)
	b.waitFor("app.js", `typeof goappIsAppInstallable === "function"`)
	if !eval[bool](b, `goappIsAppInstallable()`) {
		t.Error("app.js did not get the install prompt caught before it loaded")
	}
	// go-app shows the prompt it was handed.
	eval[bool](b, `(goappShowInstallPrompt(), true)`)
	b.waitFor("the prompt shown", `window.__prompted === true`)
}

// On a slow network the page's text is painted long before any of its
// scripts arrive. What a reader does in that time with real clicks and
// keys (a tick, an opened answer, a search typed) is still there once the
// scripts have run and the app has mounted: none of it is taken for a
// browser's restored form state and reset, and the app answers it.
func TestEveryEarlyInteractionIsKept(t *testing.T) {
	t.Run("fit", func(t *testing.T) {
		s := startSite(t, holdingScripts())
		b := newBrowser(t, 412, 823)
		d := fitDefinition(t)
		first := d.Statements[0].ID
		b.openAtFirstPaint(s.URL + "/fit")
		if eval[bool](b, `!!window.explainerBoot`) {
			t.Fatal("boot.js ran although every script was held back")
		}
		radio := "#fit-" + first + "-4"
		b.tap(radio)
		if !eval[bool](b, `document.querySelector(`+jsString(radio)+`).checked`) {
			t.Fatal("the tick did not take before the scripts arrived")
		}
		s.release()
		b.waitApp()
		b.run(sleep(500))
		if !eval[bool](b, `document.querySelector(`+jsString(radio)+`).checked`) {
			t.Error("the answer ticked before the scripts arrived is no longer ticked once the app is up")
		}
		if got := storedAnswers(t, b, d); got[first] != 4 || len(got) != 1 {
			t.Errorf("stored answers %v, want %s=4", got, first)
		}
	})

	t.Run("faq", func(t *testing.T) {
		s := startSite(t, holdingScripts())
		b := newBrowser(t, 412, 823)
		b.openAtFirstPaint(s.URL + "/faq")
		if eval[bool](b, `!!window.explainerBoot`) {
			t.Fatal("boot.js ran although every script was held back")
		}
		b.tap("#evidence > summary")
		if !faqOpen(b, "evidence") {
			t.Fatal("the answer did not open before the scripts arrived")
		}
		// The search box takes text at once and says when it will answer.
		if eval[bool](b, `document.getElementById("faq-search").disabled`) {
			t.Fatal("before the scripts arrive the search box cannot be typed in")
		}
		if c := eval[string](b, `document.getElementById("faq-count").textContent`); !strings.Contains(c, "once the page has loaded") {
			t.Errorf("before the scripts arrive the search does not say when it will answer: %q", c)
		}
		const query = "dream"
		b.tap("#faq-search")
		b.run(chromedp.KeyEvent(query))
		if v := eval[string](b, `document.getElementById("faq-search").value`); v != query {
			t.Fatalf("typed %q before the scripts arrived, the box holds %q", query, v)
		}
		s.release()
		b.waitApp()
		b.run(sleep(500))
		// Open, though the search now hides it: it does not mention the query.
		if !eval[bool](b, `document.getElementById("evidence").open`) {
			t.Error("the answer opened before the scripts arrived closed once the app is up")
		}
		if v := eval[string](b, `document.getElementById("faq-search").value`); v != query {
			t.Errorf("the search box holds %q once the app is up, want %q", v, query)
		}
		if c := eval[string](b, `document.getElementById("faq-count").textContent`); !strings.Contains(c, "of 20 questions") {
			t.Errorf("the app does not answer the search typed before it: %q", c)
		}
		if id := eval[string](b, `document.activeElement.id`); id != "faq-search" {
			t.Errorf("focus is on %q once the app is up, not in the search box the reader was typing in", id)
		}
	})
}
