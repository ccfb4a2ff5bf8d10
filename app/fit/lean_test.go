package fit

import "testing"

// The fixture has nine statements toward (p1..p9), one toward a structured
// approach (n1) and one of weight 0 (med).
func TestLeanCountsAnswersByDirection(t *testing.T) {
	d := loadBase(t)
	for _, tc := range []struct {
		name, answers      string
		toward, structured Side
		notSure, notApply  int
	}{
		{"nothing answered", "--------- - -", Side{9, 0, 0}, Side{1, 0, 0}, 0, 0},
		{"everything toward", "555555555 1 -", Side{9, 9, 9}, Side{1, 1, 0}, 0, 0},
		{"somewhat agrees, a little does not", "332211333 3 3", Side{9, 9, 5}, Side{1, 1, 1}, 0, 0},
		{"not sure", "5?1?11111 ? ?", Side{9, 7, 1}, Side{1, 0, 0}, 4, 0},
		{"weight 0 counts only as not sure", "555555555 5 ?", Side{9, 9, 9}, Side{1, 1, 1}, 1, 0},
		{"all not sure", "????????? ? ?", Side{9, 0, 0}, Side{1, 0, 0}, 11, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := d.Lean(script(t, d, tc.answers))
			if err != nil {
				t.Fatal(err)
			}
			want := Lean{Toward: tc.toward, Structured: tc.structured, NotSure: tc.notSure, NotApply: tc.notApply}
			if l != want {
				t.Errorf("Lean = %+v, want %+v", l, want)
			}
			if got := l.Toward.NotRated() + l.Toward.Rated; got != l.Toward.Statements {
				t.Errorf("toward: rated %d + not rated %d != %d", l.Toward.Rated, l.Toward.NotRated(), l.Toward.Statements)
			}
		})
	}
}

// Lean only counts: it must not change what Score says for the same answers.
func TestLeanLeavesTheScoreAlone(t *testing.T) {
	d := loadBase(t)
	ans := script(t, d, "5?1?-1111 ? ?")
	before, _ := d.Score(ans)
	if _, err := d.Lean(ans); err != nil {
		t.Fatal(err)
	}
	after, _ := d.Score(ans)
	if before.Score != after.Score || before.Band != after.Band {
		t.Errorf("score moved: %d %s, then %d %s", before.Score, before.Band.ID, after.Score, after.Band.ID)
	}
	if _, err := d.Lean(Answers{"nope": Somewhat}); err == nil {
		t.Error("Lean accepted an unknown statement id")
	}
}

// "Doesn't apply to me" is counted as such, apart from "Not sure", on the
// real content, whose circumstances offer it.
func TestLeanCountsDoesNotApply(t *testing.T) {
	d := loadContent(t)
	l, err := d.Lean(answersOf(t, d, "relationships=5 why=? past-therapy=x inner=x change=1 agenda=? medication=?"))
	if err != nil {
		t.Fatal(err)
	}
	if l.NotSure != 3 || l.NotApply != 2 || l.Toward.Rated != 2 || l.Toward.Agreed != 1 || l.Structured.Rated != 0 {
		t.Errorf("Lean = %+v", l)
	}
}
