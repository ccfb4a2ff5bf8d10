package ui

import (
	"slices"
	"strings"
	"testing"

	"explainer/app/widget"
)

func TestRouteTableDerivesEveryRouteAndItsFacts(t *testing.T) {
	u := testApp(t)
	var paths, nav, widgets []string
	titles := map[string]string{}
	for _, r := range u.Routes() {
		paths = append(paths, r.Path)
		if r.Nav != "" {
			nav = append(nav, r.Nav)
		}
		if r.Title == "" || r.Description == "" {
			t.Errorf("%s: title %q, description %q", r.Path, r.Title, r.Description)
		}
		if other, dup := titles[r.Title]; dup {
			t.Errorf("%s and %s share the title %q", r.Path, other, r.Title)
		}
		titles[r.Title] = r.Path
		if r.Widget != "" {
			widgets = append(widgets, r.Widget)
			if r.Path != "/embed/"+r.Widget || !strings.HasSuffix(r.Title, " (embedded)") {
				t.Errorf("embed route %s: widget %q, title %q", r.Path, r.Widget, r.Title)
			}
			if full, ok := u.Route(r.Page); !ok || full.Embed != r.Path {
				t.Errorf("embed route %s stands for %q, whose embed is %q", r.Path, r.Page, full.Embed)
			}
		} else if r.Page != r.Path {
			t.Errorf("full page %s says it shows %s", r.Path, r.Page)
		}
	}
	// The pages other pages and sites link to must stay; a new page is one
	// more entry in the table and needs no change here.
	for _, p := range []string{ArticlePath, FAQPath, FitPath, GlossaryPath, SourcesPath, EmbedDocsPath} {
		if !slices.Contains(paths, p) {
			t.Errorf("routes = %v, lacking %s", paths, p)
		}
	}
	// Full pages first, in navigation order, then their embeds.
	if i := slices.IndexFunc(paths, func(p string) bool { return strings.HasPrefix(p, embedPrefix) }); i < 0 ||
		slices.ContainsFunc(paths[i:], func(p string) bool { return !strings.HasPrefix(p, embedPrefix) }) {
		t.Errorf("routes = %v: the embeds do not all follow the full pages", paths)
	}
	if want := []string{"Article", "FAQ", "Is it right for me?"}; !slices.Equal(nav, want) {
		t.Errorf("navigation = %v, want %v", nav, want)
	}
	if !slices.Equal(widgets, widget.Names) {
		t.Errorf("embed routes show %v, widget.Names lists %v", widgets, widget.Names)
	}
	if m := u.Meta("/no-such-page"); !strings.HasPrefix(m.Title, "Page not found") {
		t.Errorf("unknown path's title = %q", m.Title)
	}
}

func TestNavigationAndEmbedFooterComeFromTheTable(t *testing.T) {
	u := testApp(t)
	page := prerenderPath(t, u, "/faq")
	for _, want := range []string{`<a aria-current="page" href="/faq">FAQ</a>`, `<a href="/">Article</a>`, `<a href="/fit">Is it right for me?</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("/faq's navigation lacks %s", want)
		}
	}
	for path, full := range map[string]string{"/embed/article": "/", "/embed/faq": "/faq", "/embed/fit": "/fit"} {
		if page := prerenderPath(t, u, path); !strings.Contains(page, `href="`+full+`" rel="noopener" target="_blank">Open the full site`) {
			t.Errorf("%s does not link to its full page %s", path, full)
		}
	}
}

func TestStructuredDataOnlyWhereTheTableSaysSo(t *testing.T) {
	u := testApp(t)
	for _, r := range u.Routes() {
		if got := r.StructuredData("") != nil; got != (r.Path == "/" || r.Path == "/faq") {
			t.Errorf("%s: structured data present = %v", r.Path, got)
		}
	}
}
