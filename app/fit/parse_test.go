package fit

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

const baseFile = "testdata/base.txt"

// baseSections are the article sections the fixture may link to.
func baseSections(id string) bool { return id == "s1" || id == "s2" }

// readBase returns the fixture source; tests edit it to break it.
func readBase(t testing.TB) string {
	t.Helper()
	src, err := os.ReadFile(baseFile)
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// loadBase parses the unedited fixture.
func loadBase(t testing.TB) *Definition {
	t.Helper()
	d, err := Parse(baseFile, []byte(readBase(t)), baseSections)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// edit changes the fixture source; ok is false if its anchor text is missing,
// which would make the case test nothing.
type edit func(src string) (out string, ok bool)

// replace swaps the first occurrence of old for new.
func replace(old, new string) edit {
	return func(src string) (string, bool) {
		return strings.Replace(src, old, new, 1), strings.Contains(src, old)
	}
}

// cut removes the text from the first `from` through the next `through`.
func cut(from, through string) edit {
	return func(src string) (string, bool) {
		i := strings.Index(src, from)
		j := strings.Index(src[max(i, 0):], through)
		if i < 0 || j < 0 {
			return src, false
		}
		return src[:i] + src[i+j+len(through):], true
	}
}

// appendText adds text at the end of the fixture.
func appendText(text string) edit {
	return func(src string) (string, bool) { return src + text, true }
}

const extraStatements = `
[statement x1]
text: X.
theme: a
weight: 1
section: s1
question: X?
kind: preference
skip: not-sure
short: x
`

func TestParseRejectsBrokenDefinitions(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edits []edit
		want  string // ":line: reason" after the file name
	}{
		{"unknown key", []edit{replace("title: A\n", "title: A\ncolour: red\n")}, `:36: theme "a": unknown key "colour"`},
		{"duplicate id", []edit{replace("[statement p2]", "[statement p1]")}, `:64: duplicate statement "p1" (first on line 54)`},
		{"statement without theme", []edit{replace("Statement p1.\ntheme: a\n", "Statement p1.\n")}, `:54: statement "p1": missing theme`},
		{"unknown theme", []edit{replace("theme: a", "theme: x")}, `:56: statement "p1": unknown theme "x"`},
		{"weight above range", []edit{replace("weight: 3", "weight: 7")}, `:57: statement "p1": weight 7 outside -3..3`},
		{"weight below range", []edit{replace("weight: -2", "weight: -4")}, `:147: statement "n1": weight -4 outside -3..3`},
		{"weight not a number", []edit{replace("weight: 3", "weight: three")}, `:57: statement "p1": weight "three" is not a whole number`},
		{"overlapping bands", []edit{replace("range: 31-69", "range: 25-69")}, `:170: band "mid": range 25-69 overlaps band "low" (0-30)`},
		{"gap between bands", []edit{replace("range: 31-69", "range: 35-69")}, `:170: band "mid": scores 31-34 fall in no band`},
		{"bands stop short of 100", []edit{replace("range: 70-100", "range: 70-99")}, `:176: band "high": scores 100-100 fall in no band`},
		{"bands start above 0", []edit{replace("range: 0-30", "range: 1-30")}, `:164: band "low": scores 0-0 fall in no band`},
		{"range syntax", []edit{replace("range: 0-30", "range: 0 to 30")}, `:166: band "low": range "0 to 30" should look like 40-69`},
		{"range backwards", []edit{replace("range: 0-30", "range: 30-0")}, `:166: band "low": range 30-0 is not a span within 0-100`},
		{"too few bands", []edit{cut("[band high]", "section: s1\n"), replace("31-69", "31-100")}, `:4: questionnaire: 2 bands; need at least 3`},
		{"missing section", []edit{replace("section: s2", "section: nowhere")}, `:42: theme "b": section "nowhere" is not in the article`},
		{"missing required text", []edit{replace("intro: I\n", "")}, `:4: questionnaire: missing intro`},
		{"empty required text", []edit{replace("how: H", "how:")}, `:7: questionnaire: how is empty`},
		{"missing band text", []edit{replace("text: Mid band.\n", "")}, `:170: band "mid": missing text`},
		{"missing question", []edit{replace("question: Question p3?\n", "")}, `:74: statement "p3": missing question`},
		{"unknown block kind", []edit{replace("[band low]", "[bnad low]")}, `:164: unknown block kind "bnad"`},
		{"malformed header", []edit{replace("[band low]", "[band low")}, `:164: malformed header "[band low", want [kind id]`},
		{"bad id", []edit{replace("[theme a]", "[theme A]")}, `:34: theme id "A" must be lowercase letters, digits and hyphens`},
		{"questionnaire with id", []edit{replace("[questionnaire]", "[questionnaire q]")}, `:4: [questionnaire] takes no id`},
		{"duplicate questionnaire", []edit{appendText("[questionnaire]\n")}, `:181: duplicate questionnaire (first on line 4)`},
		{"missing questionnaire", []edit{cut("[questionnaire]", "care-first-link: CL\n")}, `:1: missing [questionnaire] block`},
		{"stray continuation", []edit{replace("[questionnaire]\n", "[questionnaire]\n  stray\n")}, `:5: indented line continues no field`},
		{"line without colon", []edit{replace("title: T", "title T")}, `:5: want key: value, [kind id] or an indented continuation`},
		{"field before any block", []edit{replace("# Test", "title: X\n# Test")}, `:1: field "title" before any [block]`},
		{"duplicate key", []edit{replace("title: T\n", "title: T\ntitle: U\n")}, `:6: questionnaire: duplicate key "title" (first on line 5)`},
		{"scale with four labels", []edit{replace("| s5", "")}, `:11: questionnaire: scale needs 5 labels separated by |`},
		{"max-questions zero", []edit{replace("max-questions: 3", "max-questions: 0")}, fmt.Sprintf(`:14: questionnaire: max-questions 0 outside 1..%d`, MaxStatements)},
		{"min-answers unreachable", []edit{replace("min-answers: 5", "min-answers: 11")}, `:13: questionnaire: min-answers 11 outside 1..10 (the preferences with a weight)`},
		{"neutral band misses 50", []edit{replace("neutral: mid", "neutral: high")}, `:15: questionnaire: neutral band "high" (70-100) must include 50`},
		{"unknown neutral band", []edit{replace("neutral: mid", "neutral: middle")}, `:15: questionnaire: neutral "middle" is not a band`},
		{"unknown medication theme", []edit{replace("medication-theme: med", "medication-theme: pills")}, `:22: questionnaire: medication-theme "pills" is not a theme`},
		{"weighted medication", []edit{replace("weight: 0", "weight: 1")}, `:154: statement "med": weight 1, but medication statements must weigh 0`},
		{"theme pointing both ways", []edit{replace("Statement p2.\ntheme: a\nweight: 3", "Statement p2.\ntheme: a\nweight: -1")},
			`:64: statement "p2": weight -1 points the other way from statement "p1" in theme "a"`},
		{"unknown kind", []edit{replace("kind: preference\nskip: not-sure\nshort: s-p2", "kind: wish\nskip: not-sure\nshort: s-p2")}, `:70: statement "p2": kind "wish" must be preference or circumstance`},
		{"circumstance pointing away", []edit{replace("kind: preference\nskip: not-sure\nshort: s-n1", "kind: circumstance\nskip: not-sure\nshort: s-n1")}, `:147: statement "n1": a circumstance must weigh more than 0, not -2`},
		{"missing kind", []edit{replace("kind: preference\nskip: not-sure\nshort: s-p3\n", "skip: not-sure\nshort: s-p3\n")}, `:74: statement "p3": missing kind`},
		{"unknown skip choice", []edit{replace("skip: not-sure\nshort: s-p2", "skip: maybe\nshort: s-p2")},
			`:71: statement "p2": skip "maybe" must be not-sure, not-apply or both, separated by |`},
		{"doesn't apply on a preference", []edit{replace("skip: not-sure\nshort: s-p2", "skip: not-sure | not-apply\nshort: s-p2")},
			`:71: statement "p2": a preference presupposes no situation, so it cannot offer not-apply; offer not-sure`},
		{"circumstance without doesn't apply", []edit{replace("kind: preference\nskip: not-sure\nshort: s-p9", "kind: circumstance\nskip: not-sure\nshort: s-p9")},
			`:141: statement "p9": a circumstance presupposes a situation, so it must offer not-apply`},
		{"min-side unreachable", []edit{replace("min-side: 1", "min-side: 2")},
			`:25: questionnaire: min-side 2 outside 1..1 (the fewest weighted preferences on a side, and at most min-answers)`},
		{"middle-weight zero", []edit{replace("middle-weight: 2", "middle-weight: 0")}, `:26: questionnaire: middle-weight 0 outside 1..12`},
		{"empty first-care item", []edit{replace("c1 | c2", "c1 | | c2")}, `:30: questionnaire: care-first-list has an empty item`},
		{"unknown first theme", []edit{replace("first-theme: n", "first-theme: nn")}, `:18: questionnaire: first-theme "nn" is not a theme`},
		{"first theme pointing toward", []edit{replace("first-theme: n", "first-theme: a")}, `:54: statement "p1": weight 3, but first-theme statements must point to a structured approach (below 0)`},
		{"theme without statements", []edit{replace("[theme med]", "[theme z]\ntitle: Z\ntext: Z.\nsection: s1\n\n[theme med]")}, `:49: theme "z" has no statements`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := readBase(t)
			for _, e := range tc.edits {
				var ok bool
				if src, ok = e(src); !ok {
					t.Fatal("edit anchor not found in fixture")
				}
			}
			_, err := Parse(baseFile, []byte(src), baseSections)
			if err == nil || err.Error() != baseFile+tc.want {
				t.Fatalf("got error %v\nwant %s%s", err, baseFile, tc.want)
			}
			var fe *Error
			if !errors.As(err, &fe) {
				t.Errorf("error is %T, want *Error", err)
			}
		})
	}
}

