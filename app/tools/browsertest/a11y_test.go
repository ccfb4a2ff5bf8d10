//go:build !js

package browsertest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Accessibility is a gate: every route in a11yRoutes, in both themes, on a
// phone and on a desktop, before and after the app mounts, must pass axe-core
// (WCAG 2.2 A and AA) and the checks axe cannot make: headings and
// landmarks, the keyboard walk, reflow, text zoom, target sizes, reduced
// motion and forced colours. See "Accessibility" in README.md.

// a11yRoute is one page state the accessibility tests visit.
type a11yRoute struct {
	name string // subtest name
	path string
	// status is what the server must answer (0 means 200). A route that
	// should exist but answers 404 is reported as not built yet (t.Skip),
	// never passed silently.
	status int
	// toc is set for pages that carry the article's table of contents.
	toc bool
	// embed is set for the widgets shown in other sites' iframes: they have
	// no site header, navigation or skip link (there is no repeated block
	// to skip), and may share the title of the page they embed.
	embed bool
	// reach drives the mounted app, by keyboard, to this state; nil for the
	// state the route opens in. It skips when the UI it needs is missing.
	reach func(t *testing.T, b *browser)
}

// a11yRoutes is every page and page state of the site. Add a route here
// when it is built (the embeds are listed already and skip until the server
// answers them): every accessibility test walks this table.
var a11yRoutes = []a11yRoute{
	{name: "article", path: "/", toc: true},
	{name: "faq", path: "/faq"},
	{name: "glossary", path: "/glossary"}, // issue 17
	{name: "sources", path: "/sources"},
	{name: "fit first step", path: "/fit"},
	{name: "fit review step", path: "/fit", reach: fitToReview},
	{name: "fit result", path: "/fit", reach: fitToResult},
	{name: "embed article", path: "/embed/article", embed: true},
	{name: "embed faq", path: "/embed/faq", embed: true},
	{name: "embed fit", path: "/embed/fit", embed: true},
	{name: "embed index", path: "/embed"},
	{name: "not found", path: "/no/such/page", status: http.StatusNotFound},
}

// a11yViewports are the two screens every check runs on.
var a11yViewports = []struct {
	name          string
	width, height int64
}{
	{"phone", 412, 823},
	{"desktop", 1280, 900},
}

// a11yThemes are the colour schemes every visual check runs in.
var a11yThemes = []string{"light", "dark"}

// TestA11yEveryRoute runs, for each route, in one browser: axe on the
// prerendered page (wasm held back) and on the mounted app in every theme ×
// viewport; the structure checks in both states; the keyboard walk; reflow
// at 320 px and 200 % text; target sizes; reduced motion; forced colours.
// At the end it checks that every page has its own title.
func TestA11yEveryRoute(t *testing.T) {
	axeSource(t) // skip (or fail under CI) once, not once per route
	titles := map[string]string{}
	for _, r := range a11yRoutes {
		t.Run(r.name, func(t *testing.T) {
			s, b := openA11yRoute(t, r, true)
			if r.reach == nil {
				b.sub(t, "prerendered", func(t *testing.T) {
					checkStructure(t, b, r)
					checkAxeEveryState(t, b)
					checkReducedMotion(t, b)
				})
			}
			s.release()
			b.waitApp()
			if r.reach != nil {
				r.reach(t, b)
			}
			b.sub(t, "mounted", func(t *testing.T) {
				title := checkStructure(t, b, r)
				if r.reach == nil && !r.embed {
					if other, dup := titles[title]; dup {
						t.Errorf("title %q is also the title of %s", title, other)
					}
					titles[title] = r.path
				}
				checkAxeEveryState(t, b)
			})
			b.sub(t, "keyboard", func(t *testing.T) { checkKeyboardEveryState(t, b, r.embed) })
			b.sub(t, "reflow 320px", func(t *testing.T) { checkReflow(t, b, 320, 640, "100%") })
			b.sub(t, "text 200% phone", func(t *testing.T) { checkReflow(t, b, 412, 823, "200%") })
			b.sub(t, "text 200% desktop", func(t *testing.T) { checkReflow(t, b, 1280, 900, "200%") })
			b.sub(t, "target size", func(t *testing.T) { checkTargetSizes(t, b) })
			b.sub(t, "reduced motion", func(t *testing.T) { checkReducedMotion(t, b) })
			b.sub(t, "forced colors", func(t *testing.T) { checkForcedColors(t, b) })
		})
	}
}

// openA11yRoute starts a site (holding the wasm back when hold is set) and a
// browser on route r, after checking the server's status for the path.
func openA11yRoute(t *testing.T, r a11yRoute, hold bool) (*testSite, *browser) {
	t.Helper()
	var opts []siteOption
	if hold {
		opts = append(opts, holdingWasm())
	}
	s := startSite(t, opts...)
	want := r.status
	if want == 0 {
		want = http.StatusOK
	}
	resp, err := http.Get(s.URL + r.path)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound && want != http.StatusNotFound:
		t.Skipf("%s is not built yet: the server answers 404; this subtest runs once the route exists", r.path)
	case resp.StatusCode != want:
		t.Fatalf("GET %s: status %d, want %d", r.path, resp.StatusCode, want)
	}
	b := newBrowser(t, 412, 823)
	if want == http.StatusNotFound {
		b.allow("404")
	}
	b.open(s.URL + r.path)
	return s, b
}

// sub runs f as a subtest of t that uses b: the browser's failures go to the
// subtest while it runs.
func (b *browser) sub(t *testing.T, name string, f func(t *testing.T)) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		b.mu.Lock()
		prev := b.t
		b.t = t
		b.mu.Unlock()
		defer func() {
			b.setState(a11yState{theme: "light", width: 412, height: 823})
			b.mu.Lock()
			b.t = prev
			b.mu.Unlock()
		}()
		f(t)
	})
}

// a11yState is one combination of viewport and emulated media.
type a11yState struct {
	theme         string // "light" or "dark"
	width, height int64
	reducedMotion bool
	forcedColors  bool
}

func (s a11yState) String() string {
	v := "phone"
	if s.width >= 1000 {
		v = "desktop"
	}
	return s.theme + " " + v
}

// setState emulates the viewport and the media features of st.
func (b *browser) setState(st a11yState) {
	b.t.Helper()
	motion, forced := "no-preference", "none"
	if st.reducedMotion {
		motion = "reduce"
	}
	if st.forcedColors {
		forced = "active"
	}
	b.media(map[string]string{"prefers-color-scheme": st.theme, "prefers-reduced-motion": motion, "forced-colors": forced})
	b.run(chromedp.EmulateViewport(st.width, st.height))
	// Let layout, media queries and any resize handler settle.
	eval[bool](b, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
}

// everyState is each theme on each viewport.
func everyState() []a11yState {
	var out []a11yState
	for _, th := range a11yThemes {
		for _, v := range a11yViewports {
			out = append(out, a11yState{theme: th, width: v.width, height: v.height})
		}
	}
	return out
}

// jsString quotes s for JavaScript source.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "<", `\x3c`)
	return `"` + r.Replace(s) + `"`
}
