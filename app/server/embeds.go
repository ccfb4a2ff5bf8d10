//go:build !js

package server

import (
	"explainer/app/ui"
	"explainer/app/widget"
)

// embedVariants are the prerendered variants of one embed route: three
// themes, with and without the host script's auto-height, for the article
// each section, and for the questionnaire with and without the host's
// opt-in to its result band (widget.Variants). All are rendered by New; the
// query is validated first, so a query string can only ever select one of
// these few dozen pages, never add one.
type embedVariants map[widget.Params]*asset

// prerenderEmbed renders every variant of the embed route r.
func prerenderEmbed(sh *shell, r ui.Route, sections []string) embedVariants {
	v := embedVariants{}
	// The body depends on the section and the opt-in, not on the theme.
	bodies := map[widget.Params]string{}
	for _, p := range widget.Variants(r.Widget, sections) {
		key := widget.Params{Section: p.Section, ShareResult: p.ShareResult}
		body, ok := bodies[key]
		if !ok {
			body = ui.Prerender(r.Variant(p))
			bodies[key] = body
		}
		// Compressed on first request: most variants are rarely asked for.
		v[p] = newLazyAsset(sh.page(r, variant{widget: r.Widget, params: p}, body, nil), htmlType, cacheRevalidate)
	}
	return v
}
