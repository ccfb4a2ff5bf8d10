package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// statusBanners holds the site-wide notices (offline, update available,
// install). It renders nothing until the app knows something to say.
func statusBanners() app.UI {
	return nil
}
