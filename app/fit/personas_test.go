package fit

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// personaDoc is the documentation file whose persona table this test
// writes: the block between personaBegin and personaEnd is the table that
// renderPersonas makes, and `go test ./app/fit -update` rewrites it.
const personaDoc = "../../content/README.md"

const (
	personaBegin = "<!-- personas:begin -->"
	personaEnd   = "<!-- personas:end -->"
)

// persona is a reader the questionnaire must treat fairly, with the band
// their answers must lead to and why. Answers are keyed by statement id
// ("relationships=5 past-therapy=x medication=?": '1'..'5' a rating, '?'
// Not sure, 'x' Doesn't apply to me); a statement not named is unanswered.
// So a new statement changes only the personas that should answer it.
type persona struct {
	name, answers, band, why string
}

var personas = []persona{
	{"panic attacks, wants quick skills",
		"relationships=2 why=1 roots=2 open-talk=2 pace=1 bond=2 past-therapy=x inner=x change=x " +
			"agenda=5 practice=5 what-not-why=4 targeted=5 medication=?", "structured",
		"wants one specific problem eased with skills and a plan, and little of the open, exploratory way"},
	{"first time in therapy, relationship patterns, circumstances don't apply",
		"relationships=5 why=5 roots=4 open-talk=4 pace=4 bond=3 past-therapy=x inner=x change=x " +
			"agenda=2 practice=2 what-not-why=2 targeted=1 medication=?", "may-suit",
		"wants to understand repeating patterns; never having had therapy or a big change costs nothing"},
	{"the same reader, answering the circumstances Not at all",
		"relationships=5 why=5 roots=4 open-talk=4 pace=4 bond=3 past-therapy=1 inner=1 change=1 " +
			"agenda=2 practice=2 what-not-why=2 targeted=1 medication=?", "may-suit",
		"a circumstance that is not like you is left out, as if it did not apply"},
	{"a past therapy helped, but something remains",
		"relationships=3 why=4 roots=5 open-talk=4 pace=3 bond=3 past-therapy=5 inner=x change=x " +
			"agenda=2 practice=2 what-not-why=1 targeted=1 medication=?", "may-suit",
		"a past therapy left something unresolved and they want to know where their low mood comes from"},
	{"doing well outside, not inside, and open to practical change",
		"relationships=3 why=4 roots=4 open-talk=4 pace=3 bond=3 past-therapy=x inner=5 change=2 " +
			"agenda=2 practice=2 what-not-why=3 targeted=1 medication=?", "explore",
		"the gap between outer and inner life adds, but the lean is mild and they also want practical change"},
	{"PTSD nightmares, wants insight",
		"relationships=4 why=5 roots=5 open-talk=4 pace=4 bond=3 past-therapy=x inner=x change=x " +
			"agenda=1 practice=2 what-not-why=1 targeted=2 medication=?", "may-suit",
		"the questionnaire asks about no condition; the first-care line on every result names PTSD"},
	{"all not sure",
		"relationships=? why=? roots=? open-talk=? pace=? bond=? past-therapy=? inner=? change=? " +
			"agenda=? practice=? what-not-why=? targeted=? medication=?", "explore",
		"nothing was rated, so the result is the middle one, with a note to rate more"},
	{"two strong wishes, situations Not at all, the rest Not sure",
		"relationships=5 why=5 roots=? open-talk=? pace=? bond=? past-therapy=1 inner=1 change=1 " +
			"agenda=? practice=? what-not-why=? targeted=? medication=?", "explore",
		"two scored answers are too few: situations that are left out do not count toward the minimum"},
	{"drawn to depth, structured side left open",
		"relationships=5 why=5 roots=5 open-talk=5 pace=5 bond=5 " +
			"agenda=? practice=? what-not-why=? targeted=? medication=?", "explore",
		"with no answer on the structured side, nothing says which way the answers lean"},
	{"agrees with everything",
		"relationships=5 why=5 roots=5 open-talk=5 pace=5 bond=5 past-therapy=5 inner=5 change=5 " +
			"agenda=5 practice=5 what-not-why=5 targeted=5 medication=5", "explore",
		"wanting both ways equally points in more than one direction"},
	{"agrees with nothing",
		"relationships=1 why=1 roots=1 open-talk=1 pace=1 bond=1 past-therapy=1 inner=1 change=1 " +
			"agenda=1 practice=1 what-not-why=1 targeted=1 medication=1", "explore",
		"no lean either way is a reason to talk it through, not a verdict"},
	{"wants medication, and no statement about therapy is like them",
		"relationships=1 why=1 roots=1 open-talk=1 pace=1 bond=1 past-therapy=x inner=x change=x " +
			"agenda=1 practice=1 what-not-why=1 targeted=1 medication=5", "explore",
		"no band text speaks for them; they are told plainly that medication can be discussed at a consultation"},
	{"wants medication; nothing else changes",
		"relationships=5 why=5 roots=4 open-talk=4 pace=4 bond=3 past-therapy=x inner=x change=x " +
			"agenda=2 practice=2 what-not-why=2 targeted=1 medication=5", "may-suit",
		"wanting medication considered is shown, and never moves the result"},
	{"mixed answers",
		"relationships=4 why=3 roots=5 open-talk=2 pace=3 bond=2 past-therapy=2 inner=x change=4 " +
			"agenda=4 practice=3 what-not-why=4 targeted=2 medication=2", "explore",
		"wants some depth and some structure: a clinician can weigh the two"},
	{"wants a plan and exercises, curious about why",
		"relationships=2 why=4 roots=3 open-talk=2 pace=2 bond=2 past-therapy=x inner=x change=x " +
			"agenda=5 practice=4 what-not-why=2 targeted=2 medication=?", "explore",
		"the pull toward structure is real, and so is the wish to understand: a talk with a clinician, not a verdict"},
}

