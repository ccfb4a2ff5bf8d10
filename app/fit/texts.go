package fit

import (
	"fmt"
	"sort"
)

// Text is one reader-facing value of the questionnaire file: a title, a
// statement, a hint, a band's or a theme's text.
type Text struct {
	Block string // the block, e.g. `statement "open-talk"` or "questionnaire"
	Key   string
	Value string
	Line  int
}

// notText are the keys whose values are ids, numbers or kinds: never shown
// to a reader as words. Every other key is reader-facing, so a key added to
// the format later is reviewed and checked for citations without a change
// here.
var notText = map[string]bool{
	"section": true, "weight": true, "kind": true, "theme": true, "range": true,
	"min-answers": true, "max-questions": true, "neutral": true,
	"medication-theme": true, "first-theme": true, "first-faq": true,
	// Keys of the same kind that the format may grow: numbers and the
	// answer choice a statement leaves out.
	"min-side": true, "middle-weight": true, "skip": true,
}

// Texts lists every reader-facing value of the questionnaire file in file
// order, read with the same line syntax as Parse. Citations in them are
// checked, and the practice reviews them, from this list.
func Texts(name string, src []byte) ([]Text, error) {
	p := &parser{file: name}
	blocks := p.blocks(string(src))
	if p.err != nil {
		return nil, p.err
	}
	var out []Text
	for _, b := range blocks {
		for k, f := range b.fields {
			if !notText[k] {
				out = append(out, Text{Block: b.name(), Key: k, Value: f.val, Line: f.line})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out, nil
}

// String names the text for a reviewer: `statement "open-talk": text`.
func (t Text) String() string { return fmt.Sprintf("%s: %s", t.Block, t.Key) }
