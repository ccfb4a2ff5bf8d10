// Package readability estimates how hard English text is to read, so that
// tests can hold the FAQ and the questionnaire to plain language.
//
// It uses the Flesch-Kincaid grade level:
//
//	0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
//
// Syllables are counted with a vowel-group heuristic, which is how most
// readability checkers do it; it is accurate to within a grade on ordinary prose.
package readability

import (
	"strings"
	"unicode"
)

// Stats are the counts the grade is computed from.
type Stats struct {
	Sentences, Words, Syllables int
}

// Count splits text into sentences and words and counts syllables.
func Count(text string) Stats {
	var s Stats
	for _, sentence := range Sentences(text) {
		s.Sentences++
		for _, field := range strings.Fields(sentence) {
			if w := word(field); w != "" {
				s.Words++
				s.Syllables += Syllables(w)
			}
		}
	}
	return s
}

// Sentences splits text into sentences, each with at least one word. A
// sentence ends at '.', '!' or '?' (before any closing quote or emphasis
// marker) or at a line break, so that headings and list items count as
// their own sentences.
func Sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		var cur []string
		words := 0
		for _, field := range strings.Fields(line) {
			cur = append(cur, field)
			if word(field) != "" {
				words++
			}
			end := strings.TrimRight(field, `"')”’*_`)
			if words > 0 && end != "" && strings.ContainsAny(end[len(end)-1:], ".!?") {
				out = append(out, strings.Join(cur, " "))
				cur, words = nil, 0
			}
		}
		if words > 0 {
			out = append(out, strings.Join(cur, " "))
		}
	}
	return out
}

// word is field without the punctuation around it, or "" if it has no
// letter or digit.
func word(field string) string {
	return strings.TrimFunc(field, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Grade is the Flesch-Kincaid grade level of text; 0 for text with no words.
func Grade(text string) float64 {
	return Count(text).Grade()
}

// Grade is the Flesch-Kincaid grade level of the counts.
func (s Stats) Grade() float64 {
	if s.Words == 0 || s.Sentences == 0 {
		return 0
	}
	return 0.39*float64(s.Words)/float64(s.Sentences) + 11.8*float64(s.Syllables)/float64(s.Words) - 15.59
}

// Syllables estimates the syllables in one word: groups of vowels, less a
// silent final "e", at least one. Numbers count as one syllable per digit group.
func Syllables(word string) int {
	w := strings.ToLower(word)
	if w == "" {
		return 0
	}
	if unicode.IsDigit(rune(w[0])) {
		return 1
	}
	n := 0
	prevVowel := false
	for _, r := range w {
		v := strings.ContainsRune("aeiouy", r)
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && n > 1 {
		n--
	}
	if strings.HasSuffix(w, "ed") && n > 1 && !strings.HasSuffix(w, "ted") && !strings.HasSuffix(w, "ded") {
		n--
	}
	if n < 1 {
		n = 1
	}
	return n
}