// answersOf reads a persona's answers, failing on an unknown id, a
// repeated one or a bad value.
func answersOf(t testing.TB, d *Definition, s string) Answers {
	t.Helper()
	ans := Answers{}
	for _, tok := range strings.Fields(s) {
		id, v, ok := strings.Cut(tok, "=")
		if !ok || len(v) != 1 {
			t.Fatalf("answers %q: malformed %q", s, tok)
		}
		if d.Statement(id) == nil {
			t.Fatalf("answers %q: unknown statement %q", s, id)
		}
		if _, dup := ans[id]; dup {
			t.Fatalf("answers %q: %q twice", s, id)
		}
		switch c := v[0]; {
		case c == '?':
			ans[id] = NotSure
		case c == 'x':
			ans[id] = DoesNotApply
		case c >= '1' && c <= '5':
			ans[id] = Answer(c - '0')
		default:
			t.Fatalf("answers %q: bad value in %q", s, tok)
		}
	}
	return ans
}

func mustScore(t testing.TB, d *Definition, answers string) *Result {
	t.Helper()
	r, err := d.Score(answersOf(t, d, answers))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestPersonasGetTheirBand(t *testing.T) {
	d := loadContent(t)
	for _, p := range personas {
		t.Run(p.name, func(t *testing.T) {
			r := mustScore(t, d, p.answers)
			if r.Band.ID != p.band {
				t.Errorf("band %q (score %d), want %q: %s", r.Band.ID, r.Score, p.band, p.why)
			}
		})
	}
}

// TestPersonaTableIsCurrent keeps the persona table in personaDoc what the
// personas above give, so the documentation is never copied by hand.
// `go test ./app/fit -update` rewrites the block between the markers.
func TestPersonaTableIsCurrent(t *testing.T) {
	d := loadContent(t)
	table := renderPersonas(t, d)
	doc, err := os.ReadFile(personaDoc)
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(doc, []byte(personaBegin)), bytes.Index(doc, []byte(personaEnd))
	if i < 0 || j < i {
		t.Fatalf("%s has no %s ... %s block", personaDoc, personaBegin, personaEnd)
	}
	got := string(doc[i+len(personaBegin) : j])
	if got == "\n"+table {
		return
	}
	if !*update {
		t.Fatalf("the persona table in %s is out of date; run go test ./app/fit -update.\nwant:\n%s", personaDoc, table)
	}
	out := slices.Concat(doc[:i+len(personaBegin)], []byte("\n"+table), doc[j:])
	if err := os.WriteFile(personaDoc, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// renderPersonas writes the personas as a Markdown table: who they are,
// their answers in words, and the band and score the engine gives them.
func renderPersonas(t testing.TB, d *Definition) string {
	var b strings.Builder
	b.WriteString("| Persona | Answers | Band | Score | Why |\n|---|---|---|---|---|\n")
	for _, p := range personas {
		ans := answersOf(t, d, p.answers)
		r, err := d.Score(ans)
		if err != nil {
			t.Fatal(err)
		}
		band := r.Band.ID
		if r.TooFew {
			band += " (too few answers)"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %s |\n", p.name, answersInWords(d, ans), band, r.Score, p.why)
	}
	return b.String()
}

// answersInWords groups the statements by the answer given, strongest
// first: "Very much like me: relationships, why; Not sure: medication".
func answersInWords(d *Definition, ans Answers) string {
	order := []Answer{VeryMuch, Mostly, Somewhat, ALittle, NotAtAll, NotSure, DoesNotApply}
	var groups []string
	for _, a := range order {
		var ids []string
		for _, s := range d.Statements {
			if v, ok := ans[s.ID]; ok && v == a {
				ids = append(ids, s.ID)
			}
		}
		if len(ids) > 0 {
			groups = append(groups, d.Label(a)+": "+strings.Join(ids, ", "))
		}
	}
	var none []string
	for _, s := range d.Statements {
		if _, ok := ans[s.ID]; !ok {
			none = append(none, s.ID)
		}
	}
	if len(none) > 0 {
		groups = append(groups, "no answer: "+strings.Join(none, ", "))
	}
	return strings.Join(groups, "; ")
}

// A first-time patient who honestly rates the circumstance statements
// "Not at all" must not drop a band.
func TestCircumstancesNotLikeYouCostNothing(t *testing.T) {
	d := loadContent(t)
	notApply := mustScore(t, d, personas[1].answers)
	notAtAll := mustScore(t, d, personas[2].answers)
	if notApply.Score != notAtAll.Score || notApply.Band != notAtAll.Band {
		t.Errorf("Doesn't apply: %d (%s); Not at all: %d (%s); want the same",
			notApply.Score, notApply.Band.ID, notAtAll.Score, notAtAll.Band.ID)
	}
	if len(notAtAll.LeftOut) != 3 {
		t.Errorf("left out %d circumstances, want 3", len(notAtAll.LeftOut))
	}
}

// randomAnswers picks, for every statement, an answer it offers or none.
func randomAnswers(rng *rand.Rand, d *Definition) Answers {
	ans := Answers{}
	for _, s := range d.Statements {
		c := s.Choices()
		if i := rng.IntN(len(c) + 1); i < len(c) {
			ans[s.ID] = c[i]
		}
	}
	return ans
}

// Whatever the other answers, rating a circumstance statement at all never
// gives a lower score, or a lower band, than "Doesn't apply to me".
func TestCircumstancesNeverSubtract(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	d := loadContent(t)
	for range 500 {
		ans := randomAnswers(rng, d)
		for _, s := range d.Statements {
			if !s.Circumstance {
				continue
			}
			base := scoreWith(t, d, ans, s.ID, DoesNotApply)
			for a := NotAtAll; a <= VeryMuch; a++ {
				if r := scoreWith(t, d, ans, s.ID, a); r.Score < base.Score || r.Band.Min < base.Band.Min {
					t.Fatalf("%s=%d gives %d (%s), below %d (%s) for doesn't apply (answers %s)",
						s.ID, a, r.Score, r.Band.ID, base.Score, base.Band.ID, Encode(ans))
				}
			}
		}
	}
}

// Wanting medication considered is shown, and changes nothing else.
func TestMedicationNeverMovesTheResult(t *testing.T) {
	d := loadContent(t)
	med := d.Statement("medication")
	rng := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		ans := randomAnswers(rng, d)
		base := scoreWith(t, d, ans, med.ID, NotSure)
		for _, a := range med.Choices() {
			if r := scoreWith(t, d, ans, med.ID, a); r.Score != base.Score || r.Band != base.Band {
				t.Fatalf("medication=%d moved %d (%s) to %d (%s)", a, base.Score, base.Band.ID, r.Score, r.Band.ID)
			}
		}
	}
}

// The one-problem note follows a "Mostly" or "Very much" answer to the
// one-problem statement, and only that: it opens "You said your main goal
// is…", which "Somewhat" does not say.
func TestFirstOptionsFollowTheOneProblemStatement(t *testing.T) {
	d := loadContent(t)
	const rest = "relationships=2 why=1 roots=2 open-talk=2 pace=1 bond=2 agenda=5 practice=5 what-not-why=4 "
	for _, tc := range []struct {
		targeted string
		want     bool
	}{
		{"targeted=5", true},
		{"targeted=4", true},
		{"targeted=3", false},
		{"targeted=2", false},
		{"targeted=?", false},
	} {
		if r := mustScore(t, d, rest+tc.targeted); r.First != tc.want {
			t.Errorf("%s: first options %v, want %v", tc.targeted, r.First, tc.want)
		}
	}
}

// A reader who wants medication and agreed with no statement about therapy
// is told so plainly; anyone who agreed with one is not.
func TestMedicationOnlyIsSaidPlainly(t *testing.T) {
	d := loadContent(t)
	for _, tc := range []struct {
		answers string
		want    bool
	}{
		{"relationships=1 why=1 roots=1 open-talk=1 pace=1 bond=1 agenda=1 practice=1 what-not-why=1 targeted=1 medication=5", true},
		{"medication=4", true},
		{"relationships=1 why=1 roots=1 open-talk=1 pace=1 bond=1 agenda=1 practice=1 what-not-why=1 targeted=1 medication=2", false},
		{"relationships=3 why=1 roots=1 open-talk=1 pace=1 bond=1 agenda=1 practice=1 what-not-why=1 targeted=1 medication=5", false},
		{"targeted=4 medication=5", false},
		{"past-therapy=5 medication=5", false},
	} {
		if r := mustScore(t, d, tc.answers); r.MedicationOnly != tc.want {
			t.Errorf("%s: medication only %v, want %v", tc.answers, r.MedicationOnly, tc.want)
		}
	}
}
