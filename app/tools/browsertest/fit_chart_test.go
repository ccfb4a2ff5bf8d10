//go:build !js

package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"explainer/app/fit"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// fitOpenResult stores the answers and reloads into the result step.
func fitOpenResult(b *browser, base string, d *fit.Definition, ans fit.Answers) {
	b.t.Helper()
	b.open(base + "/fit")
	b.waitApp()
	eval[bool](b, fmt.Sprintf(`(() => { sessionStorage.setItem("explainer.fit.v1", %q); sessionStorage.setItem("explainer.fit.v1.step", "%d"); return true; })()`,
		fit.Encode(ans), len(d.Statements)+1))
	b.run(chromedp.Reload())
	b.waitApp()
	b.waitFor("the result", `!!document.querySelector("#fit-result-title")`)
}

// TestFitResultChartCountsTheReadersAnswers holds the result's chart to
// fit.Lean: one square per statement in each direction, drawn as agreed,
// rated lower or not rated; "Not sure" and "Doesn't apply to me" as such;
// a sentence under each row that says the same in words; after the band
// text (the safety line stays first); colours from the theme, so light and
// dark differ; no score, no gauge; and all of it in print.
func TestFitResultChartCountsTheReadersAnswers(t *testing.T) {
	t.Parallel()
	d := fitDefinition(t)
	s := startSite(t)
	for _, set := range fitAnswerSets[:3] {
		t.Run(set.name, func(t *testing.T) {
			l, err := d.Lean(set.answers)
			if err != nil {
				t.Fatal(err)
			}
			r, _ := d.Score(set.answers)
			b := newBrowser(t, 412, 823)
			fitOpenResult(b, s.URL, d, set.answers)

			order := eval[string](b, `(() => {
				const q = s => document.querySelector(s);
				const c = q(".fit-result .fit-chart"), band = q(".fit-band-text"), safety = q(".fit-result-safety");
				if (!c) return "no chart";
				if (!(band.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING)) return "chart before the band text";
				if (!(safety.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING)) return "chart before the safety line";
				if (c.querySelector("meter, progress")) return "a gauge in the chart";
				return "ok";
			})()`)
			if order != "ok" {
				t.Fatal(order)
			}

			count := func(side, class string) int {
				return eval[int](b, fmt.Sprintf(`document.querySelectorAll('.fit-chart-row[data-side=%q] svg rect.%s').length`, side, class))
			}
			words := func(side string) string {
				return eval[string](b, fmt.Sprintf(`document.querySelector('.fit-chart-row[data-side=%q] .fit-chart-words').innerText`, side))
			}
			for _, sd := range []struct {
				id   string
				side fit.Side
			}{{"toward", l.Toward}, {"structured", l.Structured}} {
				got := [3]int{count(sd.id, "fit-chart-agreed"), count(sd.id, "fit-chart-lower"), count(sd.id, "fit-chart-not-rated")}
				want := [3]int{sd.side.Agreed, sd.side.Rated - sd.side.Agreed, sd.side.NotRated()}
				if got != want {
					t.Errorf("%s squares (agreed, lower, not rated) = %v, want %v", sd.id, got, want)
				}
				w := words(sd.id)
				if lead := fmt.Sprintf("You agreed with %d of these %d statement", sd.side.Agreed, sd.side.Statements); !strings.HasPrefix(w, lead) {
					t.Errorf("%s words %q do not start %q", sd.id, w, lead)
				}
			}
			if got, want := [2]int{count("skipped", "fit-chart-not-sure"), count("skipped", "fit-chart-not-apply")}, [2]int{l.NotSure, l.NotApply}; got != want {
				t.Errorf("not sure, doesn't apply squares = %v, want %v", got, want)
			}
			if w := words("skipped"); l.NotSure+l.NotApply > 0 && (!strings.Contains(w, "count for neither side") ||
				l.NotSure > 0 && !strings.Contains(w, d.NotSureLabel) || l.NotApply > 0 && !strings.Contains(w, d.NotApplyLabel)) {
				t.Errorf("the skipped row says %q for %d not sure and %d doesn't apply", w, l.NotSure, l.NotApply)
			}

			// The squares are hidden from screen readers; the words are not.
			if n := eval[int](b, `[...document.querySelectorAll(".fit-chart svg")].filter(s => s.getAttribute("aria-hidden") !== "true").length`); n > 0 {
				t.Errorf("%d chart SVGs are exposed to screen readers", n)
			}
			text := eval[string](b, `document.querySelector(".fit-chart").innerText`)
			if strings.Contains(text, "%") || strings.Contains(text, "100") || strings.Contains(text, fmt.Sprintf(" %d ", r.Score)) && r.Score > 14 {
				t.Errorf("the chart shows a score: %q", text)
			}

			fill := func() [2]string {
				v := eval[[]string](b, `(() => { const r = document.querySelector(".fit-chart rect.fit-chart-agreed") || document.querySelector(".fit-chart-key rect.fit-chart-agreed");
					const probe = document.createElement("span"); probe.style.color = "var(--accent)"; document.body.append(probe);
					const want = getComputedStyle(probe).color; probe.remove(); return [getComputedStyle(r).fill, want]; })()`)
				return [2]string{v[0], v[1]}
			}
			b.media(map[string]string{"prefers-color-scheme": "light"})
			light := fill()
			b.media(map[string]string{"prefers-color-scheme": "dark"})
			dark := fill()
			if light[0] != light[1] || dark[0] != dark[1] || light[0] == dark[0] {
				t.Errorf("agreed squares are not the theme's accent: light %v, dark %v (fill, accent)", light, dark)
			}

			if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			for _, sel := range []string{".fit-chart", ".fit-chart-row[data-side=toward] svg", ".fit-chart-row[data-side=structured] .fit-chart-words"} {
				if !eval[bool](b, fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el) return false; const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; })()`, sel)) {
					t.Errorf("the printed result lacks %s", sel)
				}
			}
		})
	}
}
