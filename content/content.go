// Package content embeds the site's text: the article, the FAQ and the fit
// questionnaire. It holds the files and nothing else; parsing lives in app/.
package content

import "embed"

// The files whose names start with a lower-case letter: README.md, the
// editors' guide, is not content and stays out of the program.
//
//go:embed [a-z]*.md *.txt
var files embed.FS

// FS holds the content files, named as they are in this folder.
var FS = files
