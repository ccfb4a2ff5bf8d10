//go:build !js

package browsertest

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"explainer/app/fit"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// hostPage serves a partner's page on another origin (another port) that
// embeds the widgets with /embed.js, the way the embed page tells site
// owners to, plus one same-origin iframe the script was never told about.
func hostPage(t *testing.T, site string) string {
	t.Helper()
	html := `<!doctype html><html lang="en"><head><title>Partner clinic</title><link rel="icon" href="data:,"></head><body>
<h1>A partner's page</h1>
<div id="w-faq" data-explainer-widget="faq"></div>
<div id="w-fit" data-explainer-widget="fit" data-theme="dark"></div>
<div id="w-article" data-explainer-widget="article" data-section="what-a-typical-session-looks-like" data-theme="purple"></div>
<iframe id="rogue" src="` + site + `/embed/article?rogue=1" title="not managed by the script" style="height:300px;width:100%"></iframe>
<script>
window.hostEvents = [];
document.addEventListener("explainer:ready", e => hostEvents.push({type: "ready", detail: e.detail}));
document.addEventListener("explainer:completed", e => hostEvents.push({type: "completed", detail: e.detail}));
</script>
<script src="` + site + `/embed.js"></script>
</body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, html)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// frameFits reports the iframe's height and its content's height.
func frameFits(b *browser, hostSel, urlPart string) (frame, content float64) {
	b.t.Helper()
	frame = eval[float64](b, fmt.Sprintf(`document.querySelector(%q).getBoundingClientRect().height`, hostSel+" iframe"))
	content = evalIn[float64](b, urlPart, `document.body.getBoundingClientRect().height`)
	return frame, content
}

// waitFits waits until the iframe is as tall as its content, within 2 px,
// and checks that nothing scrolls inside it.
func waitFits(b *browser, hostSel, urlPart, when string) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		f, c := frameFits(b, hostSel, urlPart)
		if math.Abs(f-c) <= 2 {
			if evalIn[bool](b, urlPart, `document.documentElement.scrollHeight > innerHeight + 1`) {
				b.t.Errorf("%s %s: the widget scrolls inside its iframe", hostSel, when)
			}
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("%s %s: iframe is %.0f px tall, its content %.0f px", hostSel, when, f, c)
		}
		b.run(sleep(100))
	}
}

func TestEmbedsOnAnotherOriginSizeThemselvesAndTalkSafely(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	host := hostPage(t, s.URL)
	if !strings.HasPrefix(host, "http://127.0.0.1:") || host == s.URL {
		t.Fatalf("host %s must be another origin than the site %s", host, s.URL)
	}
	b := newBrowser(t, 412, 823)
	b.open(host + "/")
	b.waitFor("three widget iframes", `document.querySelectorAll("[data-explainer-widget] iframe").length === 3`)

	// The script made real, titled, lazy iframes and dropped the bad theme.
	attrs := eval[[]string](b, `[...document.querySelectorAll("[data-explainer-widget] iframe")].map(f => f.title + "|" + f.loading + "|" + f.src)`)
	for _, a := range attrs {
		parts := strings.Split(a, "|")
		if parts[0] == "" || parts[1] != "lazy" || !strings.HasPrefix(parts[2], s.URL+"/embed/") {
			t.Errorf("iframe %q: want a title, loading=lazy and the site's /embed/ URL", a)
		}
		if strings.Contains(parts[2], "purple") {
			t.Errorf("an invalid theme reached the iframe URL: %s", parts[2])
		}
	}

	for _, w := range []struct{ sel, url string }{{"#w-faq", "/embed/faq"}, {"#w-fit", "/embed/fit"}, {"#w-article", "section="}} {
		// The iframes load lazily: bring each into view, as a reader would.
		eval[bool](b, fmt.Sprintf(`(document.querySelector(%q).scrollIntoView(), true)`, w.sel))
		b.waitFor(w.url+" to load", fmt.Sprintf(`(() => { const f = document.querySelector(%q); return f && f.style.height && f.style.minHeight === "0px"; })()`, w.sel+" iframe"))
		waitFits(b, w.sel, w.url, "after load")
	}
	// Widgets size independently: the one-section article is shorter than the FAQ.
	fa, _ := frameFits(b, "#w-article", "section=")
	ff, _ := frameFits(b, "#w-faq", "/embed/faq")
	if fa >= ff {
		t.Errorf("one article section (%.0f px) should be shorter than the whole FAQ (%.0f px)", fa, ff)
	}
	if th := evalIn[string](b, "/embed/fit", `document.documentElement.dataset.theme || ""`); th != "dark" {
		t.Errorf("fit widget theme = %q, want dark", th)
	}

	// Opening an FAQ answer grows the iframe to fit, with the app running
	// (started as a reader's intent would).
	for !evalIn[bool](b, "/embed/faq", `!!window.explainerBoot`) {
		b.run(sleep(100))
	}
	evalIn[bool](b, "/embed/faq", `(explainerBoot.start(), true)`)
	for evalIn[string](b, "/embed/faq", `document.documentElement.dataset.app || ""`) != "ready" {
		b.run(sleep(100))
	}
	eval[bool](b, `(document.querySelector("#w-faq").scrollIntoView(), true)`)
	before, _ := frameFits(b, "#w-faq", "/embed/faq")
	evalIn[bool](b, "/embed/faq", `(document.querySelector("details summary").click(), true)`)
	waitFits(b, "#w-faq", "/embed/faq", "after opening an answer")
	if after, _ := frameFits(b, "#w-faq", "/embed/faq"); after <= before {
		t.Errorf("opening an answer did not grow the iframe (%.0f → %.0f px)", before, after)
	}

	// Messages from the host's own origin, or from a same-origin frame the
	// script does not manage, change nothing.
	heights := eval[string](b, `[...document.querySelectorAll("iframe")].map(f => f.style.height).join()`)
	eval[bool](b, `(window.postMessage({source: "psychodynamic-explainer", type: "resize", widget: "faq", height: 5}, "*"), true)`)
	evalIn[bool](b, "rogue=1", `(parent.postMessage({source: "psychodynamic-explainer", type: "resize", widget: "article", height: 5}, "*"), true)`)
	b.run(sleep(300))
	if got := eval[string](b, `[...document.querySelectorAll("iframe")].map(f => f.style.height).join()`); got != heights {
		t.Errorf("a message from another origin or window resized a widget: %s → %s", heights, got)
	}

	// The questionnaire: each step fits, and finishing says so, no more.
	// The reader's first touch starts its app.
	waitIn(b, "boot.js", `!!window.explainerBoot`)
	evalIn[bool](b, "/embed/fit", `(explainerBoot.start().catch(() => {}), true)`)
	for evalIn[string](b, "/embed/fit", `document.documentElement.dataset.app || ""`) != "ready" {
		b.run(sleep(100))
	}
	eval[bool](b, `(document.querySelector("#w-fit").scrollIntoView(), true)`)
	for step := 0; step < 30; step++ {
		done := evalIn[bool](b, "/embed/fit", `!!document.querySelector("[data-fit-result]")`)
		if done {
			break
		}
		evalIn[bool](b, "/embed/fit", `(() => {
			const r = document.querySelector('input[type=radio][value="4"]');
			if (r) r.click();
			document.querySelector("#fit-next, #fit-see-result").click();
			return true;
		})()`)
		b.run(sleep(150))
		waitFits(b, "#w-fit", "/embed/fit", fmt.Sprintf("after step %d", step+1))
	}
	b.waitFor("the completed event", `hostEvents.some(e => e.type === "completed")`)
	// The host did not opt in: finishing is announced, the result is not.
	ev := eval[map[string]any](b, `hostEvents.find(e => e.type === "completed").detail`)
	if ev["widget"] != "fit" || len(ev) != 1 {
		t.Errorf("completed event detail = %v, want only the widget (no result without the host's opt-in)", ev)
	}
	if !eval[bool](b, `hostEvents.some(e => e.type === "ready")`) {
		t.Error("no ready event reached the host")
	}
	raw := evalIn[string](b, "/embed/fit", `JSON.stringify(sessionStorage)`)
	if strings.Contains(eval[string](b, `JSON.stringify(hostEvents)`), raw) && raw != "{}" {
		t.Error("the host received the stored answers")
	}

	// A link that leaves the widget opens a new tab; the widget stays put.
	// Only a tab of this test's own browser context counts: other tests
	// share the browser.
	own := chromedp.FromContext(b.ctx).BrowserContextID
	newTab := chromedp.WaitNewTarget(b.ctx, func(i *target.Info) bool {
		return i.BrowserContextID == own && strings.Contains(i.URL, "/faq")
	})
	// A real click (a scripted one would meet the popup blocker): the
	// link's position is the iframe's plus the link's inside it.
	eval[bool](b, `(document.querySelector("#w-faq").scrollIntoView({block: "end"}), true)`)
	fr := eval[[]float64](b, `(() => { const r = document.querySelector("#w-faq iframe").getBoundingClientRect(); return [r.left, r.top]; })()`)
	lr := evalIn[[]float64](b, "/embed/faq", `(() => { const a = [...document.querySelectorAll(".embed-footer a")].find(a => /full site/.test(a.textContent)); const r = a.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	b.run(chromedp.MouseClickXY(fr[0]+lr[0], fr[1]+lr[1]))
	select {
	case <-newTab:
	case <-time.After(10 * time.Second):
		t.Error("“Open the full site” did not open a new tab")
	}
	if u := eval[string](b, `document.querySelector("#w-faq iframe").src`); !strings.Contains(u, "/embed/faq") {
		t.Errorf("the FAQ iframe navigated away to %s", u)
	}
}

// shareHost serves, on another origin than site (another port), a partner's
// page per case that embeds the fit widget and records every message the
// page receives, as the raw JSON the widget posted.
func shareHost(t *testing.T, site string) string {
	t.Helper()
	record := `<script>
window.msgs = [];
addEventListener("message", e => msgs.push({origin: e.origin, data: JSON.stringify(e.data)}));
</script>`
	script := `<script src="` + site + `/embed.js"></script>`
	pages := map[string]string{
		// The host says nothing: the default.
		"/default": `<div id="w" data-explainer-widget="fit"></div>` + script,
		// The two ways to opt in.
		"/attribute": `<div id="w" data-explainer-widget="fit" data-share-result="band"></div>` + script,
		"/query":     `<iframe id="w" src="` + site + `/embed/fit?share=band" title="Self-reflection" style="width:100%;height:900px;border:0"></iframe>`,
		// Bad values are ignored, and never written into the widget.
		"/bad": `<iframe id="w" src="` + site + `/embed/fit?share=%3Cb%3Eechoed%3C%2Fb%3E" title="Self-reflection" style="width:100%;height:900px;border:0"></iframe>` +
			`<div id="w2" data-explainer-widget="fit" data-share-result="yes"></div>` + script,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html lang="en"><head><title>Partner</title><link rel="icon" href="data:,"></head><body><h1>Partner</h1>`+record+body+`</body></html>`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// waitIn polls a predicate inside the widget's frame.
func waitIn(b *browser, what, expr string) {
	b.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !evalIn[bool](b, "/embed/fit", expr) {
		if time.Now().After(deadline) {
			b.t.Fatalf("waiting in the widget for %s (%s)", what, expr)
		}
		b.run(sleep(50))
	}
}

// shareNoticeShown reports whether the notice that the host learns the
// result band is on the widget's page and visible.
func shareNoticeShown(b *browser) bool {
	b.t.Helper()
	return evalIn[bool](b, "/embed/fit", `(() => { const el = document.querySelector(".fit-share-notice"); if (!el) return false; const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden" && /never told your answers/.test(el.textContent); })()`)
}

// TestEmbedFitSharesTheResultBandOnlyWhenTheHostOptsIn: the questionnaire
// promises that nothing the reader enters leaves the device. By default the
// host page hears that a reader finished and nothing else. A host that opts
// in (data-share-result="band" on the placeholder, or share=band on the
// iframe's URL) hears the band, never the answers, and the reader is told so
// at the start, on the last step before the result, and above the result.
func TestEmbedFitSharesTheResultBandOnlyWhenTheHostOptsIn(t *testing.T) {
	t.Parallel()
	d := fitDefinition(t)
	answers := fit.Answers{}
	for i, st := range d.Statements {
		answers[st.ID] = fit.Answer(1 + (i*3)%5)
	}
	want, err := d.Score(answers)
	if err != nil {
		t.Fatal(err)
	}
	s := startSite(t)
	host := shareHost(t, s.URL)
	if !strings.HasPrefix(host, "http://127.0.0.1:") || host == s.URL {
		t.Fatalf("host %s must be another origin than the site %s", host, s.URL)
	}
	for _, tc := range []struct {
		page  string
		share bool
	}{{"/default", false}, {"/attribute", true}, {"/query", true}, {"/bad", false}} {
		t.Run(strings.TrimPrefix(tc.page, "/"), func(t *testing.T) {
			b := newBrowser(t, 412, 823)
			b.open(host + tc.page)
			b.waitFor("the widget's iframe", `!!document.querySelector("#w iframe, iframe#w")`)
			eval[bool](b, `(document.querySelector("#w").scrollIntoView(), true)`)
			for {
				if id, ok := b.frameContext("/embed/fit"); ok && id != 0 {
					break
				}
				b.run(sleep(100))
			}
			// The reader's first touch of the questionnaire starts the app.
			waitIn(b, "boot.js", `!!window.explainerBoot`)
			evalIn[bool](b, "/embed/fit", `(explainerBoot.start().catch(() => {}), true)`)
			waitIn(b, "the app", `document.documentElement.dataset.app === "ready"`)

			if tc.page == "/bad" {
				if html := evalIn[string](b, "/embed/fit", `document.documentElement.outerHTML`); strings.Contains(html, "echoed") {
					t.Error("the bad share value was written into the widget")
				}
				if src := eval[string](b, `(document.querySelector("#w2 iframe") || {}).src || ""`); src == "" || strings.Contains(src, "share") {
					t.Errorf("data-share-result=\"yes\" must be ignored; the iframe URL is %q", src)
				}
			}
			// Before anything is answered: told, or not a word about it.
			if got := shareNoticeShown(b); got != tc.share {
				t.Errorf("at the start, the notice that the site learns the band shown: %v, want %v", got, tc.share)
			}
			// Without the opt-in, the reader is told exactly what the host
			// learns instead: the height, and that they reached a result.
			if !tc.share && !evalIn[bool](b, "/embed/fit", `(() => { const el = document.querySelector(".fit-host-notice"); return !!el && el.getBoundingClientRect().height > 0 && /never told your answers or your result/.test(el.textContent); })()`) {
				t.Error("at the start, the reader is not told what the host page learns")
			}
			for i, st := range d.Statements {
				waitIn(b, fmt.Sprintf("statement %d", i+1), fmt.Sprintf(`document.querySelector("#fit-legend") && document.querySelector("#fit-legend").textContent === %q`, st.Text))
				evalIn[bool](b, "/embed/fit", fmt.Sprintf(`(document.querySelector("#fit-%s-%d").click(), document.querySelector("#fit-next").click(), true)`, st.ID, answers[st.ID]))
			}
			waitIn(b, "the review", `!!document.querySelector("#fit-see-result")`)
			if got := shareNoticeShown(b); got != tc.share {
				t.Errorf("on the step before the result, the notice shown: %v, want %v", got, tc.share)
			}
			if n := eval[int](b, `msgs.filter(m => JSON.parse(m.data).type === "completed").length`); n != 0 {
				t.Fatalf("%d completed messages before the result", n)
			}
			evalIn[bool](b, "/embed/fit", `(document.querySelector("#fit-see-result").click(), true)`)
			waitIn(b, "the result", `!!document.querySelector("#fit-result-title")`)
			b.waitFor("the completed message", `msgs.some(m => JSON.parse(m.data).type === "completed")`)
			b.run(sleep(300))

			if got := evalIn[string](b, "/embed/fit", `document.querySelector("#fit-result-title").textContent`); got != want.Band.Title {
				t.Fatalf("the widget shows %q, the engine gives %q", got, want.Band.Title)
			}
			if got := shareNoticeShown(b); got != tc.share {
				t.Errorf("on the result, the notice shown: %v, want %v", got, tc.share)
			}
			if tc.share && !evalIn[bool](b, "/embed/fit", `document.querySelector(".fit-share-notice").getBoundingClientRect().bottom <= document.querySelector("#fit-result-title").getBoundingClientRect().top`) {
				t.Error("the notice is not above the result")
			}

			msgs := eval[[]map[string]string](b, `msgs`)
			var completed []map[string]any
			for _, m := range msgs {
				if m["origin"] != s.URL {
					continue
				}
				var data map[string]any
				if err := json.Unmarshal([]byte(m["data"]), &data); err != nil {
					t.Fatalf("message %s: %v", m["data"], err)
				}
				for k := range data {
					if !slices.Contains([]string{"source", "type", "widget", "height", "band"}, k) {
						t.Errorf("message carries %q: %s", k, m["data"])
					}
				}
				// Not one answer: no statement id, no encoded answer.
				for _, st := range d.Statements {
					if strings.Contains(m["data"], st.ID) {
						t.Errorf("message names the statement %q: %s", st.ID, m["data"])
					}
				}
				if strings.Contains(m["data"], fit.Encode(answers)) || strings.Contains(m["data"], "=") {
					t.Errorf("message carries answers: %s", m["data"])
				}
				if data["type"] == "completed" {
					completed = append(completed, data)
				}
			}
			if len(completed) != 1 {
				t.Fatalf("%d completed messages, want one: %v", len(completed), msgs)
			}
			c := completed[0]
			band, has := c["band"]
			switch {
			case tc.share && (!has || band != want.Band.ID):
				t.Errorf("opted in: completed = %v, want the band %q", c, want.Band.ID)
			case !tc.share && has:
				t.Errorf("no opt-in: completed = %v carries the band", c)
			case c["widget"] != "fit" || c["source"] != "psychodynamic-explainer":
				t.Errorf("completed = %v", c)
			}
			if tc.page == "/attribute" {
				if src := eval[string](b, `document.querySelector("#w iframe").src`); !strings.Contains(src, "share=band") {
					t.Errorf("embed.js did not pass the opt-in on: %s", src)
				}
			}
			t.Logf("%s: completed = %v", tc.page, c)
		})
	}
}
