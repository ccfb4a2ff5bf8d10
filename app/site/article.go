// Package site loads the site's content files into typed, validated values.
// It runs once at start-up, in the browser and on the server, and in tests:
// a malformed file fails there with "file:line: reason", never on a
// reader's page.
package site

import (
	"fmt"
	"strings"

	"explainer/app/markdown"
)

// Article is the practice's article with its page metadata.
type Article struct {
	Title        string
	Description  string
	Author       string
	Credentials  string
	Location     string
	BookingLabel string
	CTAHeading   string
	CTAText      string
	FAQHeading   string
	// The practice's sign-off of the site's own texts (review.go): who
	// reviewed them, when, when they are due for review again, and the
	// SHA-256 of the texts they signed. All four or none; the page shows
	// the sign-off only while it is current (Site.Review).
	LastReviewed  string
	ReviewedBy    string
	NextReview    string
	ContentSHA256 string

	Doc *markdown.Doc
}

var articleKeys = []string{
	"title", "description", "author", "credentials", "location", "booking_label",
	"cta_heading", "cta_text", "faq_heading", "last_reviewed", "reviewed_by", "next_review", "content_hash",
}

// signOffKeys are the sign-off's keys, all set or all empty.
var signOffKeys = []string{"reviewed_by", "last_reviewed", "next_review", "content_hash"}

var requiredArticleKeys = []string{"title", "description", "author", "booking_label", "cta_heading", "faq_heading"}

// ParseArticle parses article Markdown with its front matter. name is the
// file name used in errors.
func ParseArticle(name string, src []byte) (*Article, error) {
	meta, body, err := markdown.SplitFrontMatter(name, src, articleKeys)
	if err != nil {
		return nil, err
	}
	if meta == nil {
		return nil, fmt.Errorf("%s:1: front matter (--- ... ---) with the page metadata is missing", name)
	}
	for _, k := range requiredArticleKeys {
		if meta.Get(k) == "" {
			return nil, fmt.Errorf("%s:%d: front matter key %q is required", name, lineOf(meta, k), k)
		}
	}
	for _, k := range []string{"last_reviewed", "next_review"} {
		if v := meta.Get(k); v != "" && !isDate(v) {
			return nil, fmt.Errorf("%s:%d: %s %q is not a date like 2026-01-31", name, lineOf(meta, k), k, v)
		}
	}
	if err := checkSignOff(name, meta); err != nil {
		return nil, err
	}
	a := &Article{
		Title: meta.Get("title"), Description: meta.Get("description"), Author: meta.Get("author"),
		Credentials: meta.Get("credentials"), Location: meta.Get("location"),
		BookingLabel: meta.Get("booking_label"), CTAHeading: meta.Get("cta_heading"),
		CTAText: meta.Get("cta_text"), FAQHeading: meta.Get("faq_heading"),
		LastReviewed: meta.Get("last_reviewed"), ReviewedBy: meta.Get("reviewed_by"),
		NextReview: meta.Get("next_review"), ContentSHA256: meta.Get("content_hash"),
		Doc: markdown.Parse(body),
	}
	return a, checkOutline(name, body, a)
}

// checkOutline holds the article to the shape the page relies on: one
// level-1 heading equal to the title, then sections at level 2 with unique
// ids. Heading levels may not skip, so screen-reader outlines stay intact.
func checkOutline(name string, body []byte, a *Article) error {
	hs := a.Doc.Headings()
	if len(hs) == 0 || hs[0].Level != 1 {
		return fmt.Errorf("%s:%d: the article must start with one level-1 heading (# Title)", name, firstTextLine(body))
	}
	if hs[0].Text != a.Title {
		return fmt.Errorf("%s:%d: heading %q differs from the front matter title %q", name, lineOfText(body, hs[0].Text), hs[0].Text, a.Title)
	}
	prev := 1
	for _, h := range hs[1:] {
		switch {
		case h.Level == 1:
			return fmt.Errorf("%s:%d: a second level-1 heading %q; use ## for sections", name, lineOfText(body, h.Text), h.Text)
		case h.Level > prev+1:
			return fmt.Errorf("%s:%d: heading %q skips from level %d to %d", name, lineOfText(body, h.Text), h.Text, prev, h.Level)
		}
		prev = h.Level
	}
	if len(a.SectionIDs()) == 0 {
		return fmt.Errorf("%s:%d: the article has no ## sections", name, firstTextLine(body))
	}
	return nil
}

// SectionIDs lists the ids of the article's sections, for links into it.
func (a *Article) SectionIDs() []string { return a.Doc.SectionIDs() }

// HasSection reports whether id names a section of the article.
func (a *Article) HasSection(id string) bool {
	for _, s := range a.SectionIDs() {
		if s == id {
			return true
		}
	}
	return false
}

// ReadingMinutes estimates reading time at 200 words a minute, a common
// figure for adults reading on screens, rounded up.
func (a *Article) ReadingMinutes() int {
	return (a.Doc.Words() + 199) / 200
}

func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, r := range s {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return s[5:7] >= "01" && s[5:7] <= "12" && s[8:] >= "01" && s[8:] <= "31"
}

// checkSignOff holds the sign-off to all four keys or none, a review due
// after it was done, and a hash as `explainer review` prints it.
func checkSignOff(name string, meta markdown.Meta) error {
	set := 0
	for _, k := range signOffKeys {
		if meta.Get(k) != "" {
			set++
		}
	}
	if set == 0 {
		return nil
	}
	for _, k := range signOffKeys {
		if meta.Get(k) == "" {
			return fmt.Errorf("%s:%d: the sign-off needs %s as well (set %s, or none of them)", name, lineOf(meta, k), k, strings.Join(signOffKeys, ", "))
		}
	}
	if meta.Get("next_review") <= meta.Get("last_reviewed") {
		return fmt.Errorf("%s:%d: next_review %s is not after last_reviewed %s", name, lineOf(meta, "next_review"), meta.Get("next_review"), meta.Get("last_reviewed"))
	}
	if h := meta.Get("content_hash"); len(h) != 64 || strings.Trim(h, "0123456789abcdef") != "" {
		return fmt.Errorf("%s:%d: content_hash %q is not a SHA-256 as `explainer review` prints it (64 lower-case hex digits)", name, lineOf(meta, "content_hash"), h)
	}
	return nil
}

func lineOf(meta markdown.Meta, key string) int {
	for _, f := range meta {
		if f.Key == key {
			return f.Line
		}
	}
	return 1
}

func firstTextLine(body []byte) int {
	for i, l := range strings.Split(string(body), "\n") {
		if strings.TrimSpace(l) != "" {
			return i + 1
		}
	}
	return 1
}

// lineOfText finds the line holding a heading's text, for error messages.
func lineOfText(body []byte, text string) int {
	for i, l := range strings.Split(string(body), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "#") && strings.Contains(l, text) {
			return i + 1
		}
	}
	return firstTextLine(body)
}
