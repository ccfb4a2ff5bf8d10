package faq_test

import (
	"fmt"

	"explainer/app/faq"
)

func ExampleParse() {
	src := "# FAQ\n\n## Will I get homework? {#homework}\n\nNo. The work happens in the session.\n"
	items, err := faq.Parse("faq.md", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range items {
		fmt.Printf("%s (line %d): %s\n%s\n", it.ID, it.Line, it.Question, it.Answer.PlainText())
	}
	_, err = faq.Parse("faq.md", []byte("## Will I get homework?\n\nNo.\n"))
	fmt.Println(err)
	// Output:
	// homework (line 3): Will I get homework?
	// No. The work happens in the session.
	// faq.md:1: question "Will I get homework?" does not end with {#id}
}

func ExampleMatch() {
	it := faq.Item{ID: "homework", Question: "Will I get homework?"}
	fmt.Println(faq.Match(it, "No. The work happens in the session.", "session homework"))
	fmt.Println(faq.Match(it, "No. The work happens in the session.", "worksheet"))
	// Output:
	// true
	// false
}
