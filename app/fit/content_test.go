package fit

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"explainer/app/markdown"
	"explainer/app/tools/readability"
	"explainer/content"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// articleSections reads the section ids of the real article, as the page
// renders them, so links from the questionnaire are checked against it.
func articleSections(t testing.TB) []string {
	t.Helper()
	src, err := content.FS.ReadFile("article.md")
	if err != nil {
		t.Fatal(err)
	}
	_, body, err := markdown.SplitFrontMatter("content/article.md", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return markdown.Parse(body).SectionIDs()
}

// loadContent parses the questionnaire the site ships.
func loadContent(t testing.TB) *Definition {
	t.Helper()
	src, err := content.FS.ReadFile("fit.txt")
	if err != nil {
		t.Fatal(err)
	}
	sections := articleSections(t)
	d, err := Parse("content/fit.txt", src, func(id string) bool { return slices.Contains(sections, id) })
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestContentGolden(t *testing.T) {
	d := loadContent(t)
	var b bytes.Buffer
	summarize(&b, d)
	for _, p := range personas {
		ans := answersOf(t, d, p.answers)
		r, err := d.Score(ans)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "\n== %s: %s\n", p.name, Encode(ans))
		summarizeResult(&b, r)
	}
	const golden = "testdata/content.golden"
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("summary differs from %s; if the change is intended, run go test -update.\ngot:\n%s", golden, b.Bytes())
	}
}

// summarize writes the parsed definition as the golden file shows it.
func summarize(b *bytes.Buffer, d *Definition) {
	fmt.Fprintf(b, "%s: %d statements, %d themes, %d bands, min-answers %d, min-side %d, middle-weight %d, max-questions %d, neutral %s, medication %s\n",
		d.Name, len(d.Statements), len(d.Themes), len(d.Bands), d.MinAnswers, d.MinSide, d.MiddleWeight, d.MaxQuestions, d.Neutral.ID, d.Medication.ID)
	for _, band := range d.Bands {
		fmt.Fprintf(b, "band %s %d-%d %q -> #%s\n", band.ID, band.Min, band.Max, band.Title, band.Section)
	}
	for _, th := range d.Themes {
		fmt.Fprintf(b, "theme %s %q -> #%s\n", th.ID, th.Title, th.Section)
	}
	for _, s := range d.Statements {
		kind := "preference"
		if s.Circumstance {
			kind = "circumstance"
		}
		var offers []string
		for _, a := range s.Choices()[5:] {
			offers = append(offers, d.Label(a))
		}
		fmt.Fprintf(b, "statement %s %s weight %+d theme %s -> #%s; offers %s\n", s.ID, kind, s.Weight, s.Theme.ID, s.Section,
			strings.Join(offers, " and "))
	}
}

// summarizeResult writes one scored result.
func summarizeResult(b *bytes.Buffer, r *Result) {
	fmt.Fprintf(b, "score %d, band %s, too few %v, scored %d toward %d away, answered %d, skipped %d (doesn't apply %d), medication %v (only %v), first options %v\n",
		r.Score, r.Band.ID, r.TooFew, r.Scored.Toward, r.Scored.Away, r.Answered, r.Skipped, r.NotApply, r.Medication, r.MedicationOnly, r.First)
	for _, s := range r.LeftOut {
		fmt.Fprintf(b, "left out: %s\n", s.ID)
	}
	for _, rs := range r.Reasons {
		var items []string
		for _, it := range rs.Items {
			items = append(items, fmt.Sprintf("%s=%d", it.Statement.ID, it.Answer))
		}
		dir := "toward"
		if rs.Away {
			dir = "away"
		}
		fmt.Fprintf(b, "reason %s %s %d: %s\n", rs.Theme.ID, dir, rs.Weight, strings.Join(items, " "))
	}
	for _, q := range r.Questions {
		fmt.Fprintf(b, "question: %s\n", q)
	}
}

// readerText gathers everything a reader of the questionnaire may see, one
// text a line, so that titles and labels count as their own sentences.
func readerText(d *Definition) (all, statements string) {
	var a, s []string
	a = append(a, d.Title, d.Intro, d.ForWhom, d.Hint, d.HintNotApply, d.How, d.Limits, d.TooFew, d.DefaultQuestion,
		d.NotSureLabel, d.NotApplyLabel, d.MedicationOnly, d.First.Title, d.First.Said, d.First.Text,
		d.CareFirst.Lead, d.CareFirst.Sources, d.CareFirst.LinkText)
	// The first-care items are a list, one item a line, as the result shows them.
	a = append(a, d.CareFirst.Items...)
	a = append(a, d.Scale[:]...)
	for _, th := range d.Themes {
		a = append(a, th.Title, th.Text)
	}
	for _, st := range d.Statements {
		a = append(a, st.Text, st.Question)
		s = append(s, st.Text)
	}
	for _, band := range d.Bands {
		a = append(a, band.Title, band.Text)
	}
	return strings.Join(a, "\n"), strings.Join(s, "\n")
}

func TestContentReadability(t *testing.T) {
	d := loadContent(t)
	all, statements := readerText(d)
	ga, gs := readability.Grade(all), readability.Grade(statements)
	t.Logf("Flesch-Kincaid grade: all reader-facing text %.1f (%+v), statements alone %.1f", ga, readability.Count(all), gs)
	if ga > 8 {
		t.Errorf("questionnaire text reads at grade %.1f; keep it at 8 or below", ga)
	}
	for _, s := range readability.Sentences(sentenceText(d)) {
		if g := readability.Grade(s); g > 12 {
			t.Errorf("sentence at grade %.1f, want at most 12: %q", g, s)
		}
	}
}

// sentenceText is the reader-facing prose without titles, which are labels
// rather than sentences and too short for a per-sentence grade to mean much.
func sentenceText(d *Definition) string {
	a := []string{d.Intro, d.ForWhom, d.Hint, d.HintNotApply, d.How, d.Limits, d.TooFew, d.DefaultQuestion,
		d.MedicationOnly, d.First.Said, d.First.Text, d.CareFirst.Lead, d.CareFirst.Sources}
	a = append(a, d.CareFirst.Items...)
	for _, th := range d.Themes {
		a = append(a, th.Text)
	}
	for _, st := range d.Statements {
		a = append(a, st.Text, st.Question)
	}
	for _, band := range d.Bands {
		a = append(a, band.Text)
	}
	return strings.Join(a, "\n")
}

// The "how this works" text states the min-answers rule in words; this keeps
// the prose in step when someone changes the number.
func TestContentHowMatchesRules(t *testing.T) {
	d := loadContent(t)
	words := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if d.MinAnswers >= len(words) || !strings.Contains(d.How, "fewer than "+words[d.MinAnswers]+" ") {
		t.Errorf("how text should say \"fewer than %d\" in words: %q", d.MinAnswers, d.How)
	}
	if d.MinSide >= len(words) || !strings.Contains(d.How, "fewer than "+words[d.MinSide]+" in either group") {
		t.Errorf("how text should say \"fewer than %d in either group\" in words: %q", d.MinSide, d.How)
	}
	if !strings.Contains(d.How, d.Scale[Somewhat-1]) {
		t.Errorf("how text should name the middle answer each group counts, %q: %q", d.Scale[Somewhat-1], d.How)
	}
}
