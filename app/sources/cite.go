package sources

import (
	"fmt"
	"sort"
	"strings"
)

// Citer finds citations in text.
type Citer struct {
	// forms by their first byte, each list longest first, so that
	// "NICE NG116 (2018)" wins over "NICE NG116". Texts are scanned at
	// every byte on a phone's start-up: most bytes start no form at all.
	forms [256][]form
}

type form struct {
	text string
	src  *Source
}

// Piece is a run of text: a citation of Source, or plain text (nil).
type Piece struct {
	Text   string
	Source *Source
}

// NewCiter recognises the cite forms of list.
func NewCiter(list []*Source) *Citer {
	c := &Citer{}
	for _, s := range list {
		for _, f := range s.Cite {
			c.forms[f[0]] = append(c.forms[f[0]], form{f, s})
		}
	}
	for _, fs := range c.forms {
		sort.SliceStable(fs, func(i, j int) bool { return len(fs[i].text) > len(fs[j].text) })
	}
	return c
}

// Split cuts s into plain runs and citations, or returns nil when s cites
// nothing. A form counts only as a whole: not inside a longer word or
// number ("Shedler 2010" is not cited by "Shedler 20101").
func (c *Citer) Split(s string) []Piece {
	var out []Piece
	last := 0
	for i := 0; i < len(s); {
		f := c.at(s, i)
		if f == nil {
			i++
			continue
		}
		if i > last {
			out = append(out, Piece{Text: s[last:i]})
		}
		out = append(out, Piece{Text: f.text, Source: f.src})
		i += len(f.text)
		last = i
	}
	if out == nil {
		return nil
	}
	if last < len(s) {
		out = append(out, Piece{Text: s[last:]})
	}
	return out
}

// at returns the longest form that starts at s[i] as a whole, or nil.
func (c *Citer) at(s string, i int) *form {
	fs := c.forms[s[i]]
	if len(fs) == 0 || i > 0 && word(s[i-1]) {
		return nil
	}
	for k := range fs {
		f := &fs[k]
		end := i + len(f.text)
		if strings.HasPrefix(s[i:], f.text) && (end == len(s) || !word(s[end]) || !word(f.text[len(f.text)-1])) {
			return f
		}
	}
	return nil
}

func word(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// Text is a text that may cite sources, and where it is.
type Text struct {
	File  string
	Line  int
	Value string
}

// Check finds, in texts, a citation with no source (a year, a "§" or a
// "CFR" reference that no cite form covers) and a source nothing cites.
// It returns the first problem as "file:line: reason".
func Check(list []*Source, sourcesFile string, texts []Text) error {
	c := NewCiter(list)
	cited := map[*Source]bool{}
	for _, t := range texts {
		pieces := c.Split(t.Value)
		if pieces == nil {
			pieces = []Piece{{Text: t.Value}}
		}
		for _, p := range pieces {
			if p.Source != nil {
				cited[p.Source] = true
				continue
			}
			if ref := uncited(p.Text); ref != "" {
				return fmt.Errorf("%s:%d: %q cites no source in %s; add it there, or write the citation as one of a source's cite forms", t.File, t.Line, ref, sourcesFile)
			}
		}
	}
	for _, s := range list {
		if !cited[s] {
			return fmt.Errorf("%s:%d: source %q is cited nowhere (cite forms: %s)", sourcesFile, s.Line, s.ID, strings.Join(s.Cite, " | "))
		}
	}
	return nil
}

// uncited returns the first thing in plain text that reads as a reference
// to a source: a year from 1900 to 2099 standing alone, a section sign, or
// "CFR"; with a few words around it, so an editor can find it. "" if none.
func uncited(s string) string {
	for i := 0; i < len(s); i++ {
		n := 0
		switch {
		case strings.HasPrefix(s[i:], "§"):
			n = len("§")
		case strings.HasPrefix(s[i:], "CFR") && (i == 0 || !word(s[i-1])) && (i+3 == len(s) || !word(s[i+3])):
			n = 3
		case i+4 <= len(s) && (s[i:i+2] == "19" || s[i:i+2] == "20") && digits(s[i+2:i+4]) &&
			(i == 0 || !word(s[i-1])) && (i+4 == len(s) || !word(s[i+4])):
			n = 4
		default:
			continue
		}
		from, to := max(0, i-24), min(len(s), i+n+24)
		for from > 0 && s[from]&0xC0 == 0x80 {
			from--
		}
		for to < len(s) && s[to]&0xC0 == 0x80 {
			to++
		}
		return strings.TrimSpace(s[from:to])
	}
	return ""
}

func digits(s string) bool { return strings.Trim(s, "0123456789") == "" }
