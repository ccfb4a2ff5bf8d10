// Package content embeds the site's text: the article, the FAQ and the fit
// questionnaire. It holds the files and nothing else; parsing lives in app/.
package content

import "embed"

//go:embed *.md *.txt
var files embed.FS

// FS holds the content files, named as they are in this folder.
var FS = files
