// Package aids parses the reading aids kept in content/ beside the article:
// the "In short" key points of each section (in-short.md), the glossary
// (glossary.md) and the side-by-side comparison (comparison.md). It is pure
// Go: the files are checked against the article's section ids and text
// here, so a malformed file fails the tests and the server's start-up with
// "file:line: reason" (a *contentfile.Error), never a reader's page.
package aids
