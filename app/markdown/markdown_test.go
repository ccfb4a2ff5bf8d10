package markdown

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"explainer/content"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

var update = flag.Bool("update", false, "rewrite golden files")

// attrs matches one attribute as go-app writes it: name="strconv-quoted".
var (
	tagRE  = regexp.MustCompile(`<([a-z0-9]+)((?:\s[a-z-]+(?:="(?:[^"\\]|\\.)*")?)+)>`)
	attrRE = regexp.MustCompile(`[a-z-]+(?:="(?:[^"\\]|\\.)*")?`)
)

// normalize sorts attributes: go-app writes them in map order.
func normalize(html string) string {
	return tagRE.ReplaceAllStringFunc(html, func(tag string) string {
		m := tagRE.FindStringSubmatch(tag)
		as := attrRE.FindAllString(m[2], -1)
		sort.Strings(as)
		return "<" + m[1] + " " + strings.Join(as, " ") + ">"
	})
}

func renderAll(d *Doc) string {
	var b strings.Builder
	for _, u := range d.UI() {
		b.WriteString(normalize(app.HTMLString(u)))
		b.WriteString("\n")
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the rendering; review and run go test ./app/markdown -update\n--- got ---\n%s", path, got)
	}
}

func TestEveryNodeKindRendersAsGolden(t *testing.T) {
	src, err := os.ReadFile("testdata/kinds.md")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "kinds.golden", renderAll(Parse(src)))
}

func TestRealArticleRendersAsGolden(t *testing.T) {
	src, err := content.FS.ReadFile("article.md")
	if err != nil {
		t.Fatal(err)
	}
	_, body, err := SplitFrontMatter("content/article.md", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "article.golden", renderAll(Parse(body)))
}

func TestUnknownKindsKeepTheirText(t *testing.T) {
	d := Parse([]byte("<span>inline html</span> and ![a picture](/x.png)\n\n<div>block html</div>\n"))
	html := renderAll(d)
	for _, want := range []string{"inline html", "a picture", "block html"} {
		if !strings.Contains(html, want) {
			t.Errorf("text %q was dropped:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<span>inline") || strings.Contains(html, "<div>block") {
		t.Errorf("raw HTML was passed through as markup:\n%s", html)
	}
}

func TestHeadingIDs(t *testing.T) {
	d := Parse([]byte("# Title\n\n## Dr. Kaiser's Training and Approach\n\n## How It Works\n\n## How It Works\n"))
	var ids []string
	for _, h := range d.Headings() {
		ids = append(ids, h.ID)
	}
	want := "title dr-kaisers-training-and-approach how-it-works how-it-works-2"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("ids = %q, want %q", got, want)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"What Is Psychodynamic Therapy?":             "what-is-psychodynamic-therapy",
		"How Psychodynamic Therapy Differs from CBT": "how-psychodynamic-therapy-differs-from-cbt",
		"  Spaces -- and_underscores  ":              "spaces-and-underscores",
		"Café & 12 steps":                            "café-12-steps",
		"":                                           "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSectionsSplitAtLevelTwo(t *testing.T) {
	d := Parse([]byte("# T\n\nintro\n\n## A\n\na1\n\n### A.1\n\na2\n\n## B\n\nb\n"))
	secs := d.Sections()
	var got []string
	for _, s := range secs {
		got = append(got, s.Heading.ID+":"+strconv.Itoa(len(s.blocks)))
	}
	if want := ":1 a:3 b:1"; strings.Join(got, " ") != want {
		t.Errorf("sections = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestAttrSafe(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:           `plain`,
		`a "quoted" word`: `a “quoted” word`,
		`back\slash`:      `backslash`,
		`"one" and "two"`: `“one” and “two”`,
	} {
		if got := AttrSafe(in); got != want {
			t.Errorf("AttrSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]bool{
		"/fit": true, "#x": true, "https://a.org": true, "tel:988": true, "sms:988": true,
		"javascript:alert(1)": false, "JavaScript:x": false, "data:text/html,x": false, "//evil.org": false, "vbscript:x": false,
	} {
		if got := SafeURL(in); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", in, got, want)
		}
	}
}
