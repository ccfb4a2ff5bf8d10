package fit

// Lean is the reader's answers grouped by the way each statement points,
// for the result's chart. It counts answers and never weighs them: the
// chart explains the band in the reader's own answers and shows no score.
type Lean struct {
	// Toward holds the statements of positive weight (toward psychodynamic
	// work), Structured those of negative weight (toward a structured
	// approach such as CBT). Statements of weight 0 are in neither.
	Toward, Structured Side
	// NotSure and NotApply count the "Not sure" and "Doesn't apply to me"
	// answers over all statements, including those of weight 0.
	NotSure, NotApply int
}

// Side counts one direction's statements and the reader's answers to them.
type Side struct {
	Statements int // statements pointing this way
	Rated      int // of them, rated 1..5
	Agreed     int // of the rated, "Somewhat like me" or more
}

// NotRated is how many of the side's statements were answered "Not sure",
// "Doesn't apply to me" or not at all.
func (s Side) NotRated() int { return s.Statements - s.Rated }

// Lean groups the answers by direction. Like Score, it rejects unknown
// statement ids and ratings outside the scale. It does not change the score
// or the band: it only counts what the reader said.
func (d *Definition) Lean(ans Answers) (Lean, error) {
	if err := d.check(ans); err != nil {
		return Lean{}, err
	}
	var l Lean
	for _, s := range d.Statements {
		a, ok := ans[s.ID]
		if ok && a == NotSure {
			l.NotSure++
		}
		if a == DoesNotApply {
			l.NotApply++
		}
		var sd *Side
		switch {
		case s.Weight > 0:
			sd = &l.Toward
		case s.Weight < 0:
			sd = &l.Structured
		default:
			continue
		}
		sd.Statements++
		if a.Rated() {
			sd.Rated++
			if a.Agrees() {
				sd.Agreed++
			}
		}
	}
	return l, nil
}
