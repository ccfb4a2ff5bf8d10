package fit

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// script turns a compact answer script into Answers: one character per
// statement in file order, '1'..'5' a rating, '?' Not sure, 'x' Doesn't
// apply to me, '-' unanswered.
// Spaces are for the reader of the test and are ignored.
func script(t testing.TB, d *Definition, s string) Answers {
	t.Helper()
	s = strings.ReplaceAll(s, " ", "")
	if len(s) != len(d.Statements) {
		t.Fatalf("script %q has %d answers, want %d", s, len(s), len(d.Statements))
	}
	ans := Answers{}
	for i, c := range s {
		switch {
		case c == '?':
			ans[d.Statements[i].ID] = NotSure
		case c == 'x':
			ans[d.Statements[i].ID] = DoesNotApply
		case c >= '1' && c <= '5':
			ans[d.Statements[i].ID] = Answer(c - '0')
		case c != '-':
			t.Fatalf("script %q: bad character %q", s, c)
		}
	}
	return ans
}

// In the fixture, p1..p9 weigh 3,3,3,3,3,3,3,2,2 (25 in all, so at most
// 100 quarter steps), n1 weighs -2 (at most 8) and med 0; each side starts
// with a middle answer of weight 2 (4 of 8 quarter steps). So the score is
// 50 + 50×(toward+4)/(toward max+8) − 50×(away+4)/(away max+8).
func TestScoreBands(t *testing.T) {
	d := loadBase(t)
	for _, tc := range []struct {
		name, answers string
		score         int
		band          string
		tooFew        bool
		answered      int
	}{
		{"everything toward: the middle answers keep it below 100", "555555555 1 -", 86, "high", false, 10},
		{"everything away", "111111111 5 -", 14, "low", false, 10},
		{"exactly 70", "444444144 1 -", 70, "high", false, 10},
		{"69", "333333555 1 -", 69, "mid", false, 10},
		{"31", "222222255 5 -", 31, "mid", false, 10},
		{"exactly 30", "222222155 5 -", 30, "low", false, 10},
		{"agrees with everything", "555555555 5 5", 61, "mid", false, 11},
		{"agrees with nothing", "111111111 1 1", 39, "mid", false, 11},
		{"all not sure", "????????? ? ?", 50, "mid", true, 0},
		{"nothing answered", "--------- - -", 50, "mid", true, 0},
		{"four answers are too few", "5555????? ? 5", 71, "mid", true, 5},
		{"five answers on one side are too few", "55555???? ? ?", 72, "mid", true, 5},
		{"five answers over both sides are enough", "5555????? 1 ?", 84, "high", false, 5},
		{"five answers, partly away", "5555----- 5 -", 59, "mid", false, 5},
		{"partial, leaning away", "1111----- 5 5", 16, "low", false, 6},
		{"medication alone changes nothing", "????????? ? 5", 50, "mid", true, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := d.Score(script(t, d, tc.answers))
			if err != nil {
				t.Fatal(err)
			}
			if r.Score != tc.score || r.Band.ID != tc.band || r.TooFew != tc.tooFew {
				t.Errorf("got score %d band %q tooFew %v, want %d %q %v", r.Score, r.Band.ID, r.TooFew, tc.score, tc.band, tc.tooFew)
			}
			if r.Answered != tc.answered || r.Answered+r.Skipped != len(d.Statements) {
				t.Errorf("answered %d skipped %d, want %d answered", r.Answered, r.Skipped, tc.answered)
			}
		})
	}
}

// The two readers that showed the old rule's faults, on the real content.
// Under it, thin answers decided: the first scored 100, the most
// favourable band, on two answers (the three situations rated "Not at all"
// were left out of the score but counted toward the minimum); the second
// moved from 67 to 42 when three structured answers became "Not sure",
// because the one left then carried its whole side.
func TestThinAnswersDecideNothing(t *testing.T) {
	d := loadContent(t)
	const depth = "relationships=4 why=4 roots=3 open-talk=3 pace=3 bond=3 "
	for _, tc := range []struct {
		name, answers string
		score         int
		band          string
		tooFew        bool
		scored        Counts
	}{
		{"two Very much, the situations Not at all, the rest Not sure",
			"relationships=5 why=5 roots=? open-talk=? pace=? bond=? past-therapy=1 inner=1 change=1 " +
				"agenda=? practice=? what-not-why=? targeted=? medication=?",
			64, "explore", true, Counts{2, 0}},
		{"depth, three structured Not at all and one Mostly",
			depth + "agenda=1 practice=1 what-not-why=1 targeted=4", 63, "explore", false, Counts{6, 4}},
		{"the same, the three Not sure instead",
			depth + "agenda=? practice=? what-not-why=? targeted=4", 49, "explore", true, Counts{6, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := mustScore(t, d, tc.answers)
			if r.Score != tc.score || r.Band.ID != tc.band || r.TooFew != tc.tooFew || r.Scored != tc.scored {
				t.Errorf("got score %d band %q tooFew %v scored %+v, want %d %q %v %+v",
					r.Score, r.Band.ID, r.TooFew, r.Scored, tc.score, tc.band, tc.tooFew, tc.scored)
			}
		})
	}
	// One remaining answer no longer carries its side: turning three
	// answers into "Not sure" moves the score by well under half of the
	// old 25 points.
	full, thin := mustScore(t, d, depth+"agenda=1 practice=1 what-not-why=1 targeted=4"),
		mustScore(t, d, depth+"agenda=? practice=? what-not-why=? targeted=4")
	if swing := full.Score - thin.Score; swing < 0 || swing > 15 {
		t.Errorf("the swing is %d points (%d to %d), want 0 to 15", swing, full.Score, thin.Score)
	}
}

