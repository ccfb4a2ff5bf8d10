// Package fit is the engine behind the fit questionnaire: a short, private
// self-reflection that helps a reader judge whether psychodynamic therapy
// suits what they are looking for. It is never a diagnosis.
//
// The questionnaire lives in content/fit.txt (format: README.md, "The fit questionnaire file"). Parse turns
// it into a Definition and refuses anything inconsistent, with "file:line:
// reason" errors, so content mistakes fail in tests rather than in a browser.
// Score turns a reader's Answers into a Result: a band, the reasons that drove
// it and questions to bring to a consultation. Encode and Decode keep answers
// in a short string the UI can store in sessionStorage.
//
// The package uses only the standard library, and no regexp or templates,
// because it is compiled to WebAssembly and every kilobyte is downloaded.
package fit

import "fmt"

// MaxWeight bounds statement weights: a weight lies in -MaxWeight..MaxWeight.
const MaxWeight = 3

// Statement counts allowed in a definition, so the questionnaire stays short.
const (
	MinStatements = 10
	MaxStatements = 14
)

// Definition is a parsed, validated questionnaire.
type Definition struct {
	Name            string    // file name used in errors, e.g. "content/fit.txt"
	Title           string    // heading of the questionnaire
	Intro           string    // what it is and how to answer
	Hint            string    // shown under every statement: how to answer, and when "doesn't apply" fits
	How             string    // how answers are weighed
	Limits          string    // what it cannot do; a clinician judges severity, risk and diagnosis
	TooFew          string    // shown when too few statements were answered to lean either way
	DefaultQuestion string    // consultation question used when the reader agreed with nothing
	Scale           [5]string // labels for answers 1..5
	NotSureLabel    string    // label for NotSure
	NotApplyLabel   string    // label for DoesNotApply
	MinAnswers      int       // weighted answers needed before the score picks the band
	MaxQuestions    int       // most consultation questions shown
	Statements      []*Statement
	Themes          []*Theme
	Bands           []*Band // ordered by score, tiling 0..100 exactly
	Neutral         *Band   // the band used when answers are too few
	Medication      *Theme  // agreeing with its statements sets Result.Medication
	// First is the note shown when the reader agrees with a statement of
	// First.Theme: well-tested first options exist for one specific problem.
	First FirstOptions
}

// FirstOptions says that another approach may come first, and links to the
// FAQ answer that explains when (FAQ is its id; package site checks it).
type FirstOptions struct {
	Theme       *Theme
	Title, Text string
	FAQ         string
	Line        int // of first-faq, for errors about the link
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
	Theme        *Theme
	Weight       int    // -MaxWeight..MaxWeight; negative points to a structured approach
	Section      string // article section id the statement comes from
	Question     string // question the reader might bring to a consultation
	Line         int
}

// Band is one possible result, covering scores Min..Max inclusive.
type Band struct {
	ID, Title, Text string
	Section         string
	Min, Max        int
	Line            int
}

// Error is a problem in a definition, located at a line of its file.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error formats the problem as "file:line: reason", the form editors jump to.
func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Statement returns the statement with the given id, or nil.
func (d *Definition) Statement(id string) *Statement {
	for _, s := range d.Statements {
		if s.ID == id {
			return s
		}
	}
	return nil
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
