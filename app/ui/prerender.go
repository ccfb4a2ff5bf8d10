package ui

import (
	"slices"
	"strings"

	"explainer/app/contract"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Prerender renders a component to HTML for the server's prerendered pages.
// go-app's encoder indents children on new lines, which puts a visible space between a link or
// emphasis and the punctuation after it ("why ."); our text nodes never hold
// a newline, so removing every newline-and-indent restores the exact text.
// The encoder also writes an element's attributes in map order, so the same
// page came out different from one server start to the next; sorting them
// makes the bytes, and so the ETag and the static export, the same each time.
func Prerender(c app.Composer) string {
	return rewriteStartTags(stripIndent(app.HTMLString(c)), func(attrs []string) []string {
		return sortAttrs(ariaTrueAttrs(attrs))
	})
}

// BannerTemplates is the markup of the banners web/boot.js shows before the
// app runs, as <template data-banner> elements for the page's shell: the
// same components the app renders, so the wording has one source.
func BannerTemplates() string {
	var b strings.Builder
	for _, t := range []struct {
		name string
		ui   app.UI
	}{
		{contract.BannerUpdate, updateBanner(nil)},
		{contract.BannerInstall, installOffer(false, nil, nil)},
	} {
		b.WriteString(`<template ` + contract.AttrBanner + `="` + t.name + `">`)
		b.WriteString(rewriteStartTags(stripIndent(app.HTMLString(t.ui)), sortAttrs))
		b.WriteString("</template>")
	}
	return b.String()
}

// ariaTrueAttrs restores the value of ARIA attributes set to "true":
// go-app's server encoder writes any attribute whose value is "true" bare,
// as HTML booleans are written, but a bare aria-disabled or aria-expanded is
// the empty string, which assistive technology reads as false.
func ariaTrueAttrs(attrs []string) []string {
	for i, a := range attrs {
		if strings.HasPrefix(a, "aria-") && !strings.Contains(a, "=") {
			attrs[i] = a + `="true"`
		}
	}
	return attrs
}

// sortAttrs puts attributes in name order.
func sortAttrs(attrs []string) []string {
	slices.SortStableFunc(attrs, func(x, y string) int { return strings.Compare(attrName(x), attrName(y)) })
	return attrs
}

func attrName(a string) string {
	if eq := strings.IndexByte(a, '='); eq >= 0 {
		return a[:eq]
	}
	return a
}

// rewriteStartTags passes the attributes of every start tag, each as written
// (name, or name="value"), through f. Everything else, the contents of
// script and style elements included, is copied as it is.
func rewriteStartTags(s string, f func(attrs []string) []string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			b.WriteString(s[i:])
			break
		}
		if i+lt+1 >= len(s) || !isLetter(s[i+lt+1]) {
			b.WriteString(s[i : i+lt+1])
			i += lt + 1
			continue
		}
		b.WriteString(s[i : i+lt])
		i += lt
		end, name, attrs, tail := startTag(s, i)
		if end < 0 { // unterminated: leave the rest alone
			b.WriteString(s[i:])
			break
		}
		b.WriteString("<" + name)
		for _, a := range f(attrs) {
			b.WriteString(" " + a)
		}
		b.WriteString(tail)
		i = end
		if name == "script" || name == "style" {
			close := strings.Index(s[i:], "</"+name)
			if close < 0 {
				close = len(s) - i
			}
			b.WriteString(s[i : i+close])
			i += close
		}
	}
	return b.String()
}

// startTag reads the start tag at s[i] ('<' then a letter): its name, its
// attributes as written, what closes it (">" or "/>") and the index just
// past it; end is -1 if the tag never closes.
func startTag(s string, i int) (end int, name string, attrs []string, tail string) {
	j := i + 1
	for j < len(s) && !isSpace(s[j]) && s[j] != '>' && s[j] != '/' {
		j++
	}
	name = s[i+1 : j]
	for j < len(s) {
		switch {
		case isSpace(s[j]):
			j++
		case s[j] == '>':
			return j + 1, name, attrs, ">"
		case strings.HasPrefix(s[j:], "/>"):
			return j + 2, name, attrs, "/>"
		default:
			k := j
			for k < len(s) && !isSpace(s[k]) && s[k] != '>' && s[k] != '=' && !strings.HasPrefix(s[k:], "/>") {
				k++
			}
			if k < len(s) && s[k] == '=' {
				k++
				if k < len(s) && s[k] == '"' {
					// go-app quotes values the way strconv does: \" is a quote
					// inside, and a value may hold '>' or " aria-".
					k++
					for k < len(s) && s[k] != '"' {
						if s[k] == '\\' {
							k++
						}
						k++
					}
					k++
				} else {
					for k < len(s) && !isSpace(s[k]) && s[k] != '>' {
						k++
					}
				}
			}
			if k > len(s) {
				return -1, name, attrs, ""
			}
			if k == j { // a stray character: keep it as it is
				k++
			}
			attrs = append(attrs, s[j:k])
			j = k
		}
	}
	return -1, name, attrs, ""
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isSpace(c byte) bool  { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

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
