package aids

import (
	"strings"
	"testing"
)

func comparisonSrc(rows int, extra string) string {
	var b strings.Builder
	b.WriteString("# c\ncaption: Side by side\nnote: Both work.\nleft: PD\nright: CBT\n")
	for i := 0; i < rows; i++ {
		b.WriteString("\n## Aspect " + string(rune('a'+i)) + "\npsychodynamic: p\ncbt: c\nsection: one two\n")
	}
	return b.String() + extra
}

func TestParseComparisonFailsWithFileLineAndReason(t *testing.T) {
	// Five rows end at line 30; an extra row starts at line 31.
	for _, tc := range []struct{ name, src, want string }{
		{"ok", comparisonSrc(5, ""), ""},
		{"unknown section", comparisonSrc(5, "## More\npsychodynamic: p\ncbt: c\nsection: one three\n"), `c.md:34: the article has no section "three"`},
		{"missing cell", comparisonSrc(5, "## More\npsychodynamic: p\nsection: one\n"), `c.md:31: row "More" has no "cbt" line`},
		{"unknown key", comparisonSrc(5, "## More\nccbt: c\n"), `c.md:32: unknown key "ccbt" in row "More"`},
		{"repeated key", comparisonSrc(5, "## More\ncbt: c\ncbt: d\n"), `c.md:33: "cbt" already set at line 32`},
		{"empty cell", comparisonSrc(5, "## More\ncbt:\n"), `c.md:32: "cbt" is empty`},
		{"duplicate row", comparisonSrc(5, "## aspect A\n"), `c.md:31: row "aspect A" already at line 7`},
		{"stray text", comparisonSrc(5, "some words\n"), `c.md:31: want "key: value", "## aspect" or a "# " comment`},
		{"too few rows", comparisonSrc(4, ""), `c.md:1: 4 rows, want 5 to 10`},
		{"no caption", strings.Replace(comparisonSrc(5, ""), "caption: Side by side\n", "", 1), `c.md:1: no "caption" line`},
		{"unknown head key", "title: x\n", `c.md:1: unknown key "title" before the first row`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ParseComparison("c.md", []byte(tc.src), sections)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if tc.want == "" {
				r := c.Rows[4]
				if c.Caption != "Side by side" || c.Left != "PD" || r.Aspect != "Aspect e" || r.Line != 27 || strings.Join(r.Sections, ",") != "one,two" || r.Left != "p" || r.Right != "c" {
					t.Errorf("parsed %+v, last row %+v", c, r)
				}
			}
		})
	}
}
