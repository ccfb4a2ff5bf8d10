package markdown

import (
	"strings"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	meta, body, err := SplitFrontMatter("f.md", []byte("---\ntitle: Hello: world\n# a comment\nempty:\n---\n# Body\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Get("title") != "Hello: world" || meta.Get("empty") != "" || len(meta) != 2 {
		t.Errorf("meta = %+v", meta)
	}
	if !strings.HasPrefix(string(body), "\n\n\n\n\n# Body") {
		t.Errorf("body does not keep line numbers: %q", body)
	}
}

func TestFrontMatterErrorsNameFileAndLine(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"not key value", "---\ntitle\n---\n", "f.md:2: front matter line \"title\" is not \"key: value\""},
		{"bad key", "---\nTitle: x\n---\n", "f.md:2: front matter key \"Title\" must be lower-case letters and underscores"},
		{"duplicate", "---\na: 1\nb: 2\na: 3\n---\n", "f.md:4: front matter key \"a\" set twice (first on line 2)"},
		{"unclosed", "---\na: 1\n", "f.md:1: front matter opened with --- is never closed"},
		{"unknown", "---\nzzz: 1\n---\n", "f.md:2: unknown front matter key \"zzz\" (known: a, b)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := SplitFrontMatter("f.md", []byte(tc.src), []string{"a", "b"})
			if err == nil || err.Error() != tc.want {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestNoFrontMatterIsFine(t *testing.T) {
	meta, body, err := SplitFrontMatter("f.md", []byte("# Just text\n"), nil)
	if err != nil || meta != nil || string(body) != "# Just text\n" {
		t.Errorf("got %v %q %v", meta, body, err)
	}
}