func TestParseContinuationAndComments(t *testing.T) {
	src := strings.Replace(readBase(t), "intro: I\n", "intro: One\n  # not a comment inside a value\n\ttwo.\n# a comment\n", 1)
	d, err := Parse(baseFile, []byte(src), baseSections)
	if err != nil {
		t.Fatal(err)
	}
	if want := "One two."; d.Intro != want {
		t.Errorf("Intro = %q, want %q", d.Intro, want)
	}
}

func TestParseBase(t *testing.T) {
	d := loadBase(t)
	if len(d.Statements) != 11 || len(d.Themes) != 4 || len(d.Bands) != 3 {
		t.Fatalf("got %d statements, %d themes, %d bands", len(d.Statements), len(d.Themes), len(d.Bands))
	}
	if d.Neutral.ID != "mid" || d.Medication.ID != "med" || d.Scale[4] != "s5" || d.Label(NotSure) != "ns" {
		t.Errorf("neutral %q, medication %q, scale %q, not sure %q", d.Neutral.ID, d.Medication.ID, d.Scale, d.NotSureLabel)
	}
	if s := d.Statement("p8"); s == nil || s.Weight != 2 || s.Theme.ID != "b" || s.Line != 124 {
		t.Errorf("statement p8 = %+v", s)
	}
}

