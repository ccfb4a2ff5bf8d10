//go:build !js

package server

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
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
