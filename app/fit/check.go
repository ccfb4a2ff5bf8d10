package fit

import (
	"cmp"
	"slices"
)

// MinBands is the fewest result bands a definition may have: at least a
// "fits", a "worth exploring" and a "structured first" outcome.
const MinBands = 3

// check resolves references between blocks and checks whole-file rules.
func (b *builder) check() {
	if b.err != nil {
		return // blocks may be half-built; the first error is what matters
	}
	if b.quest == nil {
		b.fail(1, "missing [questionnaire] block")
		return
	}
	b.resolveThemes()
	b.checkMedication()
	b.checkFirst()
	b.checkCounts()
	b.checkBands()
	b.checkNeutral()
}

// theme finds a theme by id.
func (b *builder) theme(id string) *Theme {
	for _, t := range b.d.Themes {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// resolveThemes links statements to themes. A theme's statements must point
// the same way, because one explanation cannot argue for and against.
func (b *builder) resolveThemes() {
	lead := map[*Theme]*Statement{} // first statement of each theme with a weight
	used := map[*Theme]bool{}
	for _, s := range b.d.Statements {
		ref := b.refs[s]
		if s.Theme = b.theme(ref.val); s.Theme == nil {
			b.fail(ref.line, "statement %q: unknown theme %q", s.ID, ref.val)
			continue
		}
		used[s.Theme] = true
		if l := lead[s.Theme]; l == nil {
			if s.Weight != 0 {
				lead[s.Theme] = s
			}
		} else if l.Weight*s.Weight < 0 {
			b.fail(s.Line, "statement %q: weight %d points the other way from statement %q in theme %q",
				s.ID, s.Weight, l.ID, s.Theme.ID)
		}
	}
	for _, t := range b.d.Themes {
		if !used[t] {
			b.fail(t.Line, "theme %q has no statements", t.ID)
		}
	}
}

// checkMedication keeps the medication theme neutral: wanting medication
// considered says nothing about whether psychodynamic therapy fits.
func (b *builder) checkMedication() {
	f := b.quest.fields["medication-theme"]
	if b.d.Medication = b.theme(f.val); b.d.Medication == nil {
		b.fail(f.line, "questionnaire: medication-theme %q is not a theme", f.val)
		return
	}
	for _, s := range b.d.Statements {
		if s.Theme == b.d.Medication && s.Weight != 0 {
			b.fail(s.Line, "statement %q: weight %d, but medication statements must weigh 0", s.ID, s.Weight)
		}
	}
}

// checkFirst resolves the theme whose agreement shows the "first options"
// note. The note says another approach may come first, so the theme must
// point toward a structured approach.
func (b *builder) checkFirst() {
	f := b.quest.fields["first-theme"]
	if b.d.First.Theme = b.theme(f.val); b.d.First.Theme == nil {
		b.fail(f.line, "questionnaire: first-theme %q is not a theme", f.val)
		return
	}
	for _, s := range b.d.Statements {
		if s.Theme == b.d.First.Theme && s.Weight >= 0 {
			b.fail(s.Line, "statement %q: weight %d, but first-theme statements must point to a structured approach (below 0)", s.ID, s.Weight)
		}
	}
}

// checkCounts keeps the questionnaire short and the minimums reachable.
// Only weighted preferences count toward the minimums (see Score), so they
// are what the minimums are checked against.
func (b *builder) checkCounts() {
	n := len(b.d.Statements)
	if n > MaxStatements {
		s := b.d.Statements[MaxStatements]
		b.fail(s.Line, "statement %q is number %d; at most %d allowed", s.ID, n, MaxStatements)
	}
	if n < MinStatements {
		b.fail(b.quest.line, "questionnaire: %d statements; need %d to %d", n, MinStatements, MaxStatements)
	}
	toward, away := 0, 0
	for _, s := range b.d.Statements {
		switch {
		case s.Circumstance:
		case s.Weight > 0:
			toward++
		case s.Weight < 0:
			away++
		}
	}
	if m := b.d.MinAnswers; m < 1 || m > toward+away {
		b.fail(b.quest.fields["min-answers"].line,
			"questionnaire: min-answers %d outside 1..%d (the preferences with a weight)", m, toward+away)
	}
	if m := b.d.MinSide; m < 1 || m > min(toward, away) || m > b.d.MinAnswers {
		b.fail(b.quest.fields["min-side"].line,
			"questionnaire: min-side %d outside 1..%d (the fewest weighted preferences on a side, and at most min-answers)",
			m, min(toward, away, max(b.d.MinAnswers, 1)))
	}
}

// checkBands makes the bands tile 0..100 exactly, so every score has
// exactly one result.
func (b *builder) checkBands() {
	bands := b.d.Bands
	if len(bands) < MinBands {
		b.fail(b.quest.line, "questionnaire: %d bands; need at least %d", len(bands), MinBands)
		return
	}
	slices.SortStableFunc(bands, func(x, y *Band) int { return cmp.Compare(x.Min, y.Min) })
	if bands[0].Min != 0 {
		b.fail(bands[0].Line, "band %q: scores 0-%d fall in no band", bands[0].ID, bands[0].Min-1)
	}
	for i := 1; i < len(bands); i++ {
		prev, cur := bands[i-1], bands[i]
		if cur.Min <= prev.Max {
			b.fail(cur.Line, "band %q: range %d-%d overlaps band %q (%d-%d)",
				cur.ID, cur.Min, cur.Max, prev.ID, prev.Min, prev.Max)
		} else if cur.Min > prev.Max+1 {
			b.fail(cur.Line, "band %q: scores %d-%d fall in no band", cur.ID, prev.Max+1, cur.Min-1)
		}
	}
	if last := bands[len(bands)-1]; last.Max != 100 {
		b.fail(last.Line, "band %q: scores %d-100 fall in no band", last.ID, last.Max+1)
	}
}

// checkNeutral requires the fallback band to hold the midpoint 50, so that
// "too few answers" and "answers that balance out" read the same.
func (b *builder) checkNeutral() {
	f := b.quest.fields["neutral"]
	for _, band := range b.d.Bands {
		if band.ID != f.val {
			continue
		}
		if band.Min > 50 || band.Max < 50 {
			b.fail(f.line, "questionnaire: neutral band %q (%d-%d) must include 50", band.ID, band.Min, band.Max)
		}
		b.d.Neutral = band
		return
	}
	b.fail(f.line, "questionnaire: neutral %q is not a band", f.val)
}
