// Package ui holds the go-app components of the explainer: one file per
// component, the route table in routes.go. Components render the parsed
// content from package site; they run in the browser and, for the
// prerender, on the server, and must render the same tree in both.
//
// Everything a component reads comes from the *App it was made by: the
// content, the operator's configuration and, in the browser, the state of
// the prerendered page the app took over. The package keeps no state of its
// own, so two Apps (two servers in one test, say) never see each other's
// content.
package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/contract"
	"explainer/app/site"
)

// Config is what the operator sets at start-up.
type Config struct {
	// BookingURL is where "Book a Consultation" leads. Empty means the
	// call to action explains how to reach the practice and links nowhere.
	BookingURL string
	// BaseURL is the site's public URL when the operator set one; the
	// embed page's snippets use it.
	BaseURL string
	// Now is the clock the sign-off's next review date is checked
	// against; nil is the real one. Tests set it.
	Now func() time.Time
}

// now is the configured clock's time.
func (u *App) now() time.Time {
	if u.cfg.Now != nil {
		return u.cfg.Now()
	}
	return time.Now()
}

// App is the user interface of one site: its components and routes, built
// from one set of content and configuration.
type App struct {
	site *site.Site
	cfg  Config

	// In the browser only: what the prerendered page held when the app
	// started, and whether a page has mounted since (mount.go).
	pre     preMount
	started bool
}

// New returns the user interface for content s and configuration c.
func New(s *site.Site, c Config) *App {
	return &App{site: s, cfg: c, pre: preMount{checked: map[string]string{}}}
}

// Start hands the routes to go-app's router and, in the browser, records
// the prerendered page's state for the components to carry over. main
// calls it once, before app.RunWhenOnBrowser.
func (u *App) Start() {
	for _, r := range u.Routes() {
		app.Route(r.Path, r.New)
	}
	// Every other path gets the site's own 404 page (go-app's built-in one
	// loads a remote icon). It must be registered last.
	app.RouteWithRegexp("^/", u.NotFound)
	u.rememberPrerenderState()
}

// EnvBookingURL is the go-app environment key that carries the booking URL
// from the server's flags to the browser.
const EnvBookingURL = "EXPLAINER_BOOKING_URL"

// ConfigFromEnv reads the configuration the server passed to the browser.
// On the server it returns the zero Config; the server sets its own.
func ConfigFromEnv() Config {
	return Config{BookingURL: app.Getenv(EnvBookingURL)}
}

// needsApp marks a control that only works once the app runs. The server
// writes it disabled; in the browser web/boot.js makes it live, starts the
// app when the reader reaches for it, and carries the press over to the
// mounted page.
func needsApp[T interface{ Attr(string, any) T }](el T) T {
	return el.Attr(contract.AttrNeedsApp, "true")
}
