package ui

import (
	"explainer/app/contract"
	"strings"

	"explainer/app/fit"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderResult is the summary: the band in words, the reader's own answers
// behind it, what a consultation would explore, and the ways on. The print
// stylesheet (web/fit.css) prints the summary part only.
func (p *FitPage) renderResult() app.UI {
	d := p.ui.site.Fit
	r, err := d.Score(p.answers)
	if err != nil {
		// Answers are checked when stored and loaded, so this is a bug;
		// offer a clean start rather than a broken page.
		return app.Div().ID("fit-result").Class("fit-step fit-result").Body(
			app.H2().ID(fitResultTitleID).TabIndex(-1).Text("Something went wrong with your answers"),
			app.Button().Type("button").Class("fit-start-over").Text("Start over").OnClick(p.startOver),
		)
	}

	var tooFew app.UI
	if r.TooFew {
		tooFew = app.P().Class("fit-too-few").Body(p.ui.cited(d.TooFew)...)
	}
	var medication, medicationOnly app.UI
	if r.MedicationOnly {
		// No band text can speak for answers that say nothing of therapy,
		// so this is said plainly, next to the band.
		medicationOnly = app.P().Class("fit-medication-only").Body(p.ui.cited(d.MedicationOnly)...)
	} else if r.Medication && d.Medication != nil {
		medication = app.Section().Class("fit-summary-part fit-medication").Aria("labelledby", "fit-medication-title").Body(
			app.H3().ID("fit-medication-title").Text(d.Medication.Title),
			app.P().Class("fit-reason-text").Body(p.ui.cited(d.Medication.Text)...),
			p.ui.readMore(d.Medication.Section),
		)
	}
	source := "Printed from " + SiteName
	if p.origin != "" {
		source += ", " + p.origin + FitPath
	}

	// data-fit-result lets web/embed-frame.js tell an embedding page that
	// the reader finished. data-band, the band only and never the answers,
	// is there only when the host opted in (ShareResult) and the reader was
	// told so.
	res := app.Div().ID("fit-result").Class("fit-step fit-result").Attr(contract.AttrFitResult, "done")
	if p.sharing() {
		res = res.Attr(contract.AttrBand, r.Band.ID)
	}
	return res.Body(
		p.fitShareNotice(false),
		app.Section().Class("fit-summary").Aria("labelledby", fitResultTitleID).Body(
			p.ui.fitResultSafety(),
			app.P().Class("fit-kicker").Text("Your result"),
			app.H2().ID(fitResultTitleID).Class("fit-band").TabIndex(-1).Text(r.Band.Title),
			tooFew,
			app.P().Class("fit-band-text").Body(p.ui.cited(r.Band.Text)...),
			medicationOnly,
			p.ui.fitFirstOptions(r),
			p.ui.fitCareFirst(),
			p.ui.fitChart(p.answers),
			fitSaid("fit-said", "You said these are like you: ", r.Agreed),
			fitSaid("fit-said-not", "You said these are not much like you: ", r.NotAgreed),
			p.ui.readMore(r.Band.Section),
			p.ui.fitReasons(r),
			medication,
			app.Section().Class("fit-summary-part fit-questions").Aria("labelledby", "fit-questions-title").Body(
				app.H3().ID("fit-questions-title").Text("What a consultation would explore"),
				app.P().Text("A first consultation is a conversation, not a test. Dr. Kaiser will ask what brings you, "+
					"what you hope will change, your history, and what you have tried before. Together you can "+
					"decide what kind of care fits. These questions may help you start:"),
				app.Ol().Body(app.Range(r.Questions).Slice(func(i int) app.UI {
					return app.Li().Text(r.Questions[i])
				})),
			),
			fitDisclaimer(),
			app.P().Class("fit-print-only fit-source").Text(source),
		),
		p.ui.consultation(),
		app.Section().Class("fit-actions fit-result-actions").Aria("label", "What to do next").Body(
			app.P().Text("Print or save as PDF to bring to your consultation."),
			app.Div().Class("fit-buttons").Body(
				app.Button().Type("button").ID("fit-print").Text("Print or save as PDF").OnClick(fitPrint),
				app.Button().Type("button").Class("secondary").ID("fit-edit").Text("Change my answers").OnClick(p.toReview),
				app.Button().Type("button").Class("secondary fit-start-over").ID("fit-start-over").Text("Start over").OnClick(p.startOver),
			),
			app.P().Class("fit-start-over-note").Text("Start over deletes your answers from this browser."),
			app.P().Body(app.A().Href("#how-this-works").Text("How this works, and what it cannot tell you")),
		),
	)
}

// fitResultSafety leads every result, above the band: the questionnaire
// cannot judge risk and does not ask, so the way to urgent help comes first.
func (u *App) fitResultSafety() app.UI { return u.safetyLine("fit-result-safety") }

// fitSaid repeats the reader's own answers in one sentence, so the result
// describes only what they said: "You said these are like you: a; b."
func fitSaid(class, lead string, items []fit.Item) app.UI {
	if len(items) == 0 {
		return nil
	}
	phrases := make([]string, len(items))
	for i, it := range items {
		phrases[i] = it.Statement.Short
	}
	return app.P().Class(class).Text(lead + strings.Join(phrases, "; ") + ".")
}

// fitFirstOptions names, when the reader said their main goal is one
// specific problem, the well-tested first options for the problems the
// statement names. The first-care line below it links to the FAQ.
func (u *App) fitFirstOptions(r *fit.Result) app.UI {
	f := u.site.Fit.First
	if !r.First {
		return nil
	}
	return app.Section().Class("fit-summary-part fit-first").Aria("labelledby", "fit-first-title").Body(
		app.H3().ID("fit-first-title").Text(f.Title),
		app.P().Body(u.cited(f.Said+" "+f.Text)...),
	)
}

// fitCareFirst is on every result, whatever the band and whatever was
// answered: the questionnaire asks about no condition, so a reader with,
// say, PTSD symptoms answers like anyone else, and must still learn that
// another approach is usually tried first for it. It is plain text in the
// summary, never folded away, and prints with it.
func (u *App) fitCareFirst() app.UI {
	c, faq := u.site.Fit.CareFirst, u.site.Fit.First.FAQ
	return app.Div().Class("fit-care-first").Body(
		app.P().Class("fit-care-first-lead").Body(app.Strong().Text(c.Lead)),
		app.Ul().Body(app.Range(c.Items).Slice(func(i int) app.UI {
			return app.Li().Body(u.cited(c.Items[i])...)
		})),
		app.P().Class("fit-care-first-sources").Body(u.cited(c.Sources)...),
		// On a line of its own: beside the citation links it would be a
		// cramped target.
		app.P().Body(app.A().Href(FAQPath+"#"+faq).Text(c.LinkText)),
	)
}

// fitReasons lists the themes the reader agreed with, each with the
// reader's own answers and a link to the part of the article it rests on.
func (u *App) fitReasons(r *fit.Result) app.UI {
	d := u.site.Fit
	head := app.H3().ID("fit-reasons-title").Text("Why you see this result")
	if len(r.Reasons) == 0 {
		return app.Section().Class("fit-summary-part fit-reasons").Aria("labelledby", "fit-reasons-title").Body(
			head,
			app.P().Text("You did not say that any statement was much like you, so no theme stands out. "+
				"That is fine. A consultation is a good place to talk it through."),
		)
	}
	items := make([]app.UI, 0, len(r.Reasons))
	for _, rs := range r.Reasons {
		dir := "Points toward psychodynamic therapy"
		if rs.Away {
			dir = "Points toward a structured therapy, such as CBT"
		}
		answers := make([]app.UI, 0, len(rs.Items))
		for _, it := range rs.Items {
			answers = append(answers, app.Li().Body(
				app.Q().Text(it.Statement.Text),
				app.Text(" "),
				app.Span().Class("fit-your-answer").Text("You said: "+d.Label(it.Answer)),
			))
		}
		items = append(items, app.Li().Class("fit-reason").Body(
			app.H4().Text(rs.Theme.Title),
			app.P().Class("fit-direction").Text(dir),
			app.Ul().Class("fit-reason-answers").Aria("label", "Your answers").Body(answers...),
			app.P().Class("fit-reason-text").Body(u.cited(rs.Theme.Text)...),
			u.readMore(rs.Theme.Section),
		))
	}
	return app.Section().Class("fit-summary-part fit-reasons").Aria("labelledby", "fit-reasons-title").Body(
		head,
		app.P().Text("These are the answers that shaped your result, strongest first."),
		app.Ul().Class("fit-reason-list").Body(items...),
	)
}

// fitPrint opens the browser's print dialog, where "Save as PDF" is one of
// the printers.
func fitPrint(ctx app.Context, e app.Event) {
	app.Window().Call("print")
}

// fitHow is "How this works": what the questionnaire rests on, how answers
// are weighed and what it cannot do. The introduction and the result link
// to it.
func (u *App) fitHow() app.UI {
	d := u.site.Fit
	var secs []string
	seen := map[string]bool{}
	for _, h := range u.site.Article.Doc.Headings() {
		for _, t := range d.Themes {
			if t.Section == h.ID && !seen[h.ID] {
				seen[h.ID] = true
				secs = append(secs, h.ID)
			}
		}
	}
	return app.Section().ID("how-this-works").Class("fit-how").Aria("labelledby", "how-this-works-title").Body(
		app.H2().ID("how-this-works-title").Text("How this works"),
		app.H3().Text("What it is based on"),
		app.P().Text("The statements come from the themes of the article on this site. Each one links back to the part it rests on:"),
		app.Ul().Body(app.Range(secs).Slice(func(i int) app.UI {
			return app.Li().Body(app.A().Href(ArticlePath + "#" + secs[i]).Text(u.sectionTitle(secs[i])))
		})),
		app.H3().ID("fit-for-whom").Text("Who it is for"),
		app.P().Body(u.cited(d.ForWhom)...),
		app.H3().Text("How your answers are weighed"),
		app.P().Body(u.cited(d.How)...),
		app.H3().Text("What it cannot do"),
		app.P().Body(u.cited(d.Limits)...),
	)
}
