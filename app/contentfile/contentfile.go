// Package contentfile holds what the parsers of the site's line-based
// content files share: the "file:line: reason" error they fail with, which
// an editor can jump to, and the scanner that walks a file's lines,
// skipping blank lines and "# " comments.
package contentfile

import (
	"fmt"
	"strings"
)

// Error is a problem in a content file, at a line (1 for the file as a
// whole).
type Error struct {
	File string
	Line int
	Msg  string
}

// Error formats the problem as "file:line: reason".
func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Errorf makes an *Error at line of file.
func Errorf(file string, line int, format string, args ...any) error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Scanner reads a content file line by line. Each line has its trailing
// spaces, tabs and carriage return removed, and keeps its leading ones (a
// format may give indentation a meaning). Blank lines and comments (a line
// that is "#" or starts with "# ") are skipped; "## " is not a comment.
type Scanner struct {
	file  string
	lines []string
	n     int // the current line's number, from 1
}

// NewScanner scans src, the content of the file named file.
func NewScanner(file string, src []byte) *Scanner {
	return &Scanner{file: file, lines: strings.Split(string(src), "\n")}
}

// Scan moves to the next line that is neither blank nor a comment, and
// reports whether there is one.
func (s *Scanner) Scan() bool {
	for s.n < len(s.lines) {
		s.n++
		if l := s.Text(); l != "" && l != "#" && !strings.HasPrefix(l, "# ") {
			return true
		}
	}
	return false
}

// Text is the current line.
func (s *Scanner) Text() string { return strings.TrimRight(s.lines[s.n-1], " \t\r") }

// Line is the current line's number, from 1.
func (s *Scanner) Line() int { return s.n }

// File is the name of the file scanned.
func (s *Scanner) File() string { return s.file }

// Errorf makes an *Error at the current line.
func (s *Scanner) Errorf(format string, args ...any) error {
	return Errorf(s.file, s.n, format, args...)
}

// KeyValue splits a "key: value" line. The key starts the line and has no
// white space; the value is trimmed and may be empty.
func KeyValue(line string) (key, value string, ok bool) {
	key, value, ok = strings.Cut(line, ":")
	if !ok || key == "" || strings.ContainsAny(key, " \t") {
		return "", "", false
	}
	return key, strings.TrimSpace(value), true
}
