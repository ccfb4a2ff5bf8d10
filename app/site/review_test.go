package site

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"explainer/content"
)

// contentWith is the real content with files replaced.
func contentWith(t *testing.T, files map[string]string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(content.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(content.FS, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

// signed is content/article.md with a sign-off of hash.
func signed(t *testing.T, hash string) string {
	t.Helper()
	b, err := fs.ReadFile(content.FS, "article.md")
	if err != nil {
		t.Fatal(err)
	}
	r := strings.NewReplacer("last_reviewed:\n", "last_reviewed: 2026-03-01\n", "reviewed_by:\n", "reviewed_by: A. Reviewer, MD\n",
		"next_review:\n", "next_review: 2027-03-01\n", "content_hash:\n", "content_hash: "+hash+"\n")
	s := r.Replace(string(b))
	if s == string(b) {
		t.Fatal("content/article.md has no empty sign-off keys to fill")
	}
	return s
}

func load(t *testing.T, fsys fs.FS) *Site {
	t.Helper()
	s, err := Load(fsys, []string{"/", "/faq", "/fit", "/glossary", "/sources"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The sign-off counts while the texts are those signed and the next review
// date has not passed: matching, changed and expired, by an injected date.
func TestReviewIsCurrentOnlyWhileTheHashMatchesAndTheReviewIsNotDue(t *testing.T) {
	real := load(t, content.FS)
	if got := real.Review(time.Now()); got != Unsigned {
		t.Errorf("the shipped content has a sign-off (state %d); only the practice signs", got)
	}
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d.Add(15 * time.Hour)
	}
	ok := load(t, contentWith(t, map[string]string{"article.md": signed(t, real.ContentHash)}))
	faq, err := fs.ReadFile(content.FS, "faq.md")
	if err != nil {
		t.Fatal(err)
	}
	edited := load(t, contentWith(t, map[string]string{"article.md": signed(t, real.ContentHash),
		"faq.md": strings.Replace(string(faq), "It is a talk therapy", "It is a kind of talk therapy", 1)}))
	safety, err := fs.ReadFile(content.FS, "safety.md")
	if err != nil {
		t.Fatal(err)
	}
	newLine := load(t, contentWith(t, map[string]string{"article.md": signed(t, real.ContentHash),
		"safety.md": strings.Replace(string(safety), "go to the nearest emergency room", "go to an emergency room", 1)}))
	for _, tc := range []struct {
		name string
		s    *Site
		now  string
		want ReviewState
	}{
		{"signed, the day it was signed", ok, "2026-03-01", Current},
		{"signed, on the next review date", ok, "2027-03-01", Current},
		{"signed, the day after the next review date", ok, "2027-03-02", Expired},
		{"an FAQ answer edited since", edited, "2026-06-01", Changed},
		{"the safety line edited since", newLine, "2026-06-01", Changed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.s.Review(day(tc.now)); got != tc.want {
				t.Errorf("Review = %d, want %d", got, tc.want)
			}
		})
	}
	if edited.ContentHash == real.ContentHash || newLine.ContentHash == real.ContentHash {
		t.Error("an edit did not change the content hash")
	}
}

// Every kind of text the practice signs is in the review, with its words.
func TestReviewCoversEveryTextTheSiteWrites(t *testing.T) {
	s := load(t, content.FS)
	text := ReviewText(s.ReviewParts())
	wants := []string{s.Safety.Text, "tel:", s.FAQ[0].Question, s.Fit.Statements[0].Text, s.Fit.Hint,
		s.Fit.Bands[0].Text, s.Fit.Themes[0].Text, s.Fit.First.Text, s.Aids.Compare.Rows[0].Right,
		s.Aids.Glossary[0].Definition, s.Sources[0].Link}
	for _, pts := range s.Aids.InShort {
		wants = append(wants, pts[0])
	}
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("the review text lacks %q", w)
		}
	}
	if strings.Contains(text, "living laboratory") || !strings.Contains(s.Article.Doc.PlainText(), "living laboratory") {
		t.Error("the review includes the article's own text")
	}
}

func TestSignOffIsAllOrNothing(t *testing.T) {
	const fm = "---\ntitle: T\ndescription: D\nauthor: A\nbooking_label: B\ncta_heading: C\nfaq_heading: F\n"
	const body = "---\n# T\n\n## S\n"
	hash := strings.Repeat("ab", 32)
	for _, tc := range []struct{ name, src, want string }{
		{"none", fm + body, ""},
		{"all", fm + "reviewed_by: R\nlast_reviewed: 2026-01-01\nnext_review: 2027-01-01\ncontent_hash: " + hash + "\n" + body, ""},
		{"no hash", fm + "reviewed_by: R\nlast_reviewed: 2026-01-01\nnext_review: 2027-01-01\n" + body, "a.md:1: the sign-off needs content_hash as well"},
		{"no reviewer", fm + "last_reviewed: 2026-01-01\nnext_review: 2027-01-01\ncontent_hash: " + hash + "\n" + body, "a.md:1: the sign-off needs reviewed_by as well"},
		{"due before done", fm + "reviewed_by: R\nlast_reviewed: 2026-01-01\nnext_review: 2025-01-01\ncontent_hash: " + hash + "\n" + body, "a.md:10: next_review 2025-01-01 is not after last_reviewed 2026-01-01"},
		{"short hash", fm + "reviewed_by: R\nlast_reviewed: 2026-01-01\nnext_review: 2027-01-01\ncontent_hash: abc\n" + body, `a.md:11: content_hash "abc" is not a SHA-256`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseArticle("a.md", []byte(tc.src))
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
