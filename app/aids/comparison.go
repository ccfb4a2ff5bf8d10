package aids

import (
	"strings"
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
	known := map[string]bool{}
	for _, id := range sectionIDs {
		known[id] = true
	}
	c := &Comparison{}
	head := map[string]*string{"caption": &c.Caption, "note": &c.Note, "left": &c.Left, "right": &c.Right}
	headLine := map[string]int{}
	var row *Row
	rowKeys := map[string]int{}
	finish := func() error {
		if row == nil {
			return nil
		}
		for _, k := range []string{"psychodynamic", "cbt", "section"} {
			if rowKeys[k] == 0 {
				return errorf(name, row.Line, "row %q has no %q line", row.Aspect, k)
			}
		}
		c.Rows = append(c.Rows, *row)
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
			aspect := strings.TrimSpace(l[3:])
			if aspect == "" {
				return nil, errorf(name, n, "a row with no aspect")
			}
			for _, r := range c.Rows {
				if strings.EqualFold(r.Aspect, aspect) {
					return nil, errorf(name, n, "row %q already at line %d", aspect, r.Line)
				}
			}
			row, rowKeys = &Row{Aspect: aspect, Line: n}, map[string]int{}
			continue
		}
		key, val, ok := strings.Cut(l, ":")
		val = strings.TrimSpace(val)
		if !ok || strings.ContainsAny(key, " \t") || key == "" {
			return nil, errorf(name, n, "want \"key: value\", \"## aspect\" or a \"# \" comment, got %q", l)
		}
		if val == "" {
			return nil, errorf(name, n, "%q is empty", key)
		}
		if row == nil {
			p, ok := head[key]
			if !ok {
				return nil, errorf(name, n, "unknown key %q before the first row, want caption, note, left or right", key)
			}
			if at := headLine[key]; at != 0 {
				return nil, errorf(name, n, "%q already set at line %d", key, at)
			}
			*p, headLine[key] = val, n
			continue
		}
		if at := rowKeys[key]; at != 0 {
			return nil, errorf(name, n, "%q already set at line %d", key, at)
		}
		rowKeys[key] = n
		switch key {
		case "psychodynamic":
			row.Left = val
		case "cbt":
			row.Right = val
		case "section":
			for _, id := range strings.Fields(val) {
				if !known[id] {
					return nil, errorf(name, n, "the article has no section %q", id)
				}
				row.Sections = append(row.Sections, id)
			}
		default:
			return nil, errorf(name, n, "unknown key %q in row %q, want psychodynamic, cbt or section", key, row.Aspect)
		}
	}
	if err := finish(); err != nil {
		return nil, err
	}
	for _, k := range []string{"caption", "note", "left", "right"} {
		if headLine[k] == 0 {
			return nil, errorf(name, 1, "no %q line before the first row", k)
		}
	}
	if len(c.Rows) < MinRows || len(c.Rows) > MaxRows {
		return nil, errorf(name, 1, "%d rows, want %d to %d", len(c.Rows), MinRows, MaxRows)
	}
	return c, nil
}
