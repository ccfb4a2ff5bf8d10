package contentfile

import (
	"errors"
	"fmt"
	"testing"
)

func TestScannerSkipsBlankAndCommentLinesAndKeepsNumbers(t *testing.T) {
	src := "# a comment\n\nfirst  \r\n#\n## heading\n  indented\n#not a comment\n"
	s := NewScanner("f.txt", []byte(src))
	var got []string
	for s.Scan() {
		got = append(got, fmt.Sprintf("%d:%s", s.Line(), s.Text()))
	}
	want := []string{"3:first", "5:## heading", "6:  indented", "7:#not a comment"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("lines = %q, want %q", got, want)
	}
}

func TestErrorsNameFileAndLine(t *testing.T) {
	s := NewScanner("content/x.md", []byte("\n\nkey: value\n"))
	s.Scan()
	err := s.Errorf("bad %q", "key")
	if err.Error() != `content/x.md:3: bad "key"` {
		t.Errorf("error = %q", err)
	}
	var ce *Error
	if !errors.As(err, &ce) || ce.File != "content/x.md" || ce.Line != 3 || ce.Msg != `bad "key"` {
		t.Errorf("error = %#v", err)
	}
}

func TestKeyValue(t *testing.T) {
	for _, tc := range []struct {
		line, key, value string
		ok               bool
	}{
		{"caption: Side by side", "caption", "Side by side", true},
		{"note:", "note", "", true},
		{"url: https://x.example/a:b", "url", "https://x.example/a:b", true},
		{"two words: x", "", "", false},
		{": x", "", "", false},
		{"no colon", "", "", false},
		{"  indented: x", "", "", false},
	} {
		k, v, ok := KeyValue(tc.line)
		if k != tc.key || v != tc.value || ok != tc.ok {
			t.Errorf("KeyValue(%q) = %q, %q, %v", tc.line, k, v, ok)
		}
	}
}
