// Package faq reads the site's Frequently Asked Questions from Markdown and
// filters them for the search box.
//
// The file is an optional title followed by questions. Each question is a
// level-2 heading ending in an explicit id, and its answer is the Markdown
// below it, up to the next question:
//
//	# Frequently Asked Questions
//
//	## How is psychodynamic therapy different from CBT? {#vs-cbt}
//
//	Answer paragraphs in Markdown.
//
// The ids are written out rather than derived from the question text, so that
// links to an answer keep working when the question is reworded.
//
// The package uses only the standard library and no regexp, to stay small
// when compiled to WebAssembly.
package faq

import (
	"fmt"
	"strings"
)

// Item is one question with its answer.
type Item struct {
	ID       string // the heading's {#id}, used as the anchor
	Question string // the heading text without the {#id}
	Answer   string // Markdown source, without leading and trailing blank lines
	Line     int    // 1-based line of the question in the file
}

// Parse reads the questions in src, reporting errors as "name:line: reason".
func Parse(name string, src []byte) ([]Item, error) {
	p := &parser{name: name, ids: map[string]int{}, questions: map[string]int{}}
	// A byte-order mark, which some editors add, would hide the first heading.
	text := strings.TrimPrefix(string(src), "\ufeff")
	for i, line := range strings.Split(text, "\n") {
		if err := p.line(i+1, strings.TrimSuffix(line, "\r")); err != nil {
			return nil, err
		}
	}
	return p.finish()
}

// parser holds the state of one Parse call.
type parser struct {
	name      string
	items     []Item
	answer    []string       // lines of the current answer so far
	started   bool           // a non-blank line was seen, so no title may follow
	level     int            // level of the last heading, to keep the outline whole
	fence     string         // the open code fence, or "" outside fenced code
	fenceLine int            // where the open fence started
	ids       map[string]int // id → line of first use
	questions map[string]int // folded question text → line of first use
}

// line handles one line of the file; n is its 1-based number.
func (p *parser) line(n int, s string) error {
	level := 0
	if !p.fenced(n, s) {
		level = headingLevel(s)
	}
	switch {
	case level == 1 && !p.started:
		p.started = true // the optional title, which the page shows elsewhere
		return nil
	case level == 1:
		return p.errorf(n, `a "# " heading is only allowed as the title at the top`)
	case level == 2:
		return p.question(n, s)
	case len(p.items) == 0 && strings.TrimSpace(s) != "":
		return p.errorf(n, `text before the first question; only a "# " title may come first`)
	case level > p.level+1:
		return p.errorf(n, "level-%d heading under a level-%d heading skips a level", level, p.level)
	case level > 0:
		p.level = level
	}
	if len(p.items) > 0 {
		p.answer = append(p.answer, s)
	}
	return nil
}

// fenced reports whether s opens, closes or lies inside a fenced code block,
// where a line starting with "#" is code, not a heading.
func (p *parser) fenced(n int, s string) bool {
	t := strings.TrimLeft(s, " ")
	if len(s)-len(t) > 3 {
		return p.fence != "" // indented code: never a fence or a heading
	}
	if p.fence != "" {
		if strings.HasPrefix(t, p.fence) && strings.TrimRight(strings.TrimSpace(t), p.fence[:1]) == "" {
			p.fence = ""
		}
		return true
	}
	for _, mark := range []string{"```", "~~~"} {
		if strings.HasPrefix(t, mark) {
			p.fence = t[:len(t)-len(strings.TrimLeft(t, mark[:1]))]
			p.fenceLine = n
			return true
		}
	}
	return false
}

// headingLevel returns the level of an ATX heading line ("## Q" is 2), or 0
// if s is not one. Like CommonMark, it allows up to three spaces of indent and
// needs a space after the "#"s, so "#hashtag" is text.
func headingLevel(s string) int {
	t := strings.TrimLeft(s, " ")
	if len(s)-len(t) > 3 {
		return 0
	}
	n := len(t) - len(strings.TrimLeft(t, "#"))
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t') {
		return 0
	}
	return n
}

// question starts a new item at the "## " heading s on line n.
func (p *parser) question(n int, s string) error {
	if err := p.endAnswer(); err != nil {
		return err
	}
	q, id, err := splitID(strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), "#")))
	if err != "" {
		return p.errorf(n, "%s", err)
	}
	if first, ok := p.ids[id]; ok {
		return p.errorf(n, "duplicate id %q (first on line %d)", id, first)
	}
	// Questions that differ only in case or spacing read as the same
	// question, in the page and in search results.
	key := strings.ToLower(strings.Join(strings.Fields(q), " "))
	if first, ok := p.questions[key]; ok {
		return p.errorf(n, "duplicate question %q (first on line %d)", q, first)
	}
	p.ids[id], p.questions[key] = n, n
	p.items = append(p.items, Item{ID: id, Question: q, Line: n})
	p.started, p.level = true, 2
	return nil
}

// splitID splits "Question? {#id}" into its question and id. On failure it
// returns the reason instead.
func splitID(text string) (q, id, reason string) {
	i := strings.LastIndex(text, "{#")
	if i < 0 || !strings.HasSuffix(text, "}") {
		return "", "", fmt.Sprintf("question %q does not end with {#id}", text)
	}
	q, id = strings.TrimSpace(text[:i]), text[i+2:len(text)-1]
	if !validID(id) {
		return "", "", fmt.Sprintf("bad id %q: use lower-case letters, digits and hyphens", id)
	}
	if q == "" {
		return "", "", fmt.Sprintf("question %q has no text", id)
	}
	return q, id, ""
}

// validID reports whether id is non-empty and made of a-z, 0-9 and '-', which
// needs no escaping in a URL fragment or a CSS selector.
func validID(id string) bool {
	for _, r := range id {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return id != ""
}

// endAnswer stores the collected lines as the answer of the last question.
func (p *parser) endAnswer() error {
	if len(p.items) == 0 {
		return nil
	}
	lines := p.answer
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	last := &p.items[len(p.items)-1]
	if len(lines) == 0 {
		return p.errorf(last.Line, "question %q has no answer", last.ID)
	}
	last.Answer, p.answer = strings.Join(lines, "\n"), nil
	return nil
}

// finish checks the end of the file and returns the items.
func (p *parser) finish() ([]Item, error) {
	if p.fence != "" {
		// An unclosed fence would silently turn every later question into code.
		return nil, p.errorf(p.fenceLine, "code block %q is never closed", p.fence)
	}
	if err := p.endAnswer(); err != nil {
		return nil, err
	}
	if !p.started {
		return nil, p.errorf(1, "file is empty")
	}
	if len(p.items) == 0 {
		return nil, p.errorf(1, `no questions; each question is a "## Question? {#id}" line`)
	}
	return p.items, nil
}

func (p *parser) errorf(line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", p.name, line, fmt.Sprintf(format, args...))
}
