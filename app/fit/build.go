package fit

import (
	"strconv"
	"strings"
)

// Parse reads a questionnaire definition. name is used in "file:line: reason"
// errors; validSection reports whether an article section id exists, so links
// are checked against the article actually shipped. The first problem in the
// file is returned as an *Error.
func Parse(name string, src []byte, validSection func(id string) bool) (*Definition, error) {
	p := &parser{file: name}
	blocks := p.blocks(string(src))
	b := &builder{parser: p, valid: validSection, d: &Definition{Name: name}, first: map[string]int{}}
	for _, blk := range blocks {
		b.add(blk)
	}
	b.check()
	if p.err != nil {
		return nil, p.err
	}
	return b.d, nil
}

// builder turns blocks into a Definition. Cross-references are resolved in
// check, after every block is read, so blocks may come in any order.
type builder struct {
	*parser
	valid func(string) bool
	d     *Definition
	first map[string]int // "kind id" -> line first defined, to report duplicates
	quest *block         // the [questionnaire] block, kept for its references
	refs  map[*Statement]*field
}

// add types one block, checking what can be checked without the others.
func (b *builder) add(blk *block) {
	key := blk.kind + " " + blk.id
	if line, dup := b.first[key]; dup {
		b.fail(blk.line, "duplicate %s (first on line %d)", blk.name(), line)
		return
	}
	b.first[key] = blk.line
	for _, k := range keys[blk.kind] {
		if blk.fields[k] == nil {
			b.fail(blk.line, "%s: missing %s", blk.name(), k)
		} else if blk.fields[k].val == "" {
			b.fail(blk.fields[k].line, "%s: %s is empty", blk.name(), k)
		}
	}
	if b.err != nil {
		return // the typed parsers below assume every key is present
	}
	switch blk.kind {
	case "questionnaire":
		b.questionnaire(blk)
	case "theme":
		b.d.Themes = append(b.d.Themes, &Theme{ID: blk.id, Title: val(blk, "title"),
			Text: val(blk, "text"), Section: b.section(blk), Line: blk.line})
	case "statement":
		b.statement(blk)
	case "band":
		b.band(blk)
	}
}

func val(blk *block, key string) string { return blk.fields[key].val }

// section returns the block's article link after checking it exists.
func (b *builder) section(blk *block) string {
	f := blk.fields["section"]
	if !b.valid(f.val) {
		b.fail(f.line, "%s: section %q is not in the article", blk.name(), f.val)
	}
	return f.val
}

// number parses an integer field, reporting what was wrong with it.
func (b *builder) number(blk *block, key string) int {
	f := blk.fields[key]
	n, err := strconv.Atoi(f.val)
	if err != nil {
		b.fail(f.line, "%s: %s %q is not a whole number", blk.name(), key, f.val)
	}
	return n
}

func (b *builder) questionnaire(blk *block) {
	d := b.d
	b.quest = blk
	d.Title, d.Intro, d.Hint, d.How = val(blk, "title"), val(blk, "intro"), val(blk, "hint"), val(blk, "how")
	d.HintNotApply, d.ForWhom = val(blk, "hint-not-apply"), val(blk, "for-whom")
	d.Limits, d.TooFew, d.DefaultQuestion = val(blk, "limits"), val(blk, "too-few"), val(blk, "question")
	d.NotSureLabel, d.NotApplyLabel = val(blk, "not-sure"), val(blk, "not-apply")
	d.MedicationOnly = val(blk, "medication-only")
	d.First = FirstOptions{Title: val(blk, "first-title"), Said: val(blk, "first-said"), Text: val(blk, "first-text"),
		FAQ: val(blk, "first-faq"), Line: blk.fields["first-faq"].line}
	d.CareFirst = CareFirst{Lead: val(blk, "care-first"), Sources: val(blk, "care-first-sources"),
		LinkText: val(blk, "care-first-link")}
	for _, item := range strings.Split(val(blk, "care-first-list"), "|") {
		if item = strings.TrimSpace(item); item == "" {
			b.fail(blk.fields["care-first-list"].line, "questionnaire: care-first-list has an empty item")
		}
		d.CareFirst.Items = append(d.CareFirst.Items, item)
	}
	labels := strings.Split(val(blk, "scale"), "|")
	for i, l := range labels {
		if l = strings.TrimSpace(l); l != "" && len(labels) == len(d.Scale) {
			d.Scale[i] = l
			continue
		}
		b.fail(blk.fields["scale"].line, "questionnaire: scale needs %d labels separated by |", len(d.Scale))
		break
	}
	d.MinAnswers = b.number(blk, "min-answers")
	d.MinSide = b.number(blk, "min-side")
	d.MiddleWeight = b.number(blk, "middle-weight")
	// Without a middle answer an unanswered side would have no mean, and
	// one answer would carry a whole side.
	if d.MiddleWeight < 1 || d.MiddleWeight > 4*MaxWeight {
		b.fail(blk.fields["middle-weight"].line, "questionnaire: middle-weight %d outside 1..%d", d.MiddleWeight, 4*MaxWeight)
	}
	d.MaxQuestions = b.number(blk, "max-questions")
	if d.MaxQuestions < 1 || d.MaxQuestions > MaxStatements {
		b.fail(blk.fields["max-questions"].line, "questionnaire: max-questions %d outside 1..%d", d.MaxQuestions, MaxStatements)
	}
}

