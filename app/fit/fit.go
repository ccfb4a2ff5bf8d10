// Package fit is the engine behind the fit questionnaire: a short, private
// self-reflection that helps a reader judge whether psychodynamic therapy
// suits what they are looking for. It is never a diagnosis.
//
// The questionnaire lives in content/fit.txt; its format and scoring rules
// are described in content/README.md. Parse turns it into a Definition and refuses anything inconsistent, with "file:line:
// reason" errors, so content mistakes fail in tests rather than in a browser.
// Score turns a reader's Answers into a Result: a band, the reasons that drove
// it and questions to bring to a consultation. Encode and Decode keep answers
// in a short string the UI can store in sessionStorage.
//
// The package uses only the standard library, and no regexp or templates,
// because it is compiled to WebAssembly and every kilobyte is downloaded.
package fit

import "explainer/app/contentfile"

// MaxWeight bounds statement weights: a weight lies in -MaxWeight..MaxWeight.
const MaxWeight = 3

// Statement counts allowed in a definition, so the questionnaire stays
// short. This is the one place the limit is stated; messages and tests
// read it from here.
const (
	MinStatements = 10
	MaxStatements = 16
)

// Definition is a parsed, validated questionnaire.
type Definition struct {
	Name            string    // file name used in errors, e.g. "content/fit.txt"
	Title           string    // heading of the questionnaire
	Intro           string    // what it is and how to answer
	Hint            string    // shown under every statement: how to answer
	HintNotApply    string    // added to Hint under statements that offer DoesNotApply
	ForWhom         string    // who the questionnaire is for, and what a parent asking for a teenager should know
	How             string    // how answers are weighed
	Limits          string    // what it cannot do; a clinician judges severity, risk and diagnosis
	TooFew          string    // shown when too few statements were answered to lean either way
	DefaultQuestion string    // consultation question used when the reader agreed with nothing
	Scale           [5]string // labels for answers 1..5
	NotSureLabel    string    // label for NotSure
	NotApplyLabel   string    // label for DoesNotApply
	MinAnswers      int       // scored answers needed before the score picks the band
	MinSide         int       // scored answers needed on each side before the score picks the band
	MiddleWeight    int       // weight of the middle answer each side starts with (see Score)
	MaxQuestions    int       // most consultation questions shown
	Statements      []*Statement
	Themes          []*Theme
	Bands           []*Band // ordered by score, tiling 0..100 exactly
	Neutral         *Band   // the band used when answers are too few
	Medication      *Theme  // agreeing with its statements sets Result.Medication
	// MedicationOnly is said plainly when the reader wants medication and
	// agreed with no statement about therapy (Result.MedicationOnly).
	MedicationOnly string
	// First is the note shown when the reader says a statement of
	// First.Theme is mostly or very much like them: well-tested first
	// options exist for the specific problems it names.
	First FirstOptions
	// CareFirst is the line every result carries, whatever the band: the
	// problems for which another approach is usually tried first. It links
	// to the same FAQ answer as First.
	CareFirst CareFirst
}

// FirstOptions says that another approach may come first, and links to the
// FAQ answer that explains when (FAQ is its id; package site checks it).
type FirstOptions struct {
	Theme       *Theme
	Title, Text string
	// Said opens the note, repeating what the reader said, e.g. "You said
	// your main goal is relief from one specific problem."
	Said string
	FAQ  string
	Line int // of first-faq, for errors about the link
}

// CareFirst names the problems for which another approach usually comes
// first, with the sources for it and the text of the link to the FAQ.
type CareFirst struct {
	Lead     string   // e.g. "For some problems, another approach usually comes first:"
	Items    []string // one problem and its usual first approach each
	Sources  string   // the guidelines the items rest on, as "Body Number (Year)"
	LinkText string   // text of the link to /faq#<First.FAQ>
}

// Theme groups statements under one explanation that links to the article.
type Theme struct {
	ID, Title, Text string
	Section         string // article section id the explanation rests on
	Line            int
}

// Statement is one line the reader rates.
type Statement struct {
	ID, Text string
	// Short finishes "You said these are like you: …" in the result, so
	// that the result repeats the reader's answers rather than describing them.
	Short string
	// Circumstance marks a statement about the reader's life now (a past
	// therapy, a big change) rather than what they want: one that does not
	// fit them must not count against the approach, so it only ever adds.
	Circumstance bool
	// NotSure and NotApply say which of the two "no answer" choices the
	// statement offers. "Doesn't apply to me" only makes sense where the
	// statement presupposes a situation (a circumstance); on a plain
	// preference "Not sure" is the honest way out.
	NotSure, NotApply bool
	Theme             *Theme
	Weight            int    // -MaxWeight..MaxWeight; negative points to a structured approach
	Section           string // article section id the statement comes from
	Question          string // question the reader might bring to a consultation
	Line              int
}

// Band is one possible result, covering scores Min..Max inclusive.
type Band struct {
	ID, Title, Text string
	Section         string
	Min, Max        int
	Line            int
}

// Error is a problem in a definition, located at a line of its file: the
// same "file:line: reason" error as every other content file's.
type Error = contentfile.Error

// Statement returns the statement with the given id, or nil.
func (d *Definition) Statement(id string) *Statement {
	for _, s := range d.Statements {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Offers reports whether the statement offers the answer a: every rating
// on the scale, and the "no answer" choices it lists.
func (s *Statement) Offers(a Answer) bool {
	switch a {
	case NotSure:
		return s.NotSure
	case DoesNotApply:
		return s.NotApply
	}
	return a.Rated()
}

// Choices lists the answers the statement offers in the order a reader
// sees them: the scale from "Not at all" to "Very much", then the "no
// answer" choices, set a little apart since neither is a point on it.
func (s *Statement) Choices() []Answer {
	out := []Answer{NotAtAll, ALittle, Somewhat, Mostly, VeryMuch}
	for _, a := range []Answer{NotSure, DoesNotApply} {
		if s.Offers(a) {
			out = append(out, a)
		}
	}
	return out
}

// Label returns the text of an answer, e.g. "Mostly like me", or "" if invalid.
func (d *Definition) Label(a Answer) string {
	switch a {
	case NotSure:
		return d.NotSureLabel
	case DoesNotApply:
		return d.NotApplyLabel
	}
	if a < NotAtAll || a > VeryMuch {
		return ""
	}
	return d.Scale[a-1]
}

// BandFor returns the band whose range holds score, or nil outside 0..100.
func (d *Definition) BandFor(score int) *Band {
	for _, b := range d.Bands {
		if b.Min <= score && score <= b.Max {
			return b
		}
	}
	return nil
}
