package widget

import (
	"net/url"
	"slices"
	"testing"
)

func TestParseKeepsOnlyValidValues(t *testing.T) {
	has := func(id string) bool { return id == "taking-the-next-step" }
	for _, tc := range []struct {
		widget, query string
		want          Params
	}{
		{"article", "", Params{}},
		{"article", "theme=dark", Params{Theme: "dark"}},
		{"faq", "theme=light&autoheight=1", Params{Theme: "light", AutoHeight: true}},
		{"fit", "theme=auto", Params{}},
		{"fit", "theme=DARK", Params{}},
		{"fit", `theme="><script>alert(1)</script>`, Params{}},
		{"fit", "theme=dark%3Bbackground:url(x)", Params{}},
		{"article", "section=taking-the-next-step", Params{Section: "taking-the-next-step"}},
		{"article", "section=no-such-section", Params{}},
		{"article", "section=%3Cimg%20src%3Dx%3E", Params{}},
		{"faq", "section=taking-the-next-step", Params{}},
		{"article", "theme=dark&theme=light", Params{Theme: "dark"}},
		{"article", "autoheight=yes", Params{}},
		{"fit", "share=band", Params{ShareResult: true}},
		{"fit", "share=band&theme=dark&autoheight=1", Params{Theme: "dark", AutoHeight: true, ShareResult: true}},
		{"fit", "share=BAND", Params{}},
		{"fit", "share=1", Params{}},
		{"fit", "share=answers", Params{}},
		{"fit", "share=", Params{}},
		{"fit", `share="><script>alert(1)</script>`, Params{}},
		{"fit", "share=answers&share=band", Params{}},
		{"faq", "share=band", Params{}},
		{"article", "share=band", Params{}},
	} {
		q, err := url.ParseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		if got := Parse(tc.widget, q, has); got != tc.want {
			t.Errorf("Parse(%s, %q) = %+v, want %+v", tc.widget, tc.query, got, tc.want)
		}
	}
}

func TestValid(t *testing.T) {
	for _, n := range []string{"article", "faq", "fit"} {
		if !Valid(n) {
			t.Errorf("%s should be valid", n)
		}
	}
	for _, n := range []string{"", "Fit", "embed", "../fit"} {
		if Valid(n) {
			t.Errorf("%q should not be valid", n)
		}
	}
}

func TestVariantsHoldEveryParseResult(t *testing.T) {
	sections := []string{"one", "two"}
	has := func(s string) bool { return s == "one" || s == "two" }
	for _, name := range Names {
		vs := Variants(name, sections)
		for _, q := range []string{"", "theme=dark", "theme=light&autoheight=1", "section=two&theme=dark", "section=nope", "autoheight=1&section=one", "theme=x"} {
			v, _ := url.ParseQuery(q)
			p := Parse(name, v, has)
			if !slices.Contains(vs, p) {
				t.Errorf("%s?%s parses to %+v, which Variants does not list", name, q, p)
			}
		}
	}
	if n := len(Variants(Article, sections)); n != 18 {
		t.Errorf("%d article variants, want 3 themes × 2 heights × 3 sections = 18", n)
	}
}
