package ui

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"testing"

	"explainer/app/fit"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// fitContent is the real questionnaire.
func fitContent(t *testing.T) *fit.Definition { return testApp(t).site.Fit }

func TestFitPrerenderShowsTheIntroAndFirstStatementGettingReady(t *testing.T) {
	d := fitContent(t)
	html := Prerender(&FitPage{ui: testApp(t)})
	first := d.Statements[0]
	for _, want := range []string{
		d.Title,
		d.Intro,
		"Your answers stay on this device",
		first.Text,
		`<fieldset`, `<legend`, `id="fit-legend"`, `tabindex="-1"`,
		`name="` + first.ID + `"`,
		`aria-disabled="true"`, `aria-describedby="fit-note"`,
		// Without scripts Next says it cannot work; boot.js makes it live
		// and sets the note from these.
		"needs JavaScript", "data-needs-app", `data-boot-note="fit-note"`,
		`data-boot-text="Your answers are saved in this tab as you go."`, "data-boot-light-text=", "data-boot-wait-text=",
		fitProgressText(0, len(d.Statements)),
		d.Hint,
		`<progress`,
		"This is a reflection tool, not a diagnosis or medical advice.",
		`href="tel:988"`, `href="sms:988"`, `href="tel:911"`,
		`id="how-this-works"`, `href="#how-this-works"`,
		// Who it is for, with the note for a parent asking about a teen.
		d.ForWhom, `id="fit-for-whom"`,
		`role="status"`,
	} {
		if !hasText(html, want) {
			t.Errorf("prerendered /fit lacks %q", want)
		}
	}
	for _, a := range first.Choices() {
		label := d.Label(a)
		if !hasText(html, label) {
			t.Errorf("prerendered /fit lacks the option %q", label)
		}
	}
	if n := strings.Count(html, `type="radio"`); n != len(first.Choices()) {
		t.Errorf("prerendered /fit has %d radio inputs, want %d", n, len(first.Choices()))
	}
	// The first statement is a preference: "Doesn't apply to me" would say
	// nothing there, so it offers "Not sure" only, and the hint says so.
	if first.NotApply || strings.Contains(html, `id="fit-`+first.ID+`-6"`) || hasText(html, d.HintNotApply) {
		t.Error("the first statement, a preference, offers Doesn't apply to me")
	}
	// A boolean attribute written as ="false" means true in HTML (trap 3).
	for _, bad := range []string{"checked", " disabled", `="false"`} {
		if strings.Contains(html, bad) {
			t.Errorf("prerendered /fit contains %q", bad)
		}
	}
	if strings.Contains(html, "Back") {
		t.Error("the first statement offers Back")
	}
}

func TestFitInvitationLinksToTheQuestionnaire(t *testing.T) {
	d := fitContent(t)
	html := app.HTMLString(app.Div().Body(testApp(t).fitInvitation()))
	for _, want := range []string{`href="/fit"`, "private", fmt.Sprintf("%d statements", len(d.Statements)), `aria-labelledby="fit-invitation-title"`} {
		if !strings.Contains(html, want) {
			t.Errorf("invitation lacks %q:\n%s", want, html)
		}
	}
}

func TestFitStateIsReadBackOrDroppedWhole(t *testing.T) {
	d := fitContent(t)
	n := len(d.Statements)
	for _, tc := range []struct {
		name, enc, step string
		want            string
		wantStep        int
	}{
		{"nothing stored", "", "", "", 0},
		{"answers and a step", "relationships=5,why=0", "4", "relationships=5,why=0", 4},
		{"the result step", "relationships=5", strconv.Itoa(n + 1), "relationships=5", n + 1},
		{"a step past the result", "relationships=5", strconv.Itoa(n + 2), "relationships=5", 0},
		{"a negative step", "relationships=5", "-1", "relationships=5", 0},
		{"a step that is not a number", "relationships=5", "x", "relationships=5", 0},
		{"the result with no answers", "", strconv.Itoa(n + 1), "", 0},
		{"doesn't apply is kept", "past-therapy=6,relationships=5", "3", "past-therapy=6,relationships=5", 3},
		{"doesn't apply where it is not offered drops everything", "relationships=6,why=5", "3", "", 0},
		{"an unknown statement drops everything", "relationships=5,nope=3", "4", "", 0},
		{"a bad answer drops everything", "relationships=9", "4", "", 0},
		{"garbage drops everything", "<script>", "2", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := loadFitState(d, tc.enc, tc.step)
			if got := fit.Encode(st.answers); got != tc.want || st.step != tc.wantStep {
				t.Errorf("got %q step %d, want %q step %d", got, st.step, tc.want, tc.wantStep)
			}
			if st.answers == nil {
				t.Error("answers are nil")
			}
		})
	}
}

