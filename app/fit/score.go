package fit

import (
	"cmp"
	"fmt"
	"slices"
)

// Result is what the reader sees after answering.
type Result struct {
	Band *Band
	// Score is 0..100, and 50 when no weighted statement was answered. It is
	// computed even when TooFew, but then rests on too little to show.
	Score int
	// TooFew is set when fewer than MinAnswers preferences were scored, or
	// fewer than MinSide on either side: Band is then the neutral band.
	TooFew bool
	// Scored counts the weighted preferences rated 1..5 on each side: the
	// answers that count toward the minimums.
	Scored   Counts
	Answered int // statements rated 1..5
	Skipped  int // statements answered "Not sure", "Doesn't apply to me" or not at all
	NotApply int // of Skipped, those answered "Doesn't apply to me"
	// LeftOut are the circumstance statements that were rated but left out
	// of the score because counting them would have lowered it.
	LeftOut   []*Statement
	Reasons   []Reason
	Questions []string // consultation questions, strongest agreement first
	// Agreed are the weighted statements the reader agreed with ("Somewhat
	// like me" or more), either way; NotAgreed the preferences toward
	// psychodynamic therapy they rated "A little" or less (a circumstance
	// that does not fit says nothing against the approach). The result text
	// is built from them, so it never claims what the reader did not say.
	Agreed, NotAgreed []Item
	// Medication is set when the reader agreed that they would like
	// medication considered; show Definition.Medication's text and link.
	Medication bool
	// MedicationOnly is set when the reader wants medication considered and
	// agreed with no weighted statement: show Definition.MedicationOnly,
	// since no band text can speak for answers that say nothing of therapy.
	MedicationOnly bool
	// First is set when the reader said a statement of Definition.First's
	// theme is mostly or very much like them: show its note, opening with
	// what they said. "Somewhat" is too little to repeat as "your main goal";
	// the first-care line every result carries still covers it.
	First bool
}

// Counts are answers counted on each side: toward psychodynamic therapy
// (positive weights) and toward a structured approach (negative weights).
type Counts struct{ Toward, Away int }

// Reason is one theme the reader agreed with, and the answers behind it.
type Reason struct {
	Theme *Theme
	// Away is true for themes that point to a structured approach, whose
	// text suggests considering one first or alongside.
	Away bool
	// Weight is the sum of |weight| × (answer − 1) over Items: how hard the
	// theme pushed. Reasons are ordered by it, largest first.
	Weight int
	Items  []Item
}

// Item is one of the reader's own answers.
type Item struct {
	Statement *Statement
	Answer    Answer
}

// push is how strongly an answer pushes its statement's way, in quarter
// steps: "Not at all like me" pushes nothing, "Very much like me" 4 × |weight|.
func push(s *Statement, a Answer) int { return abs(s.Weight) * int(a-NotAtAll) }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Score rates the answers. An unknown statement id, or an answer the
// statement does not offer, is an error, never a panic, since answers come
// from storage.
//
// The score is 50 + 50×toward − 50×away, where toward is the weighted mean
// agreement (0..1) with the statements of positive weight that were
// answered, and away the same for negative weights. Each side's mean also
// counts one middle answer ("Somewhat like me", agreement ½) of weight
// MiddleWeight: with many answers it matters little, with few it keeps the
// side near the middle, so that one answer cannot carry a whole side. A
// side with no answers is exactly ½, and all "Not sure" gives 50.
// Averaging lets partial answers work, and keeping the two sides apart
// means a reader who agrees with everything, or with nothing, lands near
// the middle rather than being pushed by how many statements each side has.
// Circumstance statements join toward only where they raise it (see
// withCircumstances), so a life that differs from the examples costs nothing.
//
// Only weighted preferences count toward MinAnswers and MinSide:
// circumstances that are left out are not scored at all, and counting the
// ones that are would make the minimum depend on the ratings themselves,
// so that rating a circumstance higher could drop the band.
func (d *Definition) Score(ans Answers) (*Result, error) {
	if err := d.check(ans); err != nil {
		return nil, err
	}
	r := &Result{}
	toward, away := d.middle(), d.middle()
	var circumstances []Item
	for _, s := range d.Statements {
		a := ans[s.ID]
		if !a.Rated() {
			r.Skipped++
			if a == DoesNotApply {
				r.NotApply++
			}
			continue
		}
		r.Answered++
		switch {
		case s.Weight > 0 && s.Circumstance:
			circumstances = append(circumstances, Item{s, a})
		case s.Weight > 0:
			toward.add(s, a)
			r.Scored.Toward++
		case s.Weight < 0:
			away.add(s, a)
			r.Scored.Away++
		case s.Theme == d.Medication && a.Agrees():
			r.Medication = true
		}
		if s.Weight != 0 && a.Agrees() {
			r.Agreed = append(r.Agreed, Item{s, a})
		} else if s.Weight > 0 && !s.Circumstance {
			r.NotAgreed = append(r.NotAgreed, Item{s, a})
		}
		if s.Theme == d.First.Theme && a >= Mostly {
			r.First = true
		}
	}
	toward, r.LeftOut = withCircumstances(toward, circumstances)
	r.Score = score(toward.got, toward.max, away.got, away.max)
	r.Band = d.BandFor(r.Score)
	r.TooFew = r.Scored.Toward+r.Scored.Away < d.MinAnswers || min(r.Scored.Toward, r.Scored.Away) < d.MinSide
	if r.TooFew {
		r.Band = d.Neutral
	}
	r.MedicationOnly = r.Medication && len(r.Agreed) == 0
	r.Reasons = d.reasons(ans)
	r.Questions = d.questions(ans)
	return r, nil
}

