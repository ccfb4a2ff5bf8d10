//go:build !js

package server

import (
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"explainer/app/site"
)

// reviewFlags declares review's flags, in one place the README's test reads.
func reviewFlags(fs *flag.FlagSet) (status *bool) {
	return fs.Bool("status", false, "print only whether the content's sign-off is current")
}

// reviewMain is `explainer review`: it writes the review document, every
// text the site writes in its own voice with the SHA-256 the practice signs,
// to standard output. With -status it prints only whether the sign-off is
// current, as a notice when it is not (make test runs it); it never fails on
// that, since the texts are edited before they are signed again.
func reviewMain(args []string, s *site.Site, stdout, stderr io.Writer, now time.Time) int {
	fs := flag.NewFlagSet("explainer review", flag.ContinueOnError)
	fs.SetOutput(stderr)
	status := reviewFlags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "explainer review: unexpected argument %q (the document goes to standard output)\n", fs.Arg(0))
		return 2
	}
	if *status {
		if n := reviewNotice(s, now); n != "" {
			fmt.Fprintln(stdout, "explainer:", n)
		} else {
			a := s.Article
			fmt.Fprintf(stdout, "explainer: the content's sign-off by %s on %s is current; next review %s.\n", a.ReviewedBy, a.LastReviewed, a.NextReview)
		}
		return 0
	}
	if _, err := io.WriteString(stdout, ReviewDocument(s, now)); err != nil {
		fmt.Fprintln(stderr, "explainer review:", err)
		return 1
	}
	return 0
}

// ReviewDocument is the review as one self-contained HTML page: no script,
// no file or request beyond itself, so it can be saved, mailed or printed.
// At its top, the SHA-256 to record when signing; then every text, with
// the part it belongs to and what it is.
func ReviewDocument(s *site.Site, now time.Time) string {
	parts := s.ReviewParts()
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	esc := html.EscapeString
	w(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Content review: %s</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
.hash { font: 0.95rem ui-monospace, monospace; overflow-wrap: anywhere; background: #f3ede3; padding: 0.5rem; }
h2 { border-bottom: 1px solid #cfc6b8; margin-top: 2.5rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
p { margin: 0.25rem 0; white-space: pre-wrap; }
</style>
</head>
<body>
<h1>Content review</h1>
<p>Every text this site writes in its own voice, as a reader sees it. Dr. Kaiser's article is her own text and is not part of it.</p>
<p>SHA-256 of the text below:</p>
<p class="hash" id="content-hash">%s</p>
<p>To sign: read every part, then record in the front matter of content/article.md the reviewer's name (reviewed_by), today's date (last_reviewed), the next review date (next_review) and the SHA-256 above (content_hash). See "Reviewing and signing the content" in content/README.md. %s</p>
`, esc(s.Article.Title), s.ContentHash, esc(statusLine(s, now)))
	for _, p := range parts {
		w("<h2>%s</h2>\n", esc(p.Title))
		for _, it := range p.Items {
			w("<h3>%s</h3>\n", esc(it.Label))
			for _, l := range strings.Split(it.Text, "\n") {
				w("<p>%s</p>\n", esc(l))
			}
		}
	}
	w("</body>\n</html>\n")
	return b.String()
}

// statusLine says how the recorded sign-off stands.
func statusLine(s *site.Site, now time.Time) string {
	if n := reviewNotice(s, now); n != "" {
		return "Now: " + strings.TrimPrefix(n, "notice: ")
	}
	return "Now: the recorded sign-off matches this text and is current."
}

// reviewNotice is what the server's start-up and `explainer review
// -status` (make test) print when the site shows no sign-off, or "" when
// the sign-off is current.
func reviewNotice(s *site.Site, now time.Time) string {
	a := s.Article
	const how = " The site shows no review line until the practice signs the texts as they are now: see \"Reviewing and signing the content\" in content/README.md."
	switch s.Review(now) {
	case site.Unsigned:
		return "notice: the site's texts (FAQ, questionnaire, safety line, comparison, In short, glossary, sources) have no sign-off in content/article.md." + how
	case site.Changed:
		return fmt.Sprintf("notice: the site's texts changed since %s signed them off on %s (signed SHA-256 %s, now %s).%s",
			a.ReviewedBy, a.LastReviewed, a.ContentSHA256, s.ContentHash, how)
	case site.Expired:
		return fmt.Sprintf("notice: the sign-off by %s on %s was due for review on %s.%s", a.ReviewedBy, a.LastReviewed, a.NextReview, how)
	}
	return ""
}