func TestFitPreMountTicksAreCarriedOverAndWin(t *testing.T) {
	d := fitContent(t)
	st := loadFitState(d, "relationships=2,why=4", "6")
	stored := st.answers
	got, ticked := st.withPreMount(d, map[string]string{"relationships": "5", "search": "x", "why": "9"})
	if !ticked {
		t.Fatal("a valid pre-mount tick was not carried over")
	}
	if e := fit.Encode(got.answers); e != "relationships=5,why=4" {
		t.Errorf("answers %q, want the tick to replace the stored answer and bad values to be ignored", e)
	}
	if got.step != 0 {
		t.Errorf("step %d, want 0: the reader ticked the first statement", got.step)
	}
	if stored["relationships"] != 2 {
		t.Error("withPreMount changed the stored state's map")
	}
	if got, ticked := st.withPreMount(d, map[string]string{"other": "1"}); ticked || got.step != 6 {
		t.Errorf("unrelated inputs changed the state: ticked %v step %d", ticked, got.step)
	}
}

func TestFitResultShowsTheBandReasonsAndQuestions(t *testing.T) {
	d := fitContent(t)
	ans := fit.Answers{"relationships": 5, "why": 5, "past-therapy": 4, "roots": 5, "inner": 4, "change": 3,
		"open-talk": 5, "pace": 4, "bond": 1, "agenda": 1, "practice": 2, "what-not-why": 2, "targeted": 1, "medication": 4}
	r, err := d.Score(ans)
	if err != nil {
		t.Fatal(err)
	}
	p := &FitPage{ui: testApp(t), answers: ans, step: len(d.Statements) + 1, ready: true, origin: "https://example.org"}
	html := app.HTMLString(p)
	for _, want := range []string{
		r.Band.Title, r.Band.Text, r.Questions[0],
		r.Reasons[0].Theme.Title, r.Reasons[0].Items[0].Statement.Text, "You said: Very much like me",
		`href="/#` + r.Reasons[0].Theme.Section + `"`,
		d.Medication.Text, `href="/#` + d.Medication.Section + `"`,
		"Print or save as PDF", "Start over", `href="#how-this-works"`,
		`id="consultation-title"`,
		"This is a reflection tool, not a diagnosis or medical advice.",
		"https://example.org/fit",
		"You said these are like you: the same conflicts that keep coming back; wanting to understand why",
		"You said these are not much like you: being willing to talk about how you feel toward your therapist.",
	} {
		if !hasText(html, want) {
			t.Errorf("result lacks %q", want)
		}
	}
	// Safety before fit: the crisis line leads, above the band.
	safety := strings.Index(html, `class="crisis fit-result-safety"`)
	if band := strings.Index(html, r.Band.Title); safety < 0 || safety > band ||
		!strings.Contains(html[safety:band], `href="tel:988"`) || !strings.Contains(html[safety:band], `href="sms:988"`) ||
		!strings.Contains(html[safety:band], `href="tel:911"`) {
		t.Errorf("the safety line with call, text and 911 links does not come before the band (at %d, band at %d)", safety, band)
	}
	if strings.Contains(html, d.First.Text) || strings.Contains(html, d.First.Said) {
		t.Error("the first-options note shows although the reader did not name one specific problem")
	}
	checkCareFirst(t, html, d)
	if strings.Contains(html, d.MedicationOnly) {
		t.Error("the medication-only line shows to a reader who agreed with statements about therapy")
	}
	if strings.Contains(html, d.TooFew) {
		t.Error("a full set of answers shows the too-few note")
	}

	p.answers = fit.Answers{"relationships": 5}
	html = app.HTMLString(p)
	if !strings.Contains(html, d.TooFew) || !strings.Contains(html, d.Neutral.Title) {
		t.Error("one answer does not show the too-few note and the neutral band")
	}
	checkCareFirst(t, html, d)
}

// checkCareFirst asserts the first-care line: every problem, its sources
// and the link to the FAQ, in the summary, after the band and not inside
// anything that folds.
func checkCareFirst(t *testing.T, html string, d *fit.Definition) {
	t.Helper()
	c := d.CareFirst
	at := strings.Index(html, `class="fit-care-first"`)
	if at < 0 {
		t.Fatal("the result has no first-care line")
	}
	if band := strings.Index(html, `class="fit-band-text"`); band > at {
		t.Error("the first-care line comes before the band text")
	}
	for _, want := range append([]string{c.Lead, c.Sources, c.LinkText, `href="/faq#` + d.First.FAQ + `"`}, c.Items...) {
		if !hasText(html[at:], want) {
			t.Errorf("the first-care line lacks %q", want)
		}
	}
	if strings.Contains(html, "<details") {
		t.Error("the result folds something away; the first-care line must stay visible")
	}
}

