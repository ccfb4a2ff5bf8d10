// Package sources reads the works the site cites (content/sources.md) and
// finds their citations in running text: a citation is written in the text
// as one of its source's "cite" forms ("Shedler 2010", "NICE NG222"), and a
// page links it to the source's entry on /sources. Texts are plain, so the
// same mechanism serves Markdown answers, table cells and the
// questionnaire's plain-text values.
//
// The package uses only the standard library and no regexp: it is compiled
// to WebAssembly.
package sources

import (
	"fmt"
	"strings"
)

// Source is one work the site cites.
type Source struct {
	ID    string   // the entry's anchor on /sources, stable across rewording
	Label string   // how the entry is headed, e.g. "Shedler 2010"
	Cite  []string // the forms that cite it in text; the label if none given
	// The reference in full: who wrote or issued it, when, what, where.
	Authors, Year, Title, In string
	Link                     string // a DOI or the publisher's page (https)
	Line                     int    // the entry's "## " line
}

// Current is the year of a law or rule cited as it is in force now.
const Current = "current"

// fields are the keys an entry has; all but cite are required.
var fields = []string{"cite", "authors", "year", "title", "in", "link"}

// Parse reads the sources file: "# " comments, then one entry per
// "## Label {#id}" heading with its "key: value" lines.
func Parse(name string, src []byte) ([]*Source, error) {
	errorf := func(n int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...))
	}
	var out []*Source
	var cur *Source
	seen := map[string]int{}
	ids := map[string]int{}
	forms := map[string]string{}
	finish := func() error {
		if cur == nil {
			return nil
		}
		for _, k := range fields[1:] {
			if seen[k] == 0 {
				return errorf(cur.Line, "source %q has no %q line", cur.ID, k)
			}
		}
		if len(cur.Cite) == 0 {
			cur.Cite = []string{cur.Label}
		}
		for _, f := range cur.Cite {
			if other, ok := forms[f]; ok {
				return errorf(cur.Line, "source %q: %q already cites %q", cur.ID, f, other)
			}
			forms[f] = cur.ID
		}
		out = append(out, cur)
		return nil
	}
	for i, l := range strings.Split(string(src), "\n") {
		n := i + 1
		l = strings.TrimRight(l, " \t\r")
		switch {
		case l == "" || l == "#" || strings.HasPrefix(l, "# "):
			continue
		case strings.HasPrefix(l, "## "):
			if err := finish(); err != nil {
				return nil, err
			}
			label, id, ok := heading(l[3:])
			if !ok {
				return nil, errorf(n, `want "## Label {#id}" with an id of a-z, 0-9 and -`)
			}
			if first, dup := ids[id]; dup {
				return nil, errorf(n, "duplicate id %q (first on line %d)", id, first)
			}
			ids[id] = n
			cur, seen = &Source{ID: id, Label: label, Line: n}, map[string]int{}
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok || k == "" || strings.ContainsAny(k, " \t") {
			return nil, errorf(n, `want "key: value", "## Label {#id}" or a "# " comment`)
		}
		if cur == nil {
			return nil, errorf(n, "%q before the first source", k)
		}
		if err := cur.set(k, strings.TrimSpace(v), seen, n); err != "" {
			return nil, errorf(n, "source %q: %s", cur.ID, err)
		}
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errorf(1, "no sources")
	}
	return out, nil
}

// set stores one field and returns what is wrong with it, or "".
func (s *Source) set(k, v string, seen map[string]int, n int) string {
	if first := seen[k]; first != 0 {
		return fmt.Sprintf("%q already set at line %d", k, first)
	}
	seen[k] = n
	if v == "" {
		return fmt.Sprintf("%q is empty", k)
	}
	switch k {
	case "cite":
		for _, f := range strings.Split(v, "|") {
			if f = strings.TrimSpace(f); f == "" {
				return "an empty cite form"
			}
			s.Cite = append(s.Cite, strings.TrimSpace(f))
		}
	case "authors":
		s.Authors = v
	case "year":
		// A law or rule is cited as it is in force now, not as of a year.
		if v != Current && (len(v) != 4 || strings.Trim(v, "0123456789") != "") {
			return fmt.Sprintf("year %q is not a year like 2017, or %q", v, Current)
		}
		s.Year = v
	case "title":
		s.Title = v
	case "in":
		s.In = v
	case "link":
		// A reader follows it to check the source; the site fetches nothing.
		if !strings.HasPrefix(v, "https://") || strings.ContainsAny(v, " \"<>") {
			return fmt.Sprintf("link %q is not an https:// address", v)
		}
		s.Link = v
	default:
		return fmt.Sprintf("unknown key %q (want %s)", k, strings.Join(fields, ", "))
	}
	return ""
}

// heading splits "Label {#id}".
func heading(s string) (label, id string, ok bool) {
	i := strings.LastIndex(s, "{#")
	if i < 0 || !strings.HasSuffix(s, "}") {
		return "", "", false
	}
	label, id = strings.TrimSpace(s[:i]), s[i+2:len(s)-1]
	if label == "" || id == "" || strings.Trim(id, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return "", "", false
	}
	return label, id, true
}
