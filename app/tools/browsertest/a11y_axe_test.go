//go:build !js

package browsertest

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axePath is axe-core as make test installs it (git-ignored), relative to
// this package's directory.
const axePath = "../../../.tools/axe/node_modules/axe-core/axe.min.js"

var axeOnce struct {
	sync.Once
	src string
	err error
}

// axeSource returns axe-core's script, or skips (fails under CI) when it is
// not installed.
func axeSource(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		b, err := os.ReadFile(axePath)
		axeOnce.src, axeOnce.err = string(b), err
	})
	if axeOnce.err != nil {
		msg := fmt.Sprintf("axe-core not found at %s (%v): install it with `make test` or `npm install --prefix .tools/axe axe-core@4.14.1`", axePath, axeOnce.err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip("accessibility test skipped: " + msg)
	}
	return axeOnce.src
}

// axeRun runs the rule sets the gate enforces: WCAG 2.0, 2.1 and 2.2, A and
// AA, and axe's best practices (landmarks for all content, heading order).
const axeRun = `axe.run(document, {
	runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
	resultTypes: ["violations"],
}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
	nodes: v.nodes.map(n => ({target: JSON.stringify(n.target), html: n.html.slice(0, 240), summary: n.failureSummary || ""})),
})))`

type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// runAxe injects axe-core (through DevTools evaluation, which the page's CSP
// does not govern) and fails t with every violation of any impact.
func runAxe(t *testing.T, b *browser, state string) {
	t.Helper()
	if !eval[bool](b, `typeof window.axe === "object"`) {
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[chromedp.Void](axeSource(t))); err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
	}
	vs := eval[[]axeViolation](b, axeRun)
	for _, v := range vs {
		var nodes strings.Builder
		for _, n := range v.Nodes {
			fmt.Fprintf(&nodes, "\n    element %s: %s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n      "))
		}
		t.Errorf("axe %s [%s] in %s: %s (%s)%s", v.ID, v.Impact, state, v.Help, v.HelpURL, nodes.String())
	}
}

// checkAxeEveryState runs axe in each theme on each viewport.
func checkAxeEveryState(t *testing.T, b *browser) {
	t.Helper()
	for _, st := range everyState() {
		b.setState(st)
		runAxe(t, b, st.String())
	}
}

// media emulates CSS media features (name → value); it replaces any
// earlier emulation.
func (b *browser) media(features map[string]string) {
	b.t.Helper()
	var fs []*emulation.MediaFeature
	for n, v := range features {
		fs = append(fs, &emulation.MediaFeature{Name: n, Value: v})
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: fs}); err != nil {
		b.t.Fatalf("emulating media %v: %v", features, err)
	}
}
