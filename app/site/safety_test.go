package site

import (
	"strings"
	"testing"
)

func TestParseSafetyFailsWithFileLineAndReason(t *testing.T) {
	const ok = "# c\nline: If unsafe, [call 988](tel:988) or [chat](https://988lifeline.org/chat).\nsite: https://988lifeline.org/\nfaq: crisis\n"
	for _, tc := range []struct{ name, src, want string }{
		{"ok", ok, ""},
		{"no line", "faq: crisis\n", `s.md:1: no "line" line`},
		{"no faq", "line: Call [911](tel:911).\nsite: https://a.example/\n", `s.md:1: no "faq" line`},
		{"no site", "line: Call [911](tel:911).\nfaq: crisis\n", `s.md:1: no "site" line`},
		{"site not https", strings.Replace(ok, "site: https://", "site: http://", 1), `s.md:3: site "http://988lifeline.org/" is not`},
		{"another site", strings.Replace(ok, "https://988lifeline.org/chat", "https://example.org/", 1), `s.md:2: link "https://example.org/": the line may only`},
		{"a page of the site", strings.Replace(ok, "tel:988", "/faq", 1), `s.md:2: link "/faq"`},
		{"two paragraphs", "line: - a list\nsite: https://a.example/\nfaq: crisis\n", "s.md:1: the line must be one paragraph"},
		{"unknown key", ok + "lead: x\n", `s.md:5: unknown key "lead"`},
		{"twice", ok + "faq: other\n", `s.md:5: "faq" already set at line 4`},
		{"empty", "line:\n", `s.md:1: "line" is empty`},
		{"stray", ok + "words\n", `s.md:5: want "key: value"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ParseSafety("s.md", []byte(tc.src))
			if tc.want == "" {
				if err != nil || s.FAQ != "crisis" || s.Text != "If unsafe, call 988 or chat." || len(s.Line.Inline()) == 0 {
					t.Fatalf("ParseSafety = %+v, %v", s, err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