// side sums one direction's pushes and the most they could have been.
type side struct{ got, max int }

// middle is a side holding only the middle answer: agreement ½ at
// MiddleWeight, in the quarter steps push uses.
func (d *Definition) middle() side { return side{got: 2 * d.MiddleWeight, max: 4 * d.MiddleWeight} }

func (sd *side) add(s *Statement, a Answer) {
	sd.got += push(s, a)
	sd.max += push(s, VeryMuch)
}

// above reports whether the answer's agreement is above the side's mean,
// so that adding it raises the mean.
func (sd side) above(it Item) bool {
	// (a−1)/4 > got/max, in integers.
	return int(it.Answer-NotAtAll)*sd.max > 4*sd.got
}

// withCircumstances adds the circumstance answers that raise toward's mean,
// highest agreement first, and returns the rest as left out. Taking them in
// that order while each raises the mean gives the highest mean any choice of
// them could, so the score never falls when one of them is rated higher, and
// is never below the score without them.
func withCircumstances(toward side, items []Item) (side, []*Statement) {
	slices.SortStableFunc(items, func(x, y Item) int { return cmp.Compare(y.Answer, x.Answer) })
	var left []*Statement
	for _, it := range items {
		if toward.above(it) {
			toward.add(it.Statement, it.Answer)
		} else {
			left = append(left, it.Statement)
		}
	}
	return toward, left
}

// check rejects answers that do not belong to this definition.
func (d *Definition) check(ans Answers) error {
	for id, a := range ans {
		if d.Statement(id) == nil {
			return fmt.Errorf("fit: unknown statement %q", id)
		}
		if a < NotSure || a > DoesNotApply {
			return fmt.Errorf("fit: statement %q: answer %d outside %d..%d", id, a, NotSure, DoesNotApply)
		}
		if s := d.Statement(id); !s.Offers(a) {
			return fmt.Errorf("fit: statement %q does not offer %q", id, d.Label(a))
		}
	}
	return nil
}

// score computes 50 + 50·t/tMax − 50·a/aMax in integers, rounding halves up,
// so results are exact and identical in every build, WebAssembly included.
// Both maxima include the middle answer, so neither is 0.
func score(t, tMax, a, aMax int) int {
	den := tMax * aMax
	num := 50*den + 50*t*aMax - 50*a*tMax
	return (2*num + den) / (2 * den)
}

// reasons groups the agreed, weighted answers by theme, strongest first.
func (d *Definition) reasons(ans Answers) []Reason {
	var out []Reason
	for _, t := range d.Themes {
		r := Reason{Theme: t}
		for _, s := range d.Statements {
			if a := ans[s.ID]; s.Theme == t && s.Weight != 0 && a.Agrees() {
				r.Items = append(r.Items, Item{s, a})
				r.Weight += push(s, a)
				r.Away = s.Weight < 0
			}
		}
		if len(r.Items) > 0 {
			slices.SortStableFunc(r.Items, func(x, y Item) int {
				return cmp.Compare(push(y.Statement, y.Answer), push(x.Statement, x.Answer))
			})
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(x, y Reason) int { return cmp.Compare(y.Weight, x.Weight) })
	return out
}

// questions picks the consultation questions of the statements the reader
// agreed with most; ties go to the heavier statement, then to file order.
// Neutral statements count too: a reader who wants medication considered
// should be able to bring that up.
func (d *Definition) questions(ans Answers) []string {
	var picked []*Statement
	for _, s := range d.Statements {
		if ans[s.ID].Agrees() {
			picked = append(picked, s)
		}
	}
	slices.SortStableFunc(picked, func(x, y *Statement) int {
		if c := cmp.Compare(ans[y.ID], ans[x.ID]); c != 0 {
			return c
		}
		return cmp.Compare(abs(y.Weight), abs(x.Weight))
	})
	if len(picked) == 0 {
		return []string{d.DefaultQuestion}
	}
	out := make([]string, 0, d.MaxQuestions)
	for _, s := range picked[:min(len(picked), d.MaxQuestions)] {
		out = append(out, s.Question)
	}
	return out
}
