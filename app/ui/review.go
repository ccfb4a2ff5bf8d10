package ui

import (
	"explainer/app/site"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reviewed is the practice's sign-off of the site's texts, "Reviewed by …
// on …; next review …", or nil unless it is current: the texts are those
// signed and the next review date has not passed (site.Review).
func (u *App) reviewed() []app.UI {
	if u.site.Review(u.now()) != site.Current {
		return nil
	}
	a := u.site.Article
	return []app.UI{
		app.Text("Reviewed by " + a.ReviewedBy + " on "),
		app.Time().DateTime(a.LastReviewed).Text(a.LastReviewed),
		app.Text("; next review "),
		app.Time().DateTime(a.NextReview).Text(a.NextReview),
	}
}

// reviewLine is the sign-off in the footer of every page, or nil.
func (u *App) reviewLine() app.UI {
	r := u.reviewed()
	if r == nil {
		return nil
	}
	return app.P().Class("review-line").Body(r...)
}
