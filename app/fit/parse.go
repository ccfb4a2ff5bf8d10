package fit

import (
	"fmt"
	"slices"
	"strings"

	"explainer/app/contentfile"
)

// block is one "[kind id]" record with its fields, before it is typed.
type block struct {
	kind, id string
	line     int
	fields   map[string]*field
}

// field is one "key: value" line, with any continuation lines joined on.
type field struct {
	val  string
	line int
}

// name describes the block in error messages, e.g. `statement "open-talk"`.
func (b *block) name() string {
	if b.id == "" {
		return b.kind
	}
	return fmt.Sprintf("%s %q", b.kind, b.id)
}

// keys lists the fields each kind of block must have, and may only have.
// Every key is required: a questionnaire with a silent gap is worse than a
// failing test.
var keys = map[string][]string{
	"questionnaire": {"title", "intro", "for-whom", "hint", "hint-not-apply", "how", "limits", "too-few", "question",
		"scale", "not-sure", "not-apply", "min-answers", "min-side", "middle-weight", "max-questions", "neutral",
		"medication-theme", "medication-only", "first-theme", "first-title", "first-said", "first-text", "first-faq",
		"care-first", "care-first-list", "care-first-sources", "care-first-link"},
	"theme":     {"title", "text", "section"},
	"statement": {"text", "kind", "skip", "short", "theme", "weight", "section", "question"},
	"band":      {"title", "range", "text", "section"},
}

// parser holds the first error found; later failures are ignored so that an
// editor sees the earliest problem in the file, not a cascade.
type parser struct {
	file string
	err  error
}

// fail records a problem at line unless an earlier one was found.
func (p *parser) fail(line int, format string, args ...any) {
	if p.err == nil {
		p.err = contentfile.Errorf(p.file, line, format, args...)
	}
}

// blocks splits the source into blocks, checking only the line syntax.
func (p *parser) blocks(src string) []*block {
	var out []*block
	var cur *block
	var last *field
	for i, raw := range strings.Split(src, "\n") {
		n := i + 1
		line := strings.TrimRight(raw, " \t\r")
		text := strings.TrimSpace(line)
		switch {
		case text == "" || strings.HasPrefix(text, "#"):
		case line[0] == ' ' || line[0] == '\t':
			if last == nil {
				p.fail(n, "indented line continues no field")
				continue
			}
			last.val += " " + text
		case line[0] == '[':
			cur, last = p.header(n, line), nil
			if cur != nil {
				out = append(out, cur)
			}
		default:
			last = p.field(n, cur, line)
		}
	}
	return out
}

// header parses "[kind]" or "[kind id]".
func (p *parser) header(n int, line string) *block {
	inner, ok := strings.CutSuffix(line[1:], "]")
	words := strings.Fields(inner)
	if !ok || len(words) == 0 || len(words) > 2 {
		p.fail(n, "malformed header %q, want [kind id]", line)
		return nil
	}
	b := &block{kind: words[0], line: n, fields: map[string]*field{}}
	if len(words) == 2 {
		b.id = words[1]
	}
	switch {
	case keys[b.kind] == nil:
		p.fail(n, "unknown block kind %q", b.kind)
	case b.kind == "questionnaire" && b.id != "":
		p.fail(n, "[questionnaire] takes no id")
	case b.kind != "questionnaire" && !validID(b.id):
		p.fail(n, "%s id %q must be lowercase letters, digits and hyphens", b.kind, b.id)
	}
	return b
}

// field parses "key: value" into the current block.
func (p *parser) field(n int, b *block, line string) *field {
	key, val, ok := strings.Cut(line, ":")
	key = strings.TrimSpace(key)
	if !ok || key == "" || strings.ContainsAny(key, " \t") {
		p.fail(n, "want key: value, [kind id] or an indented continuation")
		return nil
	}
	if b == nil {
		p.fail(n, "field %q before any [block]", key)
		return nil
	}
	if !slices.Contains(keys[b.kind], key) {
		p.fail(n, "%s: unknown key %q", b.name(), key)
		return nil
	}
	if prev := b.fields[key]; prev != nil {
		p.fail(n, "%s: duplicate key %q (first on line %d)", b.name(), key, prev.line)
		return nil
	}
	f := &field{val: strings.TrimSpace(val), line: n}
	b.fields[key] = f
	return f
}

// validID keeps ids to characters that are safe in the answer encoding and
// in URLs.
func validID(id string) bool {
	if id == "" || id[0] == '-' {
		return false
	}
	for _, r := range id {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}
