package faq

import (
	"strings"
	"unicode"
)

// apostrophes folds typographic apostrophes to the ASCII one, since phone
// keyboards often type "don’t" while the content says "don't".
var apostrophes = strings.NewReplacer("’", "'", "‘", "'")

// Match reports whether every word of query appears, ignoring case, in the
// item's question or in answerText, the plain text of its answer.
// A query with no words matches every item.
func Match(it Item, answerText, query string) bool {
	text := fold(it.Question + "\n" + answerText)
	for _, w := range strings.Fields(fold(query)) {
		// Punctuation at the edges of a word ("cbt?", "2010,") is not
		// something the reader is searching for.
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" && !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

func fold(s string) string {
	return apostrophes.Replace(strings.ToLower(s))
}
