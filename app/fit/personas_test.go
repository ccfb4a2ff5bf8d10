package fit

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// personas are readers the questionnaire must treat fairly, each with the
// band their answers must lead to and why. Answers are in file order:
// preferences relationships why roots open-talk slow bond | circumstances
// after-cbt inner change | structured set-course practice what-not-why
// targeted | medication ('x' is "Doesn't apply to me", '?' "Not sure").
// The README lists them with their results.
var personas = []struct {
	name, answers, band, why string
}{
	{"panic attacks, wants quick skills", "2 1 2 2 1 2 | x x x | 5 5 4 5 | ?", "structured",
		"wants one specific problem eased with skills and a set plan, and little of the open, exploratory way"},
	{"first time in therapy, relationship patterns, circumstances don't apply",
		"5 5 4 4 4 3 | x x x | 2 2 2 1 | ?", "may-suit",
		"wants to understand repeating patterns; never having had therapy or a big change costs nothing"},
	{"the same reader, answering the circumstances Not at all",
		"5 5 4 4 4 3 | 1 1 1 | 2 2 2 1 | ?", "may-suit",
		"a circumstance that is not like you is left out, as if it did not apply"},
	{"CBT helped, but something remains", "3 4 5 4 3 3 | 5 x x | 2 2 1 1 | ?", "may-suit",
		"past therapy left something unresolved and they want to know where their low mood comes from"},
	{"doing well outside, not inside", "3 4 4 4 3 3 | x 5 2 | 2 2 3 1 | ?", "may-suit",
		"the gap between outer life and inner life adds to a lean toward understanding"},
	{"all not sure", "? ? ? ? ? ? | ? ? ? | ? ? ? ? | ?", "explore",
		"nothing was rated, so the result is the middle one, with a note to rate more"},
	{"agrees with everything", "5 5 5 5 5 5 | 5 5 5 | 5 5 5 5 | 5", "explore",
		"wanting both ways equally points in more than one direction"},
	{"agrees with nothing", "1 1 1 1 1 1 | 1 1 1 | 1 1 1 1 | 1", "explore",
		"no lean either way is a reason to talk it through, not a verdict"},
	{"wants medication; nothing else changes", "5 5 4 4 4 3 | x x x | 2 2 2 1 | 5", "may-suit",
		"wanting medication considered is shown, and never moves the result"},
	{"mixed answers", "4 3 5 2 3 2 | 2 x 4 | 4 3 4 2 | 2", "explore",
		"wants some depth and some structure: a clinician can weigh the two"},
	{"wants a set plan and exercises, curious about why", "2 4 3 2 2 2 | x x x | 5 4 2 2 | ?", "explore",
		"the pull toward structure is real, and so is the wish to understand: a talk with a clinician, not a verdict"},
}

func TestPersonasGetTheirBand(t *testing.T) {
	d := loadContent(t)
	for _, p := range personas {
		t.Run(p.name, func(t *testing.T) {
			r, err := d.Score(script(t, d, strings.ReplaceAll(p.answers, "|", "")))
			if err != nil {
				t.Fatal(err)
			}
			if r.Band.ID != p.band {
				t.Errorf("band %q (score %d), want %q: %s", r.Band.ID, r.Score, p.band, p.why)
			}
		})
	}
}

// The issue this rule came from: a first-time patient who honestly rates the
// circumstance statements "Not at all" used to drop a band.
func TestCircumstancesNotLikeYouCostNothing(t *testing.T) {
	d := loadContent(t)
	notApply := mustScore(t, d, "5 5 4 4 4 3 | x x x | 2 2 2 1 | ?")
	notAtAll := mustScore(t, d, "5 5 4 4 4 3 | 1 1 1 | 2 2 2 1 | ?")
	if notApply.Score != notAtAll.Score || notApply.Band != notAtAll.Band {
		t.Errorf("Doesn't apply: %d (%s); Not at all: %d (%s); want the same",
			notApply.Score, notApply.Band.ID, notAtAll.Score, notAtAll.Band.ID)
	}
	if len(notAtAll.LeftOut) != 3 {
		t.Errorf("left out %d circumstances, want 3", len(notAtAll.LeftOut))
	}
}

// Whatever the other answers, rating a circumstance statement at all never
// gives a lower score than "Doesn't apply to me".
func TestCircumstancesNeverSubtract(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, d := range []*Definition{loadContent(t)} {
		for range 500 {
			ans := Answers{}
			for _, s := range d.Statements {
				ans[s.ID] = Answer(rng.IntN(7))
			}
			for _, s := range d.Statements {
				if !s.Circumstance {
					continue
				}
				base := scoreWith(t, d, ans, s.ID, DoesNotApply)
				for a := NotAtAll; a <= VeryMuch; a++ {
					if r := scoreWith(t, d, ans, s.ID, a); r.Score < base.Score {
						t.Fatalf("%s=%d gives %d, below %d for doesn't apply (answers %s)", s.ID, a, r.Score, base.Score, Encode(ans))
					}
				}
			}
		}
	}
}

// Wanting medication considered is shown, and changes nothing else.
func TestMedicationNeverMovesTheResult(t *testing.T) {
	d := loadContent(t)
	rng := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		ans := Answers{}
		for _, s := range d.Statements {
			ans[s.ID] = Answer(rng.IntN(7))
		}
		base := scoreWith(t, d, ans, "medication", DoesNotApply)
		for a := NotSure; a <= DoesNotApply; a++ {
			if r := scoreWith(t, d, ans, "medication", a); r.Score != base.Score || r.Band != base.Band {
				t.Fatalf("medication=%d moved %d (%s) to %d (%s)", a, base.Score, base.Band.ID, r.Score, r.Band.ID)
			}
		}
	}
}

// The result's "first options" note follows agreement with the one-problem
// statement, and only that.
func TestFirstOptionsFollowTheOneProblemStatement(t *testing.T) {
	d := loadContent(t)
	for _, tc := range []struct {
		answers string
		want    bool
	}{
		{"2 1 2 2 1 2 | x x x | 5 5 4 5 | ?", true},
		{"2 1 2 2 1 2 | x x x | 5 5 4 3 | ?", true},
		{"2 1 2 2 1 2 | x x x | 5 5 4 2 | ?", false},
		{"5 5 5 5 5 5 | 5 5 5 | 5 5 5 ? | 5", false},
	} {
		if r := mustScore(t, d, tc.answers); r.First != tc.want {
			t.Errorf("%s: first options %v, want %v", tc.answers, r.First, tc.want)
		}
	}
}

func mustScore(t *testing.T, d *Definition, answers string) *Result {
	t.Helper()
	r, err := d.Score(script(t, d, strings.ReplaceAll(answers, "|", "")))
	if err != nil {
		t.Fatal(err)
	}
	return r
}
