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
	How             string    // how answers are weighed
	Limits          string    // what it cannot do; a clinician judges severity, risk and diagnosis
	TooFew          string    // shown when too few statements were answered to lean either way
	DefaultQuestion string    // consultation question used when the reader agreed with nothing
	Scale           [5]string // labels for answers 1..5
	NotSureLabel    string    // label for NotSure
	MinAnswers      int       // weighted answers needed before the score picks the band
	MaxQuestions    int       // most consultation questions shown
	Statements      []*Statement
	Themes          []*Theme
	Bands           []*Band // ordered by score, tiling 0..100 exactly
	Neutral         *Band   // the band used when answers are too few
	Medication      *Theme  // agreeing with its statements sets Result.Medication
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
	Theme    *Theme
	Weight   int    // -MaxWeight..MaxWeight; negative points to a structured approach
	Section  string // article section id the statement comes from
	Question string // question the reader might bring to a consultation
	Line     int
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
	if a == NotSure {
		return d.NotSureLabel
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
