//go:build !js

package browsertest

import (
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

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

	// Opening an FAQ answer grows the iframe to fit.
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

	// The questionnaire: each step fits, and finishing sends the band only.
	for evalIn[string](b, "/embed/fit", `document.documentElement.dataset.app || ""`) != "ready" {
		b.run(sleep(100))
	}
	eval[bool](b, `(document.querySelector("#w-fit").scrollIntoView(), true)`)
	for step := 0; step < 30; step++ {
		done := evalIn[bool](b, "/embed/fit", `!!document.querySelector("[data-band]")`)
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
	ev := eval[map[string]any](b, `hostEvents.find(e => e.type === "completed").detail`)
	band := evalIn[string](b, "/embed/fit", `document.querySelector("[data-band]").dataset.band`)
	if ev["band"] != band || ev["widget"] != "fit" || len(ev) != 2 {
		t.Errorf("completed event detail = %v, want exactly the widget and band %q", ev, band)
	}
	if !eval[bool](b, `hostEvents.some(e => e.type === "ready")`) {
		t.Error("no ready event reached the host")
	}
	raw := evalIn[string](b, "/embed/fit", `JSON.stringify(sessionStorage)`)
	if strings.Contains(eval[string](b, `JSON.stringify(hostEvents)`), raw) && raw != "{}" {
		t.Error("the host received the stored answers")
	}

	// A link that leaves the widget opens a new tab; the widget stays put.
	newTab := chromedp.WaitNewTarget(b.ctx, func(i *target.Info) bool { return strings.Contains(i.URL, "/faq") })
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
