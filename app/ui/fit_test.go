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
		`role="status"`,
	} {
		if !hasText(html, want) {
			t.Errorf("prerendered /fit lacks %q", want)
		}
	}
	for _, a := range fitOrder {
		label := d.Label(a)
		if !hasText(html, label) {
			t.Errorf("prerendered /fit lacks the option %q", label)
		}
	}
	if n := strings.Count(html, `type="radio"`); n != len(fitOrder) {
		t.Errorf("prerendered /fit has %d radio inputs, want %d", n, len(fitOrder))
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
		{"doesn't apply is kept", "after-cbt=6,relationships=5", "3", "after-cbt=6,relationships=5", 3},
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
	ans := fit.Answers{"relationships": 5, "why": 5, "after-cbt": 4, "roots": 5, "inner": 4, "change": 3,
		"open-talk": 5, "slow": 4, "bond": 1, "set-course": 1, "practice": 2, "what-not-why": 2, "targeted": 1, "medication": 4}
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
	if strings.Contains(html, d.First.Text) {
		t.Error("the first-options note shows although the reader did not name one specific problem")
	}
	if strings.Contains(html, d.TooFew) {
		t.Error("a full set of answers shows the too-few note")
	}

	p.answers = fit.Answers{"relationships": 5}
	if html := app.HTMLString(p); !strings.Contains(html, d.TooFew) || !strings.Contains(html, d.Neutral.Title) {
		t.Error("one answer does not show the too-few note and the neutral band")
	}
}

// A reader whose main goal is one specific problem is told, in plain words,
// that well-tested first options exist, with a link to the FAQ answer.
func TestFitResultNamesFirstOptionsForOneSpecificProblem(t *testing.T) {
	d := fitContent(t)
	p := &FitPage{ui: testApp(t), answers: fit.Answers{"relationships": 2, "why": 1, "roots": 2, "open-talk": 2, "slow": 1,
		"bond": 2, "set-course": 5, "practice": 5, "what-not-why": 4, "targeted": 5}, step: len(d.Statements) + 1, ready: true}
	html := app.HTMLString(p)
	for _, want := range []string{d.First.Title, d.First.Text, `href="/faq#` + d.First.FAQ + `"`,
		"You said these are like you: wanting a set number of sessions; wanting exercises to practice between sessions;"} {
		if !hasText(html, want) {
			t.Errorf("result lacks %q", want)
		}
	}
	if strings.Index(html, d.First.Title) > strings.Index(html, `id="fit-reasons-title"`) {
		t.Error("the first-options note comes after the reasons; it belongs with the band")
	}
}

// hasText reports whether page holds s as written or HTML-escaped, as the
// prerender escapes text such as "Doesn't".
func hasText(page, s string) bool {
	return strings.Contains(page, s) || strings.Contains(page, html.EscapeString(s))
}