// A reader who wants medication and rated every statement about therapy
// "Not at all" is told plainly that medication can be discussed, and is
// not told that anything fits.
func TestFitResultTellsAMedicationOnlyReaderPlainly(t *testing.T) {
	d := fitContent(t)
	ans := fit.Answers{"medication": fit.VeryMuch}
	for _, s := range d.Statements {
		if s.Weight != 0 {
			ans[s.ID] = fit.NotAtAll
		}
	}
	p := &FitPage{ui: testApp(t), answers: ans, step: len(d.Statements) + 1, ready: true}
	html := app.HTMLString(p)
	if !hasText(html, d.MedicationOnly) || !strings.Contains(d.MedicationOnly, "consultation") {
		t.Errorf("the medication-only reader is not told that medication can be discussed at a consultation")
	}
	if hasText(html, d.Medication.Text) {
		t.Error("the medication-only reader is told about combining medication with psychodynamic therapy")
	}
	for _, b := range d.Bands {
		if b != d.Neutral && hasText(html, b.Title) {
			t.Errorf("the medication-only reader sees the band %q", b.Title)
		}
	}
	checkCareFirst(t, html, d)
}

// A reader whose main goal is one specific problem is told, in plain words,
// that well-tested first options exist, with a link to the FAQ answer.
func TestFitResultNamesFirstOptionsForOneSpecificProblem(t *testing.T) {
	d := fitContent(t)
	ans := fit.Answers{"relationships": 2, "why": 1, "roots": 2, "open-talk": 2, "pace": 1,
		"bond": 2, "agenda": 5, "practice": 5, "what-not-why": 4, "targeted": 5}
	p := &FitPage{ui: testApp(t), answers: ans, step: len(d.Statements) + 1, ready: true}
	html := app.HTMLString(p)
	for _, want := range []string{d.First.Title, d.First.Said + " " + d.First.Text, `href="/faq#` + d.First.FAQ + `"`,
		"You said these are like you: wanting each session to follow a plan with set steps; wanting exercises to practice between sessions;"} {
		if !hasText(html, want) {
			t.Errorf("result lacks %q", want)
		}
	}
	if strings.Index(html, d.First.Title) > strings.Index(html, `id="fit-reasons-title"`) {
		t.Error("the first-options note comes after the reasons; it belongs with the band")
	}
	// Each problem the statement names has its first option in the note.
	for _, want := range []string{"panic attacks", "strong fear of one thing", "checking or washing rituals",
		"CBT with exposure", "exposure and response prevention", "medication"} {
		if !strings.Contains(d.First.Text, want) {
			t.Errorf("the one-problem note does not mention %q", want)
		}
	}
	// "Somewhat like me" is not "my main goal": no note, which would say so.
	ans["targeted"] = fit.Somewhat
	if html := app.HTMLString(p); hasText(html, d.First.Said) || strings.Contains(html, `id="fit-first-title"`) {
		t.Error("a Somewhat answer to the one-problem statement shows the note that says it is the main goal")
	}
}

// hasText reports whether page holds s as written or HTML-escaped, as the
// prerender escapes text such as "Doesn't".
func hasText(page, s string) bool {
	if strings.Contains(page, s) || strings.Contains(page, html.EscapeString(s)) {
		return true
	}
	// Citations in a text become links, so compare what a reader sees: the
	// page's text without its tags. HTMLString indents inline elements on
	// lines of their own (the server's prerender does not), so white space
	// is left out of the comparison.
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	return strings.Contains(squeeze(visibleText(page)), squeeze(s))
}

// Each statement offers the "no answer" choices it lists: "Doesn't apply
// to me", with its hint, only on a statement about the reader's situation.
func TestFitStatementOffersItsOwnNoAnswerChoices(t *testing.T) {
	d := fitContent(t)
	for i, s := range d.Statements {
		html := app.HTMLString(&FitPage{ui: testApp(t), answers: fit.Answers{}, step: i, ready: true})
		for _, a := range []fit.Answer{fit.NotSure, fit.DoesNotApply} {
			radio := fmt.Sprintf(`id="fit-%s-%d"`, s.ID, a)
			if got := strings.Contains(html, radio); got != s.Offers(a) {
				t.Errorf("%s: %q shown %v, offered %v", s.ID, d.Label(a), got, s.Offers(a))
			}
		}
		if got := hasText(html, d.HintNotApply); got != s.NotApply {
			t.Errorf("%s: the Doesn't apply hint shown %v, offered %v", s.ID, got, s.NotApply)
		}
		if s.NotApply != s.Circumstance {
			t.Errorf("%s: Doesn't apply offered %v on a statement that is a circumstance: %v", s.ID, s.NotApply, s.Circumstance)
		}
	}
}
