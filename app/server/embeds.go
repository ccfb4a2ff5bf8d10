//go:build !js

package server

import (
	"net/http"
	"strconv"
	"strings"
	"sync"

	"explainer/app/ui"
	"explainer/app/widget"
)

// embedVariants holds the prerendered variants of the embed routes: three
// themes, with and without the host script's auto-height, for the article
// each section, and for the questionnaire with and without the host's
// opt-in to its result band. A variant is rendered on its first request and then
// served from memory; the parameters are validated first, so a query string
// can only ever select one of these few dozen pages, never add one.
type embedVariants struct {
	sh    *shell
	mu    sync.Mutex
	pages map[string]*asset
}

func newEmbedVariants(sh *shell) *embedVariants {
	return &embedVariants{sh: sh, pages: map[string]*asset{}}
}

func (e *embedVariants) get(name string, p widget.Params) *asset {
	path := "/embed/" + name
	key := embedKey(path, p)
	e.mu.Lock()
	defer e.mu.Unlock()
	if a := e.pages[key]; a != nil {
		return a
	}
	body := prerender(ui.EmbedFor(name, p))
	a := htmlAsset(e.sh.page(path, variant{widget: name, params: p}, body, nil))
	e.pages[key] = a
	return a
}

func embedKey(path string, p widget.Params) string {
	return path + "|" + p.Theme + "|" + p.Section + "|" + strconv.FormatBool(p.AutoHeight) + "|" + strconv.FormatBool(p.ShareResult)
}

// embedFor picks the prerendered variant of an embed route for the
// request's query, or nil when p is not an embed route.
func (s *Server) embedFor(p string, r *http.Request) *asset {
	name, ok := strings.CutPrefix(p, "/embed/")
	if !ok || !widget.Valid(name) {
		return nil
	}
	params := widget.Parse(name, r.URL.Query(), ui.Content().Article.HasSection)
	return s.embeds.get(name, params)
}
