//go:build !js

package browsertest

import (
	"strings"
	"testing"
)

// TestSourcesCitationLeadsToItsEntry: a reader on a phone opens the FAQ's
// answer on evidence, taps the citation "Shedler 2010" and lands on its
// entry on /sources, on screen, with its link to the publisher there to
// follow (the page itself fetches nothing from that site: the harness fails
// any request to another origin). Before the app and after it.
func TestSourcesCitationLeadsToItsEntry(t *testing.T) {
	s := startSite(t)
	for _, mounted := range []bool{false, true} {
		name := "prerendered"
		if mounted {
			name = "mounted"
		}
		t.Run(name, func(t *testing.T) {
			b := newBrowser(t, 412, 823)
			b.open(s.URL + "/faq")
			if mounted {
				b.waitApp()
			}
			b.tap(`#evidence summary`)
			b.waitFor("the answer on evidence to open", `document.getElementById("evidence").open`)
			b.tap(`#evidence a.cite[href="/sources#shedler-2010"]`)
			b.waitFor("the entry on /sources", `location.pathname === "/sources" && location.hash === "#shedler-2010" && !!document.getElementById("shedler-2010")`)
			b.waitFor("the entry on screen", `(() => { const r = document.getElementById("shedler-2010").getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight / 2; })()`)
			got := eval[string](b, `(() => { const e = document.getElementById("shedler-2010"); const a = e.querySelector('a[href="https://doi.org/10.1037/a0018378"]'); return a ? e.textContent : ""; })()`)
			for _, want := range []string{"Shedler J (2010)", "The efficacy of psychodynamic psychotherapy", "American Psychologist, 65(2), 98–109", "doi:10.1037/a0018378", "Shedler 2010 at doi.org"} {
				if !strings.Contains(got, want) {
					t.Errorf("the entry %q lacks %q", got, want)
				}
			}
		})
	}
}

// TestSourcesComparisonCitationsOnADesktop: on a desktop the comparison is
// a drawing; a citation in it is a link a mouse follows to its entry, and
// the keyboard reaches the same citation in the table, which then shows in
// place of the drawing so the focused link is seen.
func TestSourcesComparisonCitationsOnADesktop(t *testing.T) {
	s := startSite(t)
	b := newBrowser(t, 1280, 900)
	b.open(s.URL + "/")
	b.waitApp()
	const cmp = "#how-psychodynamic-therapy-differs-from-cbt ~ .compare"
	if !eval[bool](b, `getComputedStyle(document.querySelector("`+cmp+` svg")).display !== "none"`) {
		t.Fatal("the drawing is not shown on a desktop")
	}
	// Keyboard: Tab from the control before the table's first citation.
	eval[bool](b, `(() => { const all = [...document.querySelectorAll("a[href], button, input, summary")].filter(e => e.tabIndex >= 0 && !e.disabled && (e.getClientRects().length > 0 || e.closest(".compare-table")));
		const i = all.indexOf(document.querySelector("`+cmp+` table a.cite")); all[i - 1].focus(); return true; })()`)
	b.run(tab, sleep(100))
	if !eval[bool](b, `(() => { const a = document.activeElement, r = a.getBoundingClientRect();
		return a.matches("table a.cite") && r.width > 20 && r.height > 5 && getComputedStyle(document.querySelector("`+cmp+` svg")).display === "none"; })()`) {
		t.Errorf("a focused citation in the table is not seen: the table does not show in place of the drawing: %s",
			eval[string](b, `(() => { const a = document.activeElement, r = a.getBoundingClientRect(); return JSON.stringify([a.outerHTML.slice(0, 100), r.width, r.height, a.matches(":focus-visible"), getComputedStyle(document.querySelector("`+cmp+` svg")).display]); })()`))
	}
	eval[bool](b, `(document.activeElement.blur(), true)`)
	// Mouse: the drawing's citation leads to its entry; it is not a Tab stop.
	if eval[string](b, `(document.querySelector("`+cmp+` svg a.cmp-cite") || {getAttribute: () => ""}).getAttribute("tabindex")`) != "-1" {
		t.Error("the drawing's citation link is a Tab stop beside the table's")
	}
	b.tap(cmp + ` svg a.cmp-cite[href="/sources#steinert-2017"]`)
	b.waitFor("the entry on /sources", `location.pathname === "/sources" && location.hash === "#steinert-2017"`)
}