// No answer set with fewer scored answers than the minimums (in all, or on
// either side) reaches a band other than the neutral one, and so never the
// most favourable band. Checked exhaustively over every weighted preference
// left unanswered, rated "Not at all" or rated "Very much" (the extremes
// reach every score's bounds, since the score is monotone in each answer),
// with the circumstances all "Very much" or all "Doesn't apply", and over
// random answer sets with every choice each statement offers.
func TestTooFewScoredAnswersNeverReachABand(t *testing.T) {
	for _, d := range []*Definition{loadBase(t), loadContent(t)} {
		top := d.Bands[len(d.Bands)-1]
		check := func(ans Answers) {
			r, err := d.Score(ans)
			if err != nil {
				t.Fatal(err)
			}
			// Counted here from the answers, not from the result.
			var toward, away int
			for _, s := range d.Statements {
				if a := ans[s.ID]; a.Rated() && !s.Circumstance {
					switch {
					case s.Weight > 0:
						toward++
					case s.Weight < 0:
						away++
					}
				}
			}
			thin := toward+away < d.MinAnswers || toward < d.MinSide || away < d.MinSide
			if thin && (r.Band != d.Neutral || !r.TooFew) {
				t.Fatalf("%s: %d toward and %d away scored, yet band %s (score %d; answers %s)",
					d.Name, toward, away, r.Band.ID, r.Score, Encode(ans))
			}
			if !thin && r.TooFew {
				t.Fatalf("%s: %d toward and %d away scored, yet too few (answers %s)", d.Name, toward, away, Encode(ans))
			}
			if thin && r.Band == top {
				t.Fatalf("%s: the most favourable band on too few answers %s", d.Name, Encode(ans))
			}
		}
		var prefs, circs []*Statement
		for _, s := range d.Statements {
			switch {
			case s.Circumstance:
				circs = append(circs, s)
			case s.Weight != 0:
				prefs = append(prefs, s)
			}
		}
		n := 1
		for range prefs {
			n *= 3
		}
		for code := range n {
			for _, circ := range []Answer{VeryMuch, DoesNotApply} {
				ans := Answers{}
				for i, c := 0, code; i < len(prefs); i, c = i+1, c/3 {
					switch c % 3 {
					case 1:
						ans[prefs[i].ID] = NotAtAll
					case 2:
						ans[prefs[i].ID] = VeryMuch
					}
				}
				for _, s := range circs {
					ans[s.ID] = circ
				}
				check(ans)
			}
		}
		rng := rand.New(rand.NewPCG(7, 8))
		for range 20000 {
			check(randomAnswers(rng, d))
		}
	}
}

func TestBandFor(t *testing.T) {
	d := loadBase(t)
	for score, want := range map[int]string{0: "low", 30: "low", 31: "mid", 50: "mid", 69: "mid", 70: "high", 100: "high"} {
		if b := d.BandFor(score); b == nil || b.ID != want {
			t.Errorf("BandFor(%d) = %v, want %q", score, b, want)
		}
	}
	if d.BandFor(-1) != nil || d.BandFor(101) != nil {
		t.Error("BandFor outside 0..100 should be nil")
	}
}

// The neutral-band rule holds for the real content as well as the fixture.
func TestAllNotSureIsNeutral(t *testing.T) {
	for _, d := range []*Definition{loadBase(t), loadContent(t)} {
		all := Answers{}
		for _, s := range d.Statements {
			all[s.ID] = NotSure
		}
		for _, ans := range []Answers{all, {}, nil} {
			r, err := d.Score(ans)
			if err != nil {
				t.Fatal(err)
			}
			if r.Band != d.Neutral || !r.TooFew || r.Score != 50 || r.Answered != 0 || r.Skipped != len(d.Statements) {
				t.Errorf("%s: got band %q score %d tooFew %v answered %d", d.Name, r.Band.ID, r.Score, r.TooFew, r.Answered)
			}
			if len(r.Reasons) != 0 || r.Medication || !slices.Equal(r.Questions, []string{d.DefaultQuestion}) {
				t.Errorf("%s: reasons %v medication %v questions %q", d.Name, r.Reasons, r.Medication, r.Questions)
			}
		}
	}
}