// skip reads which "no answer" choices a statement offers. "Doesn't apply
// to me" says "this is not my situation", so only a statement about the
// reader's situation (a circumstance) may offer it, and every circumstance
// must; a preference offers "Not sure".
func (b *builder) skip(blk *block, s *Statement) {
	f := blk.fields["skip"]
	for _, c := range strings.Split(f.val, "|") {
		switch c = strings.TrimSpace(c); c {
		case "not-sure":
			s.NotSure = true
		case "not-apply":
			s.NotApply = true
		default:
			b.fail(f.line, "%s: skip %q must be not-sure, not-apply or both, separated by |", blk.name(), c)
			return
		}
	}
	switch {
	case s.NotApply && !s.Circumstance:
		b.fail(f.line, "%s: a preference presupposes no situation, so it cannot offer not-apply; offer not-sure", blk.name())
	case s.Circumstance && !s.NotApply:
		b.fail(f.line, "%s: a circumstance presupposes a situation, so it must offer not-apply", blk.name())
	}
}

func (b *builder) statement(blk *block) {
	s := &Statement{ID: blk.id, Text: val(blk, "text"), Short: val(blk, "short"), Question: val(blk, "question"),
		Weight: b.number(blk, "weight"), Section: b.section(blk), Line: blk.line}
	if s.Weight < -MaxWeight || s.Weight > MaxWeight {
		b.fail(blk.fields["weight"].line, "%s: weight %d outside %d..%d", blk.name(), s.Weight, -MaxWeight, MaxWeight)
	}
	switch kind := blk.fields["kind"]; kind.val {
	case "preference":
	case "circumstance":
		s.Circumstance = true
		// A circumstance only ever adds toward the approach; one that
		// pointed away, or nowhere, could not keep that promise.
		if s.Weight <= 0 {
			b.fail(blk.fields["weight"].line, "%s: a circumstance must weigh more than 0, not %d", blk.name(), s.Weight)
		}
	default:
		b.fail(kind.line, "%s: kind %q must be preference or circumstance", blk.name(), kind.val)
	}
	b.skip(blk, s)
	if b.refs == nil {
		b.refs = map[*Statement]*field{}
	}
	b.refs[s] = blk.fields["theme"]
	b.d.Statements = append(b.d.Statements, s)
}

func (b *builder) band(blk *block) {
	f := blk.fields["range"]
	a, z, ok := strings.Cut(f.val, "-")
	lo, err1 := strconv.Atoi(strings.TrimSpace(a))
	hi, err2 := strconv.Atoi(strings.TrimSpace(z))
	switch {
	case !ok || err1 != nil || err2 != nil:
		b.fail(f.line, "%s: range %q should look like 40-69", blk.name(), f.val)
	case lo < 0 || hi > 100 || lo > hi:
		b.fail(f.line, "%s: range %d-%d is not a span within 0-100", blk.name(), lo, hi)
	}
	b.d.Bands = append(b.d.Bands, &Band{ID: blk.id, Title: val(blk, "title"), Text: val(blk, "text"),
		Section: b.section(blk), Min: lo, Max: hi, Line: blk.line})
}
