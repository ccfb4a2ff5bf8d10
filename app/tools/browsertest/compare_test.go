//go:build !js

package browsertest

import (
	"encoding/json"
	"testing"
)

func mustJSON(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("%v: %s", err, s)
	}
}

// compareState measures the comparison at sel: whether the table and the
// drawing are drawn, their widths, and whether the drawing's text takes
// the theme's text colour.
const compareState = `(sel => { const c = document.querySelector(sel), t = c.querySelector("table"), s = c.querySelector("svg"),
  tr = t.getBoundingClientRect(), sr = s.getBoundingClientRect(), txt = s.querySelector("text");
  return JSON.stringify({table: tr.width, svg: sr.width, svgShown: getComputedStyle(s).display !== "none",
    rowHeaders: [...t.querySelectorAll('th[scope="row"]')].filter(e => e.getBoundingClientRect().width > 50).length,
    caption: t.caption.getBoundingClientRect().width,
    themed: getComputedStyle(txt).fill === getComputedStyle(document.body).color,
    html: c.outerHTML.length, wide: document.documentElement.scrollWidth > innerWidth}); })`

type compareSeen struct {
	Table, SVG, Caption float64
	SVGShown, Themed    bool
	RowHeaders, HTML    int
	Wide                bool
}

// On a phone the comparison is a table with its caption and row headers and
// no drawing; on a desktop it is the drawing (the table stays for screen
// readers). Both before the app has started and after, identical, in the
// article and on /faq, in both themes, with the drawing's colours taken
// from the theme.
func TestComparisonIsATableOnPhonesAndADrawingOnDesktops(t *testing.T) {
	t.Parallel()
	for _, page := range []struct{ path, sel string }{
		{"/", "#how-psychodynamic-therapy-differs-from-cbt ~ .compare"},
		{"/faq#vs-cbt", "#vs-cbt .compare"},
	} {
		s := startSite(t, holdingWasm())
		b := newBrowser(t, 412, 823)
		b.open(s.URL + page.path)
		var before int
		for _, mounted := range []bool{false, true} {
			if mounted {
				s.release()
				b.waitApp()
				b.run(sleep(200))
			}
			for _, theme := range a11yThemes {
				for _, w := range []int64{320, 412, 1280} {
					b.setState(a11yState{theme: theme, width: w, height: 900})
					var got compareSeen
					mustJSON(t, eval[string](b, compareState+`(`+jsString(page.sel)+`)`), &got)
					at := page.path + " " + theme + " " + map[bool]string{false: "before the app", true: "after mount"}[mounted]
					if w < 1000 {
						if got.Table < float64(w)-60 || got.RowHeaders < 5 || got.Caption < 100 || got.SVGShown || got.Wide {
							t.Errorf("%s at %d px: want the table with its caption and row headers, no drawing, no sideways scroll: %+v", at, w, got)
						}
					} else if !got.SVGShown || got.SVG < 500 || got.Table > 1 {
						t.Errorf("%s at %d px: want the drawing and the table only for screen readers: %+v", at, w, got)
					}
					if !got.Themed {
						t.Errorf("%s at %d px: the drawing's text is not in the theme's text colour", at, w)
					}
					if before == 0 {
						before = got.HTML
					} else if got.HTML != before {
						t.Errorf("%s: the comparison's HTML changed (%d bytes, was %d)", at, got.HTML, before)
					}
				}
			}
		}
	}
}