// Moving one answer a step toward "Very much like me" must move the score
// (and so the band) in the direction of the statement's weight, or not at all.
func TestScoreIsMonotone(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, d := range []*Definition{loadBase(t), loadContent(t)} {
		for range 300 {
			ans := randomAnswers(rng, d)
			for _, s := range d.Statements {
				for a := NotAtAll; a < VeryMuch; a++ {
					lo, hi := scoreWith(t, d, ans, s.ID, a), scoreWith(t, d, ans, s.ID, a+1)
					if (s.Weight > 0 && hi.Score < lo.Score) || (s.Weight < 0 && hi.Score > lo.Score) ||
						(s.Weight == 0 && hi.Score != lo.Score) {
						t.Fatalf("%s: %s from %d to %d moved score %d -> %d against weight %d (answers %s)",
							d.Name, s.ID, a, a+1, lo.Score, hi.Score, s.Weight, Encode(ans))
					}
					if s.Weight > 0 && hi.Band.Min < lo.Band.Min || s.Weight < 0 && hi.Band.Min > lo.Band.Min {
						t.Fatalf("%s: %s from %d to %d moved band %s -> %s", d.Name, s.ID, a, a+1, lo.Band.ID, hi.Band.ID)
					}
				}
			}
		}
	}
}

// scoreWith scores ans with one answer replaced, leaving ans unchanged.
func scoreWith(t *testing.T, d *Definition, ans Answers, id string, a Answer) *Result {
	t.Helper()
	c := Answers{}
	for k, v := range ans {
		c[k] = v
	}
	c[id] = a
	r, err := d.Score(c)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestScoreRejectsInvalidAnswers(t *testing.T) {
	d := loadBase(t)
	for _, tc := range []struct {
		ans  Answers
		want string
	}{
		{Answers{"nope": 3}, `fit: unknown statement "nope"`},
		{Answers{"": 3}, `fit: unknown statement ""`},
		{Answers{"p1": 7}, `fit: statement "p1": answer 7 outside 0..6`},
		{Answers{"p1": -1}, `fit: statement "p1": answer -1 outside 0..6`},
		{Answers{"p1": DoesNotApply}, `fit: statement "p1" does not offer "na"`},
	} {
		r, err := d.Score(tc.ans)
		if err == nil || err.Error() != tc.want || r != nil {
			t.Errorf("Score(%v) = %v, %v; want error %s", tc.ans, r, err, tc.want)
		}
	}
}

func TestReasonsAndQuestions(t *testing.T) {
	d := loadBase(t)
	// p1 3, p2 5, p5 4, p8 5, n1 3, med 4; the rest do not agree.
	r, err := d.Score(script(t, d, "3521 4115? 3 4"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, rs := range r.Reasons {
		var ids []string
		for _, it := range rs.Items {
			ids = append(ids, it.Statement.ID)
		}
		got = append(got, rs.Theme.ID+":"+strings.Join(ids, "+"))
		if rs.Away != (rs.Theme.ID == "n") {
			t.Errorf("reason %s: Away = %v", rs.Theme.ID, rs.Away)
		}
	}
	// a: 3×4 + 3×2 = 18; b: 3×3 + 2×4 = 17; n: 2×2 = 4; med never a reason.
	if want := []string{"a:p2+p1", "b:p5+p8", "n:n1"}; !slices.Equal(got, want) {
		t.Errorf("reasons = %v, want %v", got, want)
	}
	if r.Reasons[0].Weight != 18 || r.Reasons[1].Weight != 17 || r.Reasons[2].Weight != 4 {
		t.Errorf("reason weights %d %d %d", r.Reasons[0].Weight, r.Reasons[1].Weight, r.Reasons[2].Weight)
	}
	// Strongest answers first (p2 and p8 at 5, p2 heavier), capped at three.
	if want := []string{"Question p2?", "Question p8?", "Question p5?"}; !slices.Equal(r.Questions, want) {
		t.Errorf("questions = %q, want %q", r.Questions, want)
	}
	if !r.Medication {
		t.Error("Medication should be set when med is rated 4")
	}
}

func TestMedicationNeedsAgreement(t *testing.T) {
	d := loadBase(t)
	for a := NotSure; a <= VeryMuch; a++ {
		r, err := d.Score(Answers{"med": a})
		if err != nil {
			t.Fatal(err)
		}
		if r.Medication != (a >= Somewhat) {
			t.Errorf("med = %d: Medication = %v", a, r.Medication)
		}
	}
}
