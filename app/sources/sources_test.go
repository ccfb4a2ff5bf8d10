package sources

import (
	"strings"
	"testing"
)

const two = `# c
## Shedler 2010 {#shedler-2010}
authors: Shedler J
year: 2010
title: T
in: J
link: https://doi.org/x

## NICE NG116 {#nice-ng116}
cite: NICE NG116 | NICE (2018)
authors: NICE
year: 2018
title: T
in: NICE
link: https://www.nice.org.uk/guidance/ng116
`

func TestParseFailsWithFileLineAndReason(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"ok", two, ""},
		{"no id", "## Shedler 2010\n", `s.md:1: want "## Label {#id}"`},
		{"missing key", "## A 2001 {#a}\nauthors: A\nyear: 2001\ntitle: T\nin: J\n", `s.md:1: source "a" has no "link" line`},
		{"bad year", strings.Replace(two, "year: 2010", "year: 10", 1), `s.md:4: source "shedler-2010": year "10"`},
		{"http link", strings.Replace(two, "https://doi.org/x", "http://doi.org/x", 1), `s.md:7: source "shedler-2010": link "http://doi.org/x" is not an https:// address`},
		{"unknown key", strings.Replace(two, "in: J", "journal: J", 1), `s.md:6: source "shedler-2010": unknown key "journal"`},
		{"duplicate id", two + "\n## Again {#shedler-2010}\n", `s.md:17: duplicate id "shedler-2010" (first on line 2)`},
		{"form twice", strings.Replace(two, "cite: NICE NG116 |", "cite: Shedler 2010 |", 1), `s.md:9: source "nice-ng116": "Shedler 2010" already cites "shedler-2010"`},
		{"key first", "year: 2001\n", `s.md:1: "year" before the first source`},
		{"empty", "# nothing\n", "s.md:1: no sources"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list, err := Parse("s.md", []byte(tc.src))
			if tc.want == "" {
				if err != nil || len(list) != 2 || list[1].Cite[1] != "NICE (2018)" || list[0].Cite[0] != "Shedler 2010" || list[1].Line != 9 {
					t.Fatalf("Parse = %+v, %v", list, err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestSplitLinksWholeCitationsOnly(t *testing.T) {
	list, err := Parse("s.md", []byte(two))
	if err != nil {
		t.Fatal(err)
	}
	c := NewCiter(list)
	for _, tc := range []struct{ in, want string }{
		{"A review (Shedler 2010) found it.", "A review (|Shedler 2010=shedler-2010|) found it."},
		{"NICE (2018) and NICE NG116 agree.", "NICE (2018)=nice-ng116| and |NICE NG116=nice-ng116| agree."},
		{"Shedler 20101 and XShedler 2010 are not citations.", ""},
		{"Plain words.", ""},
	} {
		var b []string
		for _, p := range c.Split(tc.in) {
			s := p.Text
			if p.Source != nil {
				s += "=" + p.Source.ID
			}
			b = append(b, s)
		}
		if got := strings.Join(b, "|"); got != tc.want {
			t.Errorf("Split(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCheckFindsUnknownCitationsAndUncitedSources(t *testing.T) {
	list, err := Parse("s.md", []byte(two))
	if err != nil {
		t.Fatal(err)
	}
	both := Text{File: "f.md", Line: 3, Value: "Shedler 2010 and NICE NG116."}
	for _, tc := range []struct {
		name  string
		texts []Text
		want  string
	}{
		{"all cited", []Text{both}, ""},
		{"a year with no source", []Text{both, {File: "f.md", Line: 9, Value: "A 2021 review by Fernandez found this."}}, `f.md:9: "A 2021 review by Fernandez`},
		{"a law with no source", []Text{both, {File: "f.md", Line: 4, Value: "See 45 CFR 164.524."}}, `f.md:4: "See 45 CFR 164.524." cites no source`},
		{"a section sign", []Text{both, {File: "f.md", Line: 5, Value: "Civil Code §43.92"}}, `f.md:5: "Civil Code §43.92" cites no source`},
		{"a source nothing cites", []Text{{File: "f.md", Line: 3, Value: "Shedler 2010, and 12 to 20 sessions, $400 and 120 days."}}, `s.md:9: source "nice-ng116" is cited nowhere`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(list, "s.md", tc.texts)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)) {
				t.Fatalf("Check = %v, want %q", err, tc.want)
			}
		})
	}
}
