package aids

import (
	"regexp"

	"explainer/app/contentfile"
	"strings"
	"unicode"
)

// Term is one glossary entry.
type Term struct {
	ID         string   // stable id: the /glossary#id deep link
	Name       string   // as the glossary lists it
	Match      []string // spellings to find in the text, case-insensitive
	Definition string
	Line       int // of its heading in the file
}

// Glossary limits, from the issue: 10 to 20 terms.
const (
	MinTerms = 10
	MaxTerms = 20
)

var termHeading = regexp.MustCompile(`^## (.+?) \{#([a-z0-9-]+)\}$`)

// ParseGlossary reads glossary.md: "# " comments, then per term a
// "## Name {#id}" heading, an optional "match: a | b" line and the
// definition (lines joined with spaces) up to the next heading.
func ParseGlossary(name string, src []byte) ([]Term, error) {
	var terms []Term
	ids := map[string]int{}
	sc := contentfile.NewScanner(name, src)
	for sc.Scan() {
		l := sc.Text()
		var cur *Term
		if len(terms) > 0 {
			cur = &terms[len(terms)-1]
		}
		switch {
		case strings.HasPrefix(l, "## "):
			m := termHeading.FindStringSubmatch(l)
			if m == nil {
				return nil, sc.Errorf("want a term heading like \"## Name {#id}\", got %q", l)
			}
			if prev, dup := ids[m[2]]; dup {
				return nil, sc.Errorf("term id %q already used at line %d", m[2], prev)
			}
			ids[m[2]] = sc.Line()
			terms = append(terms, Term{ID: m[2], Name: m[1], Line: sc.Line()})
		case cur == nil:
			return nil, sc.Errorf("text before the first ## term heading")
		case strings.HasPrefix(l, "match:") && cur.Definition == "":
			for _, s := range strings.Split(l[len("match:"):], "|") {
				if s = strings.TrimSpace(s); s != "" {
					cur.Match = append(cur.Match, s)
				}
			}
		default:
			cur.Definition = strings.TrimSpace(cur.Definition + " " + strings.TrimSpace(l))
		}
	}
	for i := range terms {
		t := &terms[i]
		if t.Definition == "" {
			return nil, contentfile.Errorf(name, t.Line, "term %q has no definition", t.Name)
		}
		if len(t.Match) == 0 {
			t.Match = []string{strings.ToLower(t.Name)}
		}
	}
	if len(terms) < MinTerms || len(terms) > MaxTerms {
		return nil, contentfile.Errorf(name, 1, "%d terms, want %d to %d", len(terms), MinTerms, MaxTerms)
	}
	return terms, nil
}

// CheckUsed fails for a term that none of the texts use: a glossary entry
// for a word the reader never meets is a sign the text or the file changed.
func CheckUsed(name string, terms []Term, texts ...string) error {
	for _, t := range terms {
		used := false
		for _, s := range texts {
			if _, _, ok := find(s, t.Match); ok {
				used = true
				break
			}
		}
		if !used {
			return contentfile.Errorf(name, t.Line, "term %q (%s) occurs neither in the article nor in the FAQ", t.Name, strings.Join(t.Match, ", "))
		}
	}
	return nil
}

// find returns the earliest whole-word, case-insensitive occurrence of any
// of the spellings in s. Terms are ASCII, so lower-casing keeps offsets.
func find(s string, spellings []string) (start, end int, ok bool) {
	ls := strings.ToLower(s)
	start = -1
	for _, sp := range spellings {
		lsp := strings.ToLower(sp)
		for from := 0; from < len(ls); {
			i := strings.Index(ls[from:], lsp)
			if i < 0 {
				break
			}
			i += from
			j := i + len(lsp)
			if wordEdge(s, i-1) && wordEdge(s, j) && (start < 0 || i < start) {
				start, end = i, j
			}
			from = i + 1
		}
	}
	return start, end, start >= 0
}

// wordEdge reports whether the byte at i is outside s or not part of a word.
func wordEdge(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	r := rune(s[i])
	return r < 0x80 && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// Piece is a run of text, which is the first use of Term when Term is set.
type Piece struct {
	Text string
	Term *Term
}

// Marker finds the first use of each term across the texts it is given,
// in order: once a term is marked it is never marked again.
type Marker struct {
	terms []Term
	used  map[string]bool
	fresh []*Term // marked since the last Take, in order
}

// NewMarker marks the first use of each of terms.
func NewMarker(terms []Term) *Marker {
	return &Marker{terms: terms, used: map[string]bool{}}
}

// Split cuts s at the first uses of the terms not yet marked. It returns nil
// when s holds none, so callers can keep the text as it is.
func (m *Marker) Split(s string) []Piece {
	var out []Piece
	for {
		best, bs, be := -1, 0, 0
		for i := range m.terms {
			if m.used[m.terms[i].ID] {
				continue
			}
			if st, en, ok := find(s, m.terms[i].Match); ok && (best < 0 || st < bs) {
				best, bs, be = i, st, en
			}
		}
		if best < 0 {
			break
		}
		t := &m.terms[best]
		m.used[t.ID] = true
		m.fresh = append(m.fresh, t)
		if bs > 0 {
			out = append(out, Piece{Text: s[:bs]})
		}
		out = append(out, Piece{Text: s[bs:be], Term: t})
		s = s[be:]
	}
	if out == nil {
		return nil
	}
	if s != "" {
		out = append(out, Piece{Text: s})
	}
	return out
}

// Take returns the terms marked since the last call, in order of use.
func (m *Marker) Take() []*Term {
	f := m.fresh
	m.fresh = nil
	return f
}
