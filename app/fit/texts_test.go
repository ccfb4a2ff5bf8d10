package fit

import (
	"os"
	"strings"
	"testing"
)

// Texts lists the words a reader sees, where they are, and leaves out ids,
// weights and kinds.
func TestTextsListsReaderFacingValuesInFileOrder(t *testing.T) {
	src, err := os.ReadFile("../../content/fit.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts, err := Texts("content/fit.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse("content/fit.txt", src, func(string) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	has := map[string]bool{}
	last := 0
	for _, x := range texts {
		has[x.Value] = true
		if x.Line < last {
			t.Errorf("%s at line %d comes after line %d", x, x.Line, last)
		}
		last = x.Line
		if notText[x.Key] {
			t.Errorf("%s is listed, but it is not words a reader sees", x)
		}
	}
	for _, want := range []string{d.Title, d.Intro, d.Hint, d.How, d.Statements[0].Text, d.Statements[0].Short, d.Themes[0].Text, d.Bands[0].Text, d.First.Text} {
		if !has[want] {
			t.Errorf("Texts lacks %q", want)
		}
	}
	if _, err := Texts("x.txt", []byte("[questionnaire]\n  stray\n")); err == nil || !strings.HasPrefix(err.Error(), "x.txt:2:") {
		t.Errorf("a malformed file gives %v", err)
	}
}
