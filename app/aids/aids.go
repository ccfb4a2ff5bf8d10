// Package aids parses the reading aids kept in content/ beside the article:
// the "In short" key points of each section (in-short.md) and the glossary
// (glossary.md). It is pure Go: the files are checked against the article's
// section ids and text here, so a malformed file fails the tests and the
// server's start-up with "file:line: reason", never a reader's page.
package aids

import "fmt"

// Error is a problem in a content file, at a line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

func errorf(file string, line int, format string, args ...any) error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}
