package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// safetyLine is the site's one safety line (content/safety.md): the footer
// of every page, every step of the questionnaire, the top of every result,
// every embedded widget and the top of the FAQ's crisis answer all show
// this one component, so the wording and the numbers change in one place.
// class adds the place's own styling.
func (u *App) safetyLine(class string) app.UI {
	c := "crisis"
	if class != "" {
		c += " " + class
	}
	return app.P().Class(c).Body(u.site.Safety.Line.Inline()...)
}
