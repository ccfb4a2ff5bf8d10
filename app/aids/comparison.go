package aids

import (
	"fmt"
	"slices"
	"strings"

	"explainer/app/contentfile"
)

// Comparison is the side-by-side table of psychodynamic therapy and CBT
// (content/comparison.md): drawn only from the article's own contrasts,
// every row naming the sections it rests on.
type Comparison struct {
	Caption string // the table's caption
	Note    string // one line under the caption, fair to both
	Left    string // the first column's name (psychodynamic therapy)
	Right   string // the second column's name (CBT)
	Rows    []Row
}

// Row is one aspect compared.
type Row struct {
	Aspect   string   // the row header, e.g. "Homework"
	Left     string   // the psychodynamic cell
	Right    string   // the CBT cell
	Sections []string // ids of the article sections the row rests on
	Line     int      // the row's "## " line in the file
}

// Row limits: enough to compare the aspects, few enough for a phone.
const (
	MinRows = 5
	MaxRows = 10
)

// ParseComparison reads comparison.md: "# " comments, blank lines, the
// header keys (caption, note, left, right), then "## aspect" rows, each
// with exactly the keys psychodynamic, cbt and section. Every section id
// must be one of sectionIDs (the article's ## sections).
func ParseComparison(name string, src []byte, sectionIDs []string) (*Comparison, error) {
	c := &Comparison{}
	head := &fields{where: "before the first row", line: 1, keys: []string{"caption", "note", "left", "right"},
		vals: []*string{&c.Caption, &c.Note, &c.Left, &c.Right}}
	cur := head
	var rows []*Row
	var blocks []*fields
	sc := contentfile.NewScanner(name, src)
	for sc.Scan() {
		if aspect, ok := strings.CutPrefix(sc.Text(), "## "); ok {
			r, err := startRow(sc, strings.TrimSpace(aspect), rows)
			if err != nil {
				return nil, err
			}
			rows = append(rows, r)
			cur = &fields{where: fmt.Sprintf("in row %q", r.Aspect), line: r.Line, keys: []string{"psychodynamic", "cbt", "section"},
				vals: []*string{&r.Left, &r.Right, new(string)}, check: map[string]func(string) error{"section": r.sections(sc, sectionIDs)}}
			blocks = append(blocks, cur)
			continue
		}
		key, val, ok := contentfile.KeyValue(sc.Text())
		if !ok {
			return nil, sc.Errorf("want \"key: value\", \"## aspect\" or a \"# \" comment, got %q", sc.Text())
		}
		if err := cur.set(sc, key, val); err != nil {
			return nil, err
		}
	}
	if k := head.missing(); k != "" {
		return nil, contentfile.Errorf(name, 1, "no %q line before the first row", k)
	}
	for i, b := range blocks {
		if k := b.missing(); k != "" {
			return nil, contentfile.Errorf(name, b.line, "row %q has no %q line", rows[i].Aspect, k)
		}
		c.Rows = append(c.Rows, *rows[i])
	}
	if len(c.Rows) < MinRows || len(c.Rows) > MaxRows {
		return nil, contentfile.Errorf(name, 1, "%d rows, want %d to %d", len(c.Rows), MinRows, MaxRows)
	}
	return c, nil
}

// startRow makes the row that a "## aspect" line starts, after rows.
func startRow(sc *contentfile.Scanner, aspect string, rows []*Row) (*Row, error) {
	if aspect == "" {
		return nil, sc.Errorf("a row with no aspect")
	}
	for _, r := range rows {
		if strings.EqualFold(r.Aspect, aspect) {
			return nil, sc.Errorf("row %q already at line %d", aspect, r.Line)
		}
	}
	return &Row{Aspect: aspect, Line: sc.Line()}, nil
}

// sections checks a row's "section" value against the article's section
// ids and keeps them.
func (r *Row) sections(sc *contentfile.Scanner, sectionIDs []string) func(string) error {
	return func(v string) error {
		for _, id := range strings.Fields(v) {
			if !slices.Contains(sectionIDs, id) {
				return sc.Errorf("the article has no section %q", id)
			}
			r.Sections = append(r.Sections, id)
		}
		return nil
	}
}

// fields is a block of "key: value" lines: each of keys once, none other,
// none empty.
type fields struct {
	where string // for messages: "before the first row", "in row \"x\""
	line  int    // where the block starts
	keys  []string
	vals  []*string
	check map[string]func(value string) error // further checks by key
	seen  map[string]int                      // key → its line
}

func (f *fields) set(sc *contentfile.Scanner, key, val string) error {
	i := slices.Index(f.keys, key)
	switch {
	case i < 0:
		return sc.Errorf("unknown key %q %s, want %s or %s", key, f.where,
			strings.Join(f.keys[:len(f.keys)-1], ", "), f.keys[len(f.keys)-1])
	case f.seen[key] != 0:
		return sc.Errorf("%q already set at line %d", key, f.seen[key])
	case val == "":
		return sc.Errorf("%q is empty", key)
	}
	if f.seen == nil {
		f.seen = map[string]int{}
	}
	f.seen[key], *f.vals[i] = sc.Line(), val
	if check := f.check[key]; check != nil {
		return check(val)
	}
	return nil
}

// missing is the first key the block lacks, or "".
func (f *fields) missing() string {
	for _, k := range f.keys {
		if f.seen[k] == 0 {
			return k
		}
	}
	return ""
}
