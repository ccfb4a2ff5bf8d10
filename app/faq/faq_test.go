package faq

import (
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	src := "\ufeff\n# FAQ\n\n## First question? {#first}\n\nOne *answer*.\n\n" +
		"```\n## not a heading\n```\n\n### More detail\n\nText.\n\n" +
		"## Second question {#second-2}\r\n\r\n- a\r\n- b\r\n\n\n"
	got, err := Parse("faq.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	type item struct {
		ID, Question string
		Line         int
		Answer       string // its plain text
	}
	var items []item
	for _, it := range got {
		items = append(items, item{it.ID, it.Question, it.Line, it.Answer.PlainText()})
	}
	want := []item{
		{ID: "first", Question: "First question?", Line: 4, Answer: "One answer.\n## not a heading\nMore detail\nText."},
		{ID: "second-2", Question: "Second question", Line: 16, Answer: "a\nb"},
	}
	if !reflect.DeepEqual(items, want) {
		t.Errorf("Parse =\n%#v\nwant\n%#v", items, want)
	}
	if h := got[0].Answer.Headings(); len(h) != 1 || h[0].Level != 3 || h[0].Text != "More detail" {
		t.Errorf("the first answer's headings = %+v, want one level-3 \"More detail\"", h)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"empty", "", "f.md:1: file is empty"},
		{"blank", "\n  \n", "f.md:1: file is empty"},
		{"title only", "# FAQ\n", `f.md:1: no questions; each question is a "## Question? {#id}" line`},
		{"no answer", "## Q? {#q}\n\n## R? {#r}\nA.\n", `f.md:1: question "q" has no answer`},
		{"no answer at end", "## Q? {#q}\nA.\n## R? {#r}\n\n", `f.md:3: question "r" has no answer`},
		{"duplicate id", "## Q? {#q}\nA.\n## R? {#q}\nB.\n", `f.md:3: duplicate id "q" (first on line 1)`},
		{"duplicate question", "## Is it OK? {#a}\nA.\n## is  it ok? {#b}\nB.\n",
			`f.md:3: duplicate question "is  it ok?" (first on line 1)`},
		{"no id", "## Q?\nA.\n", `f.md:1: question "Q?" does not end with {#id}`},
		{"id not at end", "## Q? {#q} more\nA.\n", `f.md:1: question "Q? {#q} more" does not end with {#id}`},
		{"upper-case id", "## Q? {#Vs-CBT}\nA.\n", `f.md:1: bad id "Vs-CBT": use lower-case letters, digits and hyphens`},
		{"underscore id", "## Q? {#vs_cbt}\nA.\n", `f.md:1: bad id "vs_cbt": use lower-case letters, digits and hyphens`},
		{"empty id", "## Q? {#}\nA.\n", `f.md:1: bad id "": use lower-case letters, digits and hyphens`},
		{"no question text", "## {#q}\nA.\n", `f.md:1: question "q" has no text`},
		{"text before", "# FAQ\nIntro.\n## Q? {#q}\nA.\n",
			`f.md:2: text before the first question; only a "# " title may come first`},
		{"sub-heading before", "### Q? {#q}\nA.\n",
			`f.md:1: text before the first question; only a "# " title may come first`},
		{"second title", "# FAQ\n## Q? {#q}\nA.\n# More\n",
			`f.md:4: a "# " heading is only allowed as the title at the top`},
		{"skipped level", "## Q? {#q}\nA.\n#### Detail\n",
			"f.md:3: level-4 heading under a level-2 heading skips a level"},
		{"open fence", "## Q? {#q}\n~~~~\ncode\n~~~\n## R? {#r}\nB.\n", `f.md:2: code block "~~~~" is never closed`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("f.md", []byte(tc.src))
			if err == nil || err.Error() != tc.want {
				t.Errorf("Parse(%q) error = %v, want %s", tc.src, err, tc.want)
			}
		})
	}
}
