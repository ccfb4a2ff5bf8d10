//go:build !js

package server

import (
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"explainer/app/site"
	"explainer/app/ui"
	"explainer/content"
)

// `explainer review` prints one self-contained HTML document: the SHA-256
// of the signed texts at its top, then every part with its texts.
func TestReviewPrintsEveryTextWithItsHash(t *testing.T) {
	s, err := site.Load(content.FS, ui.LinkTargets(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if code := reviewMain(nil, s, &out, &errs, time.Now()); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	doc := out.String()
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(s.ContentHash) {
		t.Fatalf("content hash %q", s.ContentHash)
	}
	hash := strings.Index(doc, s.ContentHash)
	if hash < 0 || hash > strings.Index(doc, "<h2>") {
		t.Error("the document does not start with the content hash, before the texts")
	}
	for _, p := range s.ReviewParts() {
		if !strings.Contains(doc, "<h2>"+htmlEscape(p.Title)+"</h2>") {
			t.Errorf("the document lacks the part %q", p.Title)
		}
		for _, it := range p.Items {
			for _, l := range strings.Split(it.Text, "\n") {
				if !strings.Contains(doc, "<p>"+htmlEscape(l)+"</p>") {
					t.Errorf("%s: %s: the document lacks %q", p.Title, it.Label, l)
				}
			}
		}
	}
	// Self-contained: nothing it would load, from anywhere.
	for _, no := range []string{"<script", "<link", " src=", "<img", "@import", "url("} {
		if strings.Contains(doc, no) {
			t.Errorf("the document contains %q", no)
		}
	}
	if !strings.HasPrefix(doc, "<!DOCTYPE html>") || !strings.HasSuffix(doc, "</html>\n") {
		t.Error("not one whole HTML document")
	}
}

// -status prints the notice when the content is not signed, and succeeds:
// edited texts are served until they are signed again.
func TestReviewStatusIsANoticeNotAFailure(t *testing.T) {
	s, err := site.Load(content.FS, ui.LinkTargets(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if code := reviewMain([]string{"-status"}, s, &out, &errs, time.Now()); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), "notice: ") || !strings.Contains(out.String(), "content/README.md") {
		t.Errorf("status = %q", out.String())
	}
	if code := reviewMain([]string{"out.html"}, s, &out, &errs, time.Now()); code != 2 {
		t.Errorf("an unexpected argument exits %d, want 2", code)
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// /sources is a page like the others: served, in the sitemap and in the
// offline cache, and it lists every source under its id, each with a link
// the reader follows (nothing on the page loads from another site).
func TestSourcesPageIsServedListedAndCached(t *testing.T) {
	srv := newTestServer(t, "-base-url", "https://therapy.example")
	w := do(srv, "GET", "/sources")
	if w.Code != 200 {
		t.Fatalf("GET /sources = %d", w.Code)
	}
	page := w.Body.String()
	for _, s := range srv.site.Sources {
		if !strings.Contains(page, `id="`+s.ID+`"`) || !strings.Contains(page, `href="`+s.Link+`"`) && !strings.Contains(page, `href="`+htmlEscape(s.Link)+`"`) {
			t.Errorf("/sources lacks %q with its link", s.ID)
		}
	}
	for _, m := range regexp.MustCompile(`(?i)<(img|script|link|iframe)[^>]+(src|href)="https?://[^"]*`).FindAllString(page, -1) {
		if !strings.Contains(m, "https://therapy.example/") {
			t.Errorf("/sources loads something from another site: %s", m)
		}
	}
	if sm := do(srv, "GET", "/sitemap.xml").Body.String(); !strings.Contains(sm, "<loc>https://therapy.example/sources</loc>") {
		t.Errorf("the sitemap lacks /sources:\n%s", sm)
	}
	if worker := do(srv, "GET", "/app-worker.js").Body.String(); !strings.Contains(worker, `"/sources"`) {
		t.Error("the offline cache lacks /sources")
	}
	faq := do(srv, "GET", "/faq").Body.String()
	if !strings.Contains(faq, `<a class="cite" href="/sources#shedler-2010">Shedler 2010</a>`) {
		t.Error("the FAQ's citation of Shedler 2010 does not link to its entry on /sources")
	}
}

// The notice names what happened: no sign-off, texts changed since it, or
// a review that is due; none while the sign-off is current.
func TestReviewNoticeSaysWhyTheSignOffIsNotShown(t *testing.T) {
	real, err := site.Load(content.FS, ui.LinkTargets(), nil)
	if err != nil {
		t.Fatal(err)
	}
	art, err := fs.ReadFile(content.FS, "article.md")
	if err != nil {
		t.Fatal(err)
	}
	faq, err := fs.ReadFile(content.FS, "faq.md")
	if err != nil {
		t.Fatal(err)
	}
	signed := strings.NewReplacer("last_reviewed:\n", "last_reviewed: 2026-03-01\n", "reviewed_by:\n", "reviewed_by: A. Reviewer, MD\n",
		"next_review:\n", "next_review: 2027-03-01\n", "content_hash:\n", "content_hash: "+real.ContentHash+"\n").Replace(string(art))
	load := func(files map[string]string) *site.Site {
		m := fstest.MapFS{}
		entries, err := fs.ReadDir(content.FS, ".")
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := fs.ReadFile(content.FS, e.Name())
			if err != nil {
				t.Fatal(err)
			}
			m[e.Name()] = &fstest.MapFile{Data: b}
		}
		for n, s := range files {
			m[n] = &fstest.MapFile{Data: []byte(s)}
		}
		s, err := site.Load(m, ui.LinkTargets(), nil)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	ok := load(map[string]string{"article.md": signed})
	edited := load(map[string]string{"article.md": signed, "faq.md": strings.Replace(string(faq), "It is a talk therapy", "It is a kind of talk therapy", 1)})
	day := func(d string) time.Time { t, _ := time.Parse("2006-01-02", d); return t.Add(12 * time.Hour) }
	for _, tc := range []struct {
		name string
		s    *site.Site
		now  string
		want string
	}{
		{"unsigned", real, "2026-06-01", "have no sign-off"},
		{"current", ok, "2026-06-01", ""},
		{"expired", ok, "2027-03-02", "the sign-off by A. Reviewer, MD on 2026-03-01 was due for review on 2027-03-01"},
		{"changed", edited, "2026-06-01", "changed since A. Reviewer, MD signed them off on 2026-03-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := reviewNotice(tc.s, day(tc.now))
			if tc.want == "" && n != "" || tc.want != "" && (!strings.Contains(n, tc.want) || !strings.Contains(n, "content/README.md")) {
				t.Errorf("notice = %q, want %q", n, tc.want)
			}
			var out bytes.Buffer
			reviewMain([]string{"-status"}, tc.s, &out, &out, day(tc.now))
			if tc.want == "" && !strings.Contains(out.String(), "is current") || tc.want != "" && !strings.Contains(out.String(), tc.want) {
				t.Errorf("review -status = %q", out.String())
			}
		})
	}
}
