//go:build !js

package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/chromedp"
)

// phoneScreens are the phones the first screen is checked on: a common
// Android phone, and the same phone's height at the narrowest width the
// site supports (WCAG reflow; a narrow phone, or larger text). At 320×640
// the site's header alone takes 163 px and the second answer cannot fit.
var phoneScreens = [][2]int{{412, 823}, {320, 823}}

// fitFirstScreen reports what of the first statement is not within the
// first screen, unscrolled and uncovered: its legend and its first two
// answers. Empty means all of it is.
const fitFirstScreen = `(() => {
	const h = innerHeight, bad = [];
	if (scrollY !== 0) bad.push("the page is scrolled to " + scrollY);
	const opts = document.querySelectorAll("#fit .fit-options .fit-option");
	for (const [what, el] of [["the first statement", document.querySelector("#fit-legend")], ["its first answer", opts[0]], ["its second answer", opts[1]]]) {
		if (!el) { bad.push(what + " is missing"); continue; }
		const r = el.getBoundingClientRect();
		if (r.height === 0 || r.top < 0 || r.bottom > h) { bad.push(what + " spans " + Math.round(r.top) + "-" + Math.round(r.bottom) + " of a " + h + " px screen"); continue; }
		const hit = document.elementFromPoint(r.left + Math.min(20, r.width / 2), r.top + r.height / 2);
		if (!hit || !(hit === el || el.contains(hit))) bad.push(what + " is covered by " + (hit ? hit.tagName + "." + hit.className : "nothing"));
	}
	return bad.join("; ");
})()`

// TestFitFirstScreenShowsTheFirstStatement holds /fit's first screen on a
// phone to its job: the reader sees the first statement and its first two
// answers without scrolling, in both themes, on the prerendered page (the
// app held back) and after the app has mounted.
func TestFitFirstScreenShowsTheFirstStatement(t *testing.T) {
	t.Parallel()
	for _, vp := range phoneScreens {
		for _, theme := range a11yThemes {
			t.Run(fmt.Sprintf("%dx%d-%s", vp[0], vp[1], theme), func(t *testing.T) {
				s := startSite(t, holdingWasm())
				b := newBrowser(t, vp[0], vp[1])
				b.media(map[string]string{"prefers-color-scheme": theme})
				b.open(s.URL + "/fit")
				if bad := eval[string](b, fitFirstScreen); bad != "" {
					t.Errorf("before the app: %s", bad)
				}
				s.release()
				b.waitApp()
				if bad := eval[string](b, fitFirstScreen); bad != "" {
					t.Errorf("after mount: %s", bad)
				}
				t.Logf("second answer ends at %v px", eval[float64](b, `document.querySelectorAll("#fit .fit-option")[1].getBoundingClientRect().bottom`))
			})
		}
	}
}

// TestTOCNumberSitsBesideTheFirstLine checks, in the phone's table of
// contents, that the number of an entry that wraps onto two lines sits
// beside its first line, not its last. The number is the list item's
// ::marker, which the DOM cannot measure, so its box comes from DevTools
// (DOM.getBoxModel on the marker pseudo-element); the link's lines are the
// rects of a Range over its text.
func TestTOCNumberSitsBesideTheFirstLine(t *testing.T) {
	t.Parallel()
	s := startSite(t)
	for _, vp := range phoneScreens {
		for _, theme := range a11yThemes {
			t.Run(fmt.Sprintf("%dx%d-%s", vp[0], vp[1], theme), func(t *testing.T) {
				b := newBrowser(t, vp[0], vp[1])
				b.media(map[string]string{"prefers-color-scheme": theme})
				b.open(s.URL + "/")
				b.waitApp()
				// Each entry's line boxes, as [top, bottom] pairs, in page
				// coordinates (the page is scrolled to the top).
				lines := eval[[][][2]float64](b, `(() => {
					document.querySelector(".toc-compact details").open = true;
					scrollTo(0, 0);
					return [...document.querySelectorAll(".toc-compact li")].map(li => {
						const r = document.createRange();
						r.selectNodeContents(li.querySelector("a"));
						const out = [];
						for (const q of r.getClientRects()) {
							if (q.height === 0) continue;
							const last = out[out.length - 1];
							if (last && q.top < last[1] - 1) { last[0] = Math.min(last[0], q.top); last[1] = Math.max(last[1], q.bottom); }
							else out.push([q.top, q.bottom]);
						}
						return out;
					});
				})()`)
				markers := tocMarkers(t, b)
				if len(markers) != len(lines) || len(lines) == 0 {
					t.Fatalf("%d list numbers for %d entries", len(markers), len(lines))
				}
				wrapped := 0
				for i, ls := range lines {
					if len(ls) < 2 {
						continue
					}
					wrapped++
					mid := (markers[i][0] + markers[i][1]) / 2
					first := ls[0]
					if mid < first[0] || mid > first[1] {
						t.Errorf("entry %d: its number's middle is at %.0f px, beside line %s, not the first line %.0f-%.0f",
							i+1, mid, lineOf(ls, mid), first[0], first[1])
					}
				}
				if wrapped == 0 {
					t.Fatalf("no entry wraps onto two lines at %d px: nothing was tested", vp[0])
				}
				t.Logf("%d of %d entries wrap", wrapped, len(lines))
			})
		}
	}
}

// lineOf names the line of ls that holds y, for the failure message.
func lineOf(ls [][2]float64, y float64) string {
	for i, l := range ls {
		if y >= l[0] && y <= l[1] {
			return fmt.Sprint(i + 1)
		}
	}
	return "none"
}

// tocMarkers returns the vertical extent, [top, bottom], of every list
// number in the phone's table of contents, in document order.
func tocMarkers(t *testing.T, b *browser) [][2]float64 {
	t.Helper()
	depth, pierce := int64(-1), false
	doc, err := chromedp.Call(b.ctx, dom.GetDocument, dom.GetDocumentParams{Depth: &depth, Pierce: &pierce})
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]float64
	var walk func(n *cdp.Node, inTOC bool)
	walk = func(n *cdp.Node, inTOC bool) {
		if n.LocalName == "nav" && strings.Contains(attr(n, "class"), "toc-compact") {
			inTOC = true
		}
		if inTOC && n.LocalName == "li" {
			for _, p := range n.PseudoElements {
				if p.PseudoType != cdp.PseudoTypeMarker {
					continue
				}
				bm, err := chromedp.Call(b.ctx, dom.GetBoxModel, dom.GetBoxModelParams{NodeID: p.NodeID})
				if err != nil {
					t.Fatalf("the box of a list number: %v", err)
				}
				q := bm.Model.Content
				out = append(out, [2]float64{min(q[1], q[3], q[5], q[7]), max(q[1], q[3], q[5], q[7])})
			}
		}
		for _, c := range n.Children {
			walk(c, inTOC)
		}
	}
	walk(doc.Root, false)
	return out
}

func attr(n *cdp.Node, name string) string {
	for i := 0; i+1 < len(n.Attributes); i += 2 {
		if n.Attributes[i] == name {
			return n.Attributes[i+1]
		}
	}
	return ""
}
