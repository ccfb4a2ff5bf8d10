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
// goldmark parses the file (package markdown, with heading attributes for
// the ids) and the questions are its level-2 sections, so fences, heading
// levels and indentation mean here exactly what they mean on the page.
package faq

import (
	"fmt"
	"strings"

	"explainer/app/markdown"

	"github.com/yuin/goldmark/ast"
)

// Item is one question with its answer.
type Item struct {
	ID       string        // the heading's {#id}, used as the anchor
	Question string        // the heading text without the {#id}
	Answer   *markdown.Doc // the Markdown below the question
	Line     int           // 1-based line of the question in the file
}

// Parse reads the questions in src, reporting errors as "name:line: reason".
func Parse(name string, src []byte) ([]Item, error) {
	d := markdown.Parse(src)
	errorf := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...))
	}
	if line, fence := unclosedFence(d); fence != "" {
		// An unclosed fence would silently turn every later question into code.
		return nil, errorf(line, "code block %q is never closed", fence)
	}
	if err := checkOutline(d, errorf); err != nil {
		return nil, err
	}
	secs := d.Sections()
	if len(secs) == 0 {
		if len(d.Headings()) == 0 {
			return nil, errorf(1, "file is empty")
		}
		return nil, errorf(1, `no questions; each question is a "## Question? {#id}" line`)
	}
	if secs[0].Heading.Level == 0 {
		return nil, errorf(secs[0].Line, `text before the first question; only a "# " title may come first`)
	}
	var items []Item
	ids, questions := map[string]int{}, map[string]int{}
	for _, s := range secs {
		h := s.Heading
		if err := checkQuestion(h); err != "" {
			return nil, errorf(h.Line, "%s", err)
		}
		if first, ok := ids[h.ID]; ok {
			return nil, errorf(h.Line, "duplicate id %q (first on line %d)", h.ID, first)
		}
		// Questions that differ only in case or spacing read as the same
		// question, in the page and in search results.
		key := strings.ToLower(strings.Join(strings.Fields(h.Text), " "))
		if first, ok := questions[key]; ok {
			return nil, errorf(h.Line, "duplicate question %q (first on line %d)", h.Text, first)
		}
		ids[h.ID], questions[key] = h.Line, h.Line
		answer := d.Body(s)
		if strings.TrimSpace(answer.PlainText()) == "" {
			return nil, errorf(h.Line, "question %q has no answer", h.ID)
		}
		items = append(items, Item{ID: h.ID, Question: h.Text, Answer: answer, Line: h.Line})
	}
	return items, nil
}

// checkOutline allows one level-1 heading, the title, first in the file,
// and no heading that skips a level below a question.
func checkOutline(d *markdown.Doc, errorf func(int, string, ...any) error) error {
	prev := 0
	for i, h := range d.Headings() {
		switch {
		case h.Level == 1 && i > 0:
			return errorf(h.Line, `a "# " heading is only allowed as the title at the top`)
		case h.Level > 2 && prev == 0:
			return errorf(h.Line, `text before the first question; only a "# " title may come first`)
		case h.Level > 2 && h.Level > prev+1:
			return errorf(h.Line, "level-%d heading under a level-%d heading skips a level", h.Level, prev)
		}
		prev = h.Level
		if h.Level == 1 {
			prev = 0 // the title: a question must come next
		}
	}
	return nil
}

// checkQuestion returns what is wrong with a question's heading, or "".
func checkQuestion(h markdown.Heading) string {
	switch {
	case !h.Explicit || strings.Contains(h.Text, "{#"):
		return fmt.Sprintf("question %q does not end with {#id}", h.Text)
	case !validID(h.ID):
		return fmt.Sprintf("bad id %q: use lower-case letters, digits and hyphens", h.ID)
	case h.Text == "":
		return fmt.Sprintf("question %q has no text", h.ID)
	}
	return ""
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

// unclosedFence finds a fenced code block that runs to the end of the file
// because its closing fence is missing, and returns the line it opens on
// and its fence ("" when every block is closed). CommonMark allows that; in
// this file it always means a mistake.
func unclosedFence(d *markdown.Doc) (line int, unclosed string) {
	src := d.Source()
	markdown.Walk(d, func(n ast.Node) {
		f, ok := n.(*ast.FencedCodeBlock)
		if !ok || unclosed != "" {
			return
		}
		open := src[n.Pos():]
		if i := strings.IndexByte(string(open), '\n'); i >= 0 {
			open = open[:i]
		}
		t := strings.TrimLeft(string(open), " ")
		fence := t[:len(t)-len(strings.TrimLeft(t, t[:1]))]
		end := n.Pos() + len(open) + 1
		if f.Lines().Len() > 0 {
			end = f.Lines().At(f.Lines().Len() - 1).Stop
		}
		rest := ""
		if end < len(src) {
			rest = string(src[end:])
		}
		next, _, _ := strings.Cut(rest, "\n")
		if !strings.HasPrefix(strings.TrimLeft(next, " "), fence) {
			line, unclosed = 1+strings.Count(string(src[:n.Pos()]), "\n"), fence
		}
	})
	return line, unclosed
}