// The statement limits are MinStatements and MaxStatements, and nothing
// here repeats their values: the fixture is cut or grown to one past them.
func TestParseStatementLimits(t *testing.T) {
	base := readBase(t)
	n := len(loadBase(t).Statements)
	// One too few: drop statements from the end of p1..p9.
	src := base
	for i := 9; i > 9-(n-MinStatements+1); i-- {
		var ok bool
		if src, ok = cut(fmt.Sprintf("[statement p%d]", i), fmt.Sprintf("short: s-p%d\n", i))(src); !ok {
			t.Fatalf("fixture has no statement p%d", i)
		}
	}
	want := fmt.Sprintf("%s:4: questionnaire: %d statements; need %d to %d", baseFile, MinStatements-1, MinStatements, MaxStatements)
	if _, err := Parse(baseFile, []byte(src), baseSections); err == nil || err.Error() != want {
		t.Errorf("one too few: got %v, want %s", err, want)
	}
	// One too many: add x1..xk.
	src = base
	k := MaxStatements + 1 - n
	for i := 1; i <= k; i++ {
		src += strings.ReplaceAll(extraStatements, "x1", fmt.Sprintf("x%d", i))
	}
	last := fmt.Sprintf("[statement x%d]", k)
	line := strings.Count(src[:strings.Index(src, last)], "\n") + 1
	want = fmt.Sprintf("%s:%d: statement \"x%d\" is number %d; at most %d allowed", baseFile, line, k, MaxStatements+1, MaxStatements)
	if _, err := Parse(baseFile, []byte(src), baseSections); err == nil || err.Error() != want {
		t.Errorf("one too many: got %v, want %s", err, want)
	}
}
