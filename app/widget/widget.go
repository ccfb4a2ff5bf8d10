// Package widget describes the embeddable widgets and validates their query
// parameters. Invalid values are dropped, never echoed: the result only
// ever holds one of the known themes and an existing section id.
package widget

import "net/url"

// Names of the widgets, as in /embed/<name>.
const (
	Article = "article"
	FAQ     = "faq"
	Fit     = "fit"
)

// Names lists the widgets in the order the embed page offers them.
var Names = []string{Article, FAQ, Fit}

// Params are the validated query parameters of an embed.
type Params struct {
	Theme      string // "light", "dark", or "" for the reader's own setting
	Section    string // article section id, or "" for the whole article
	AutoHeight bool   // the host script sizes the iframe to its content
	// ShareResult is the host's opt-in (share=band) to be told the fit
	// questionnaire's result band when a reader finishes. Without it the
	// "completed" message carries no result. The widget tells the reader
	// before the result is shown; answers are never shared.
	ShareResult bool
}

// ShareParam and ShareBand are the query parameter and its only accepted
// value for Params.ShareResult.
const (
	ShareParam = "share"
	ShareBand  = "band"
)

// Parse reads the query of an embed URL for widget. hasSection says whether
// an article section id exists. Anything unknown or malformed is ignored.
func Parse(widget string, q url.Values, hasSection func(string) bool) Params {
	var p Params
	switch q.Get("theme") {
	case "light", "dark":
		p.Theme = q.Get("theme")
	}
	if s := q.Get("section"); widget == Article && s != "" && len(s) <= 80 && hasSection(s) {
		p.Section = s
	}
	p.AutoHeight = q.Get("autoheight") == "1"
	p.ShareResult = widget == Fit && q.Get(ShareParam) == ShareBand
	return p
}

// Variants lists every Params that Parse can return for widget, given the
// article's section ids: each theme, with and without auto-height, and for
// the article each section. The server prerenders them all.
func Variants(widget string, sections []string) []Params {
	secs := []string{""}
	if widget == Article {
		secs = append(secs, sections...)
	}
	shares := []bool{false}
	if widget == Fit {
		shares = append(shares, true) // the host's opt-in to the result band
	}
	var out []Params
	for _, sec := range secs {
		for _, share := range shares {
			for _, theme := range []string{"", "light", "dark"} {
				for _, auto := range []bool{false, true} {
					out = append(out, Params{Theme: theme, Section: sec, AutoHeight: auto, ShareResult: share})
				}
			}
		}
	}
	return out
}

// Valid reports whether name is a widget.
func Valid(name string) bool {
	for _, n := range Names {
		if n == name {
			return true
		}
	}
	return false
}
