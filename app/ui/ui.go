// Package ui holds the go-app components of the explainer: one file per
// component, the routes in routes.go. Components render the parsed content
// from package site; they run in the browser and, for the prerender, on the
// server, and must render the same tree in both.
package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

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
}

var (
	content *site.Site
	config  Config
)

// Init gives the components the content and configuration. Call it once,
// before registering routes or rendering.
func Init(s *site.Site, c Config) {
	content = s
	config = c
}

// SiteName is the short name shown in the header and the install prompt.
const SiteName = "Psychodynamic Therapy, Explained"

// EnvBookingURL is the go-app environment key that carries the booking URL
// from the server's flags to the browser.
const EnvBookingURL = "EXPLAINER_BOOKING_URL"

// ConfigFromEnv reads the configuration the server passed to the browser.
// On the server it returns the zero Config; the server sets its own.
func ConfigFromEnv() Config {
	return Config{BookingURL: app.Getenv(EnvBookingURL)}
}

// Content returns the content given to Init.
func Content() *site.Site { return content }
