package ui

import (
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"explainer/app/markdown"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// go-app writes children of a mixed paragraph on separate, indented lines,
// which shows as a space before punctuation. The prerender must not.
func TestPrerenderKeepsPunctuationAgainstInlineElements(t *testing.T) {
	d := markdown.Parse([]byte("Ask *why*. Read [the article](/), then decide. Call [988](tel:988) or [text it](sms:988) today."))
	var b strings.Builder
	for _, u := range d.UI() {
		b.WriteString(stripIndent(app.HTMLString(u)))
	}
	got := strings.Join(strings.Fields(html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(b.String(), ""))), " ")
	if want := "Ask why. Read the article, then decide. Call 988 or text it today."; got != want {
		t.Errorf("prerendered text = %q, want %q", got, want)
	}
}

func TestStripIndentKeepsPreformattedText(t *testing.T) {
	in := "<div>\n  <pre>\n    <code>a\n  b</code>\n  </pre>\n</div>"
	if got, want := stripIndent(in), "<div><pre><code>a\n  b</code></pre></div>"; got != want {
		t.Errorf("stripIndent = %q, want %q", got, want)
	}
}

func TestAriaTrueKeepsItsValue(t *testing.T) {
	for in, want := range map[string]string{
		`<button aria-disabled class="x">Next</button>`:       `<button aria-disabled="true" class="x">Next</button>`,
		`<div aria-hidden>x</div>`:                            `<div aria-hidden="true">x</div>`,
		`<input checked aria-expanded/>`:                      `<input checked aria-expanded="true"/>`,
		`<p title="a aria-x b">text aria-y here</p>`:          `<p title="a aria-x b">text aria-y here</p>`,
		`<a aria-label="Copy \"x\"" aria-current>y</a>`:       `<a aria-label="Copy \"x\"" aria-current="true">y</a>`,
		`<button aria-describedby="n" aria-disabled="false">`: `<button aria-describedby="n" aria-disabled="false">`,
	} {
		if got := rewriteStartTags(in, ariaTrueAttrs); got != want {
			t.Errorf("ariaTrueAttrs(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestSortAttrsWritesAttributesInNameOrder(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<details id="a" class="faq-item">x</details>`, `<details class="faq-item" id="a">x</details>`},
		{`<input type="radio" checked name="q1" id="q1-2"/>`, `<input checked id="q1-2" name="q1" type="radio"/>`},
		{`<a title="say \"b=c\" > d" href="/">t</a>`, `<a href="/" title="say \"b=c\" > d">t</a>`},
		{`<p>1 &lt; 2 and <em z="1" a="2">x</em></p>`, `<p>1 &lt; 2 and <em a="2" z="1">x</em></p>`},
		{`<script type="x" id="j">{"b":"<a c d>"}</script><i b a>`, `<script id="j" type="x">{"b":"<a c d>"}</script><i a b>`},
		{`<div>no tags here`, `<div>no tags here`},
		{`<div b="1" a="`, `<div b="1" a="`},
		{`a < b`, `a < b`},
	} {
		if got := rewriteStartTags(c.in, sortAttrs); got != c.want {
			t.Errorf("sorted attributes of %s\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// The header's inline mark is the site's icon: every shape of
// web/icon.svg, and no title for screen readers to announce.
func TestBrandMarkIsTheIcon(t *testing.T) {
	svg, err := os.ReadFile("../../web/icon.svg")
	if err != nil {
		t.Fatal(err)
	}
	shapes := 0
	for _, line := range strings.Split(string(svg), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "<rect") || strings.HasPrefix(line, "<circle") || strings.HasPrefix(line, "<path") {
			shapes++
			if !strings.Contains(brandMark, line) {
				t.Errorf("brandMark lacks %s", line)
			}
		}
	}
	if got := strings.Count(brandMark, "<rect") + strings.Count(brandMark, "<circle") + strings.Count(brandMark, "<path"); shapes == 0 || got != shapes {
		t.Errorf("brandMark has %d shapes, web/icon.svg %d", got, shapes)
	}
	if strings.Contains(brandMark, "<title") || !strings.Contains(brandMark, `aria-hidden="true"`) {
		t.Error("brandMark must be decorative: aria-hidden, no title")
	}
}
