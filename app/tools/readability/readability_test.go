package readability

import (
	"math"
	"slices"
	"testing"
)

func TestSyllables(t *testing.T) {
	for _, tc := range []struct {
		word string
		want int
	}{
		{"cat", 1}, {"therapy", 3}, {"make", 1}, {"table", 2}, {"relationship", 4},
		{"asked", 1}, {"wanted", 2}, {"CBT", 1}, {"988", 1}, {"the", 1},
	} {
		if got := Syllables(tc.word); got != tc.want {
			t.Errorf("Syllables(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

func TestCountSplitsSentencesAndLines(t *testing.T) {
	got := Count("The cat sat. The dog ran!\nA heading\nIs it \"done.\"")
	want := Stats{Sentences: 4, Words: 11, Syllables: 12}
	if got != want {
		t.Errorf("Count = %+v, want %+v", got, want)
	}
}

func TestSentences(t *testing.T) {
	got := Sentences("Call 988. Or text it!\n- a list item\n\"Quoted.\" Then *this.* … \nDr. Kaiser")
	want := []string{"Call 988.", "Or text it!", "- a list item", "\"Quoted.\"", "Then *this.*", "Dr.", "Kaiser"}
	if !slices.Equal(got, want) {
		t.Errorf("Sentences = %q\nwant %q", got, want)
	}
}

func TestGradeOrdersTextByDifficulty(t *testing.T) {
	easy := "You talk. The therapist listens. You find out why you feel the way you do."
	hard := "Psychodynamic psychotherapy systematically investigates unconscious determinants of interpersonal functioning, characterological organization, and affective dysregulation."
	ge, gh := Grade(easy), Grade(hard)
	if ge > 4 {
		t.Errorf("easy text graded %.1f, want at most 4", ge)
	}
	if gh < 16 {
		t.Errorf("hard text graded %.1f, want at least 16", gh)
	}
	if Grade("") != 0 {
		t.Error("empty text should grade 0")
	}
}

func TestGradeFormula(t *testing.T) {
	s := Stats{Sentences: 2, Words: 20, Syllables: 30}
	want := 0.39*10 + 11.8*1.5 - 15.59
	if math.Abs(s.Grade()-want) > 1e-9 {
		t.Errorf("Grade = %v, want %v", s.Grade(), want)
	}
}
