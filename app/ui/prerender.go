package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Prerender renders a component to HTML for the server's prerendered pages.
// go-app's encoder indents children on new lines, which puts a visible space between a link or
// emphasis and the punctuation after it ("why ."); our text nodes never hold
// a newline, so removing every newline-and-indent restores the exact text.
func Prerender(c app.Composer) string {
	return ariaTrue(stripIndent(app.HTMLString(c)))
}

// ariaTrue restores the value of ARIA attributes set to "true": go-app's
// server encoder writes any attribute whose value is "true" bare, as HTML
// booleans are written, but a bare aria-disabled or aria-expanded is the
// empty string, which assistive technology reads as false.
func ariaTrue(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inTag := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '<':
			inTag = true
		case c == '>':
			inTag = false
		case inTag && c == ' ' && strings.HasPrefix(s[i+1:], "aria-"):
			j := i + 1
			for j < len(s) && (s[j] == '-' || s[j] >= 'a' && s[j] <= 'z') {
				j++
			}
			if j < len(s) && (s[j] == ' ' || s[j] == '>' || s[j] == '/') {
				b.WriteString(s[i:j] + `="true"`)
				i = j - 1
				continue
			}
		case inTag && c == '"':
			// Skip a quoted value whole: it may hold '>' or " aria-".
			end := i + 1
			for end < len(s) && s[end] != '"' {
				if s[end] == '\\' {
					end++
				}
				end++
			}
			b.WriteString(s[i:min(end+1, len(s))])
			i = end
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func stripIndent(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if strings.HasPrefix(s[i:], "<pre") {
			// Preformatted text keeps its own line breaks.
			end := strings.Index(s[i:], "</pre>")
			if end < 0 {
				end = len(s) - i - len("</pre>")
			}
			// Preformatted text keeps its own line breaks; only go-app's
			// indentation around the <code> element goes.
			seg := s[i : i+end]
			open := strings.IndexByte(seg, '>') + 1
			b.WriteString(seg[:open] + strings.TrimSpace(seg[open:]) + "</pre>")
			i += end + len("</pre>") - 1
			continue
		}
		if s[i] == '\n' {
			// go-app indents two spaces per level; an odd space left over
			// is the text's own leading space (" or " after a link) and
			// stays.
			n := 0
			for i+1+n < len(s) && s[i+1+n] == ' ' {
				n++
			}
			i += n - n%2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
