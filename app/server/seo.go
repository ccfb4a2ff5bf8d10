//go:build !js

package server

import (
	"encoding/json"
	"strings"

	"explainer/app/ui"
)

// addSEO adds robots.txt, sitemap.xml and the web app manifest. They are
// built once from the configuration, never from a request, so a forged Host
// header cannot change what anyone else receives.
func (s *Server) addSEO() {
	robots := "User-agent: *\nAllow: /\n"
	if s.cfg.BaseURL != "" {
		robots += "Sitemap: " + s.cfg.BaseURL + "/sitemap.xml\n"
		s.files["/sitemap.xml"] = newAsset([]byte(s.sitemap(s.cfg.BaseURL)), "application/xml; charset=utf-8", cacheSEO)
	}
	s.files["/robots.txt"] = newAsset([]byte(robots), "text/plain; charset=utf-8", cacheSEO)
	s.files["/manifest.webmanifest"] = newAsset(manifest(s.prefix, s.site.Article.Description), "application/manifest+json", cacheRevalidate)
}

// sitemap lists every route; without a base URL there is none, since a
// sitemap needs absolute URLs and guessing the host from requests is unsafe.
func (s *Server) sitemap(base string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, r := range s.ui.Routes() {
		b.WriteString("  <url><loc>" + xmlEscape(base+r.Path) + "</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.String()
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;").Replace(s)
}

type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose,omitempty"`
}

// manifest is the web app manifest. go-app's own has no id and labels its
// icons with the wrong sizes, so the site serves this one. Every URL in it
// carries the base path. It has no screenshots: the richer install dialog
// they unlock needs real captures of the app at fixed sizes, kept in step
// with the design; the plain dialog is honest and enough.
func manifest(prefix, description string) []byte {
	root := prefix + "/"
	icons := []manifestIcon{
		{Src: prefix + ui.Icon192, Sizes: "192x192", Type: "image/png", Purpose: "any"},
		{Src: prefix + ui.Icon512, Sizes: "512x512", Type: "image/png", Purpose: "any"},
		{Src: prefix + ui.IconMaskable, Sizes: "512x512", Type: "image/png", Purpose: "maskable"},
		{Src: prefix + ui.IconSVG, Sizes: "any", Type: "image/svg+xml", Purpose: "any"},
	}
	m := map[string]any{
		"id":               root,
		"name":             ui.SiteName,
		"short_name":       ui.ShortName,
		"description":      description,
		"lang":             "en",
		"start_url":        root,
		"scope":            root,
		"display":          "standalone",
		"background_color": ui.BackgroundColor,
		"theme_color":      ui.ThemeColor,
		"categories":       []string{"health", "education", "medical"},
		"icons":            icons,
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	return b
}
