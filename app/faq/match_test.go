package faq

import "testing"

func TestMatch(t *testing.T) {
	it := Item{ID: "vs-cbt", Question: "How is it different from CBT?"}
	answer := "CBT teaches skills. You don't get homework here."
	for _, tc := range []struct {
		query string
		want  bool
	}{
		{"", true},
		{"   \t ", true},
		{"cbt", true},
		{"CbT", true},
		{"different skills", true}, // one word in the question, one in the answer
		{"  skills   HOMEWORK ", true},
		{"skills couch", false}, // every word must appear
		{"cbt?", true},          // edge punctuation is ignored
		{"don't", true},
		{"don’t", true}, // a phone's curly apostrophe
		{"?", true},     // no words left: matches all
		{"homework cbt-only", false},
		{"diff", true}, // parts of words match, as people type
	} {
		if got := Match(it, answer, tc.query); got != tc.want {
			t.Errorf("Match(%q) = %v, want %v", tc.query, got, tc.want)
		}
	}
}
