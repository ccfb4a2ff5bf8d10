package site

import (
	"fmt"
	"strings"

	"explainer/app/markdown"
)

// Safety is the site's one safety line (content/safety.md): where to get
// help now. Every page shows this one value, so its wording and numbers
// change in one place.
type Safety struct {
	// Line is the line as Markdown: one paragraph, its links to a phone
	// number, a text number or the Lifeline's own site.
	Line *markdown.Doc
	// Text is the line as plain text, for search and the review document.
	Text string
	// FAQ is the id of the FAQ answer that shows the line first.
	FAQ     string
	FAQLine int // the line of "faq:", for errors about the id
}

// ParseSafety reads the safety file: "# " comments, blank lines, and the
// keys line, site and faq, each once. The line may link to numbers to call
// or text and to pages of site, which the reader opens themselves.
func ParseSafety(name string, src []byte) (*Safety, error) {
	errorf := func(n int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...))
	}
	s := &Safety{}
	seen := map[string]int{}
	lineAt, line, site := 0, "", ""
	for i, l := range strings.Split(string(src), "\n") {
		n := i + 1
		l = strings.TrimRight(l, " \t\r")
		if l == "" || l == "#" || strings.HasPrefix(l, "# ") {
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok || k == "" || strings.ContainsAny(k, " \t") {
			return nil, errorf(n, `want "key: value" or a "# " comment`)
		}
		v = strings.TrimSpace(v)
		if first, dup := seen[k]; dup {
			return nil, errorf(n, "%q already set at line %d", k, first)
		}
		seen[k] = n
		if v == "" {
			return nil, errorf(n, "%q is empty", k)
		}
		switch k {
		case "line":
			line, lineAt = v, n
		case "site":
			if !strings.HasPrefix(v, "https://") || !strings.HasSuffix(v, "/") || strings.ContainsAny(v, " \"<>") {
				return nil, errorf(n, "site %q is not an https:// address ending in /", v)
			}
			site = v
		case "faq":
			s.FAQ, s.FAQLine = v, n
		default:
			return nil, errorf(n, "unknown key %q (want line, site or faq)", k)
		}
	}
	if lineAt == 0 {
		return nil, errorf(1, `no "line" line`)
	}
	if site == "" {
		return nil, errorf(1, `no "site" line`)
	}
	if err := s.setLine(line, site); err != "" {
		return nil, errorf(lineAt, "%s", err)
	}
	if s.FAQ == "" {
		return nil, errorf(1, `no "faq" line`)
	}
	return s, nil
}

// setLine parses the line's Markdown and returns what is wrong with it.
func (s *Safety) setLine(v, site string) string {
	d := markdown.Parse([]byte(v))
	if !d.OneParagraph() {
		return "the line must be one paragraph of text and links"
	}
	for _, l := range d.Links() {
		if !strings.HasPrefix(l.Dest, "tel:") && !strings.HasPrefix(l.Dest, "sms:") && !strings.HasPrefix(l.Dest, site) {
			return fmt.Sprintf("link %q: the line may only call or text a number, or link to %s", l.Dest, site)
		}
	}
	s.Line, s.Text = d, d.PlainText()
	return ""
}
