package ui

import (
	"io/fs"
	"strings"
	"testing"
	"time"

	"explainer/app/site"
	"explainer/content"
)

// The page shows "Reviewed by … on …; next review …" in the footer and the
// article's facts only while the sign-off is current, by the App's clock.
func TestReviewLineShowsOnlyWhileTheSignOffIsCurrent(t *testing.T) {
	real := testApp(t).site
	b, err := fs.ReadFile(content.FS, "article.md")
	if err != nil {
		t.Fatal(err)
	}
	sign := func(hash string) string {
		return strings.NewReplacer("last_reviewed:\n", "last_reviewed: 2026-03-01\n", "reviewed_by:\n", "reviewed_by: A. Reviewer, MD\n",
			"next_review:\n", "next_review: 2027-03-01\n", "content_hash:\n", "content_hash: "+hash+"\n").Replace(string(b))
	}
	at := func(day string) func() time.Time {
		return func() time.Time { d, _ := time.Parse("2006-01-02", day); return d.Add(12 * time.Hour) }
	}
	const line = `Reviewed by A. Reviewer, MD on <time datetime="2026-03-01">2026-03-01</time>; next review <time datetime="2027-03-01">2027-03-01</time>`
	for _, tc := range []struct {
		name, hash, day string
		shown           bool
	}{
		{"current", real.ContentHash, "2026-09-01", true},
		{"expired", real.ContentHash, "2027-03-02", false},
		{"changed", strings.Repeat("0", 64), "2026-09-01", false},
		{"unsigned", "", "2026-09-01", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			art := string(b)
			if tc.hash != "" {
				art = sign(tc.hash)
			}
			s, err := site.Load(withFile(t, "article.md", art), LinkTargets(), nil)
			if err != nil {
				t.Fatal(err)
			}
			u := New(s, Config{Now: at(tc.day)})
			home := Prerender(&ArticlePage{ui: u})
			faq := prerenderPath(t, u, "/faq")
			if got := strings.Count(home, line); tc.shown && got != 2 || !tc.shown && got != 0 {
				t.Errorf("the home page shows the review line %d times (footer and facts), want it shown: %v", got, tc.shown)
			}
			if got := strings.Contains(faq, line); got != tc.shown {
				t.Errorf("the FAQ's footer shows the review line: %v, want %v", got, tc.shown)
			}
			if strings.Contains(home, "Reviewed by") != tc.shown {
				t.Errorf("a review fact shows although the sign-off is %s", tc.name)
			}
		})
	}
}
