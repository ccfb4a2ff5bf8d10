package aids

import (
	"strings"
	"testing"
)

var sections = []string{"one", "two"}

func TestParseKeyPointsFailsWithFileLineAndReason(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"ok", "# c\n## one\n- a\n- b\n\n## two\n- c\n- d\n", ""},
		{"unknown section", "## one\n- a\n- b\n## two\n- c\n- d\n## three\n- e\n", `in.md:7: the article has no section "three"`},
		{"missing section", "## one\n- a\n- b\n", `in.md:1: section "two" has no key points`},
		{"too few", "## one\n- a\n## two\n- c\n- d\n", `in.md:1: section "one" has 1 points, want 2 to 4`},
		{"too many", "## one\n- a\n- b\n## two\n- c\n- d\n- e\n- f\n- g\n", `in.md:4: section "two" has 5 points, want 2 to 4`},
		{"duplicate", "## one\n- a\n- b\n## one\n", `in.md:4: section "one" already has points at line 1`},
		{"stray text", "## one\nsome text\n", `in.md:2: want "## section-id", "- point" or a "# " comment`},
		{"point first", "- a\n", `in.md:1: a point before the first ## section id`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseKeyPoints("in.md", []byte(tc.src), sections)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func glossarySrc(extra string) string {
	var b strings.Builder
	for _, w := range []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota"} {
		b.WriteString("## " + strings.ToUpper(w[:1]) + w[1:] + " {#" + w + "}\nA word.\n\n")
	}
	return b.String() + extra
}

func TestParseGlossaryFailsWithFileLineAndReason(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"ok", glossarySrc("## Kappa (K) {#kappa}\nmatch: kappa | K\nA letter,\nof Greek.\n"), ""},
		{"too few", glossarySrc(""), "g.md:1: 9 terms, want 10 to 20"},
		{"no id", glossarySrc("## Kappa\nA.\n"), `g.md:28: want a term heading like "## Name {#id}"`},
		{"no definition", glossarySrc("## Kappa {#kappa}\nmatch: kappa\n"), `g.md:28: term "Kappa" has no definition`},
		{"duplicate", glossarySrc("## Alpha again {#alpha}\nA.\n"), `g.md:28: term id "alpha" already used at line 1`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ParseGlossary("g.md", []byte(tc.src))
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if tc.want == "" {
				k := g[len(g)-1]
				if k.Definition != "A letter, of Greek." || strings.Join(k.Match, ",") != "kappa,K" || g[0].Match[0] != "alpha" {
					t.Errorf("last term = %+v, first match %v", k, g[0].Match)
				}
			}
		})
	}
}

func TestTermsTheTextNeverUsesFail(t *testing.T) {
	g, err := ParseGlossary("g.md", []byte(glossarySrc("## Kappa {#kappa}\nA.\n")))
	if err != nil {
		t.Fatal(err)
	}
	text := "alpha beta gamma delta epsilon zeta eta theta iota"
	if err := CheckUsed("g.md", g, text); err == nil || !strings.HasPrefix(err.Error(), `g.md:28: term "Kappa"`) {
		t.Errorf("err = %v", err)
	}
	// Part of a longer word is not a use.
	if err := CheckUsed("g.md", g, text, "kappas"); err == nil {
		t.Error("kappas counted as a use of kappa")
	}
	if err := CheckUsed("g.md", g, text, "KAPPA."); err != nil {
		t.Errorf("a use in capitals was missed: %v", err)
	}
}

func TestMarkerMarksOnlyTheFirstUseOfEachTerm(t *testing.T) {
	terms := []Term{{ID: "cbt", Match: []string{"cognitive behavioral therapy", "CBT"}}, {ID: "x", Match: []string{"insight"}}}
	m := NewMarker(terms)
	got := func(ps []Piece) string {
		var b strings.Builder
		for _, p := range ps {
			if p.Term != nil {
				b.WriteString("[" + p.Text + "]")
			} else {
				b.WriteString(p.Text)
			}
		}
		return b.String()
	}
	if s := got(m.Split("Try CBT, or Cognitive Behavioral Therapy, for insight.")); s != "Try [CBT], or Cognitive Behavioral Therapy, for [insight]." {
		t.Errorf("first split = %q", s)
	}
	if ps := m.Split("CBT and insight again"); ps != nil {
		t.Errorf("second use marked again: %q", got(ps))
	}
	if f := m.Take(); len(f) != 2 || f[0].ID != "cbt" || f[1].ID != "x" {
		t.Errorf("Take = %v", f)
	}
	if f := m.Take(); len(f) != 0 {
		t.Errorf("Take twice = %v", f)
	}
}
