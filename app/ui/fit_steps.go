package ui

import (
	"explainer/app/contract"
	"fmt"
	"strconv"

	"explainer/app/fit"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Ids of the elements that receive focus when the step changes.
const (
	fitLegendID      = "fit-legend"
	fitReviewTitleID = "fit-review-title"
	fitResultTitleID = "fit-result-title"
)

func fitProgressText(i, n int) string { return fmt.Sprintf("Statement %d of %d", i+1, n) }

// renderStatement is step i: one statement as a fieldset of radio buttons.
// Each radio's name is the statement id and its value the answer number, so
// RememberPrerenderState records a tick made before the app started.
func (p *FitPage) renderStatement(i int) app.UI {
	d := p.ui.site.Fit
	n := len(d.Statements)
	s := d.Statements[i]
	a, answered := p.answers[s.ID]

	// The scale, then the "no answer" choices this statement offers
	// (fit.Statement.Choices): "Doesn't apply to me" only where the
	// statement presupposes a situation.
	choices := s.Choices()
	opts := make([]app.UI, 0, len(choices))
	for _, o := range choices {
		checked := answered && a == o
		v := strconv.Itoa(int(o))
		// web/boot.js stops the browser from restoring an old tick into
		// the prerendered page on reload, which would look like a new one.
		in := app.Input().Type("radio").ID("fit-" + s.ID + "-" + v).Name(s.ID).Value(v).
			Class("fit-radio").OnChange(p.choose)
		// The server writes the tick (never checked="false", which HTML
		// reads as checked). In the browser syncRadios sets it instead: a
		// re-render after every tick raced with quick arrow keys and could
		// undo the reader's choice, and go-app reuses the inputs from one
		// statement to the next.
		if checked && app.IsServer {
			in = in.Checked(true)
		}
		class := "fit-option"
		switch o {
		case fit.NotSure:
			class += " fit-option-not-sure"
		case fit.DoesNotApply:
			class += " fit-option-not-apply"
		}
		opts = append(opts, app.Label().Class(class).Body(
			in,
			app.Span().Class("fit-option-text").Text(d.Label(o)),
		))
	}

	// The intro's element stays on later steps, empty, so that go-app
	// updates the step's elements in place instead of replacing them.
	intro := app.Div().Class("fit-intro")
	if i == 0 {
		intro = p.ui.fitIntro(p.fitShareNotice(true))
	}

	next := app.Button().Type("button").ID("fit-next").Class("fit-next").OnClick(p.next)
	switch {
	case p.fromReview:
		next = next.Text("Back to my answers")
	case i == n-1:
		next = next.Text("Check my answers")
	default:
		next = next.Text("Next")
	}
	// The note keeps its place once the app runs, so nothing moves.
	const saved = "Your answers are saved in this tab as you go."
	noteEl := app.P().ID("fit-note").Class("fit-note").Text(saved)
	if !p.ready {
		// Before the app has started the button cannot work. Without
		// scripts it stays aria-disabled (still focusable) and says so;
		// boot.js makes it live, a press starting the app and being
		// carried over (needsApp).
		next = needsApp(next.Aria("disabled", "true").Aria("describedby", "fit-note")).Attr(contract.AttrBootNote, "fit-note")
		noteEl = app.P().ID("fit-note").Class("fit-note").Text("The questionnaire needs JavaScript to go on.").
			Attr(contract.AttrBootText, saved).
			Attr(contract.AttrBootLightText, "Light mode, to save data: the questionnaire loads when you start it.").
			Attr(contract.AttrBootWaitText, "Loading the questionnaire… Your answers are kept, and it goes on by itself.")
	}
	var back app.UI
	if i > 0 {
		back = app.Button().Type("button").Class("secondary fit-back").Text("Back").OnClick(p.back)
	}

	hint := d.Hint
	if s.NotApply {
		hint += " " + d.HintNotApply
	}
	statement := app.FieldSet().Class("fit-statement").Aria("describedby", "fit-hint").Body(
		app.Legend().ID(fitLegendID).Class("fit-legend").TabIndex(-1).Text(s.Text),
		app.P().ID("fit-hint").Class("fit-hint").Body(p.ui.cited(hint)...),
		app.Div().Class("fit-options").Body(opts...),
	)
	if !p.ready {
		// Go starts when the reader first touches the questionnaire, not
		// on arrival: reading the introduction costs no main-thread time,
		// and by then the wasm has usually been fetched and compiled. The
		// ticks themselves work natively and are carried over at mount.
		statement = needsApp(statement)
	}
	return app.Div().Class("fit-step").Body(
		intro,
		fitProgress(fitProgressText(i, n), i+1, n),
		statement,
		app.Div().Class("fit-nav").Body(back, next),
		noteEl,
		fitHowLink(i),
		p.ui.fitSafety(),
	)
}

// fitHowLink leads, on the first step, to "How this works"; on later
// steps it is an empty element, so go-app updates the step in place.
func fitHowLink(i int) app.UI {
	if i > 0 {
		return app.P().Class("fit-how-link")
	}
	return app.P().Class("fit-how-link").Body(app.A().Href("#how-this-works").Text("How this works, who it is for, and what it cannot tell you"))
}

// fitIntro opens the questionnaire, above the first statement.
// share is the notice that the host site learns the result band, or nil.
func (u *App) fitIntro(share app.UI) app.HTMLDiv {
	return app.Div().Class("fit-intro").Body(
		// One short paragraph and the privacy promise, said once, so that
		// the first statement and its first answers fit a phone's first
		// screen; "How this works" follows the statement (fitHowLink).
		app.P().Body(append(u.cited(u.site.Fit.Intro+" "),
			app.Strong().Class("fit-privacy").Text("Your answers stay on this device."),
		)...),
		share,
	)
}

// fitProgress is the "3 of 13" text and a bar showing the same.
func fitProgress(text string, value, max int) app.UI {
	return app.Div().ID("fit-progress").Class("fit-progress").Body(
		app.P().ID("fit-progress-text").Class("fit-progress-text").Text(text),
		app.Progress().Class("fit-progress-bar").Max(max).Value(value).Aria("labelledby", "fit-progress-text"),
	)
}

// renderReview lists every answer with a way to change it.
func (p *FitPage) renderReview() app.UI {
	d := p.ui.site.Fit
	n := len(d.Statements)
	items := make([]app.UI, 0, n)
	for i, s := range d.Statements {
		answer := "No answer yet (left out of your result)"
		if a, ok := p.answers[s.ID]; ok {
			answer = d.Label(a)
		}
		items = append(items, app.Li().Class("fit-review-item").Body(
			app.P().Class("fit-review-statement").Text(s.Text),
			app.P().Class("fit-review-answer").Body(
				app.Text("Your answer: "),
				app.Strong().Text(answer),
			),
			app.Button().Type("button").Class("secondary fit-change").Value(strconv.Itoa(i)).OnClick(p.change).Body(
				app.Text("Change"),
				app.Span().Class("visually-hidden").Text(fmt.Sprintf(" your answer to statement %d", i+1)),
			),
		))
	}
	return app.Div().Class("fit-step fit-review").Body(
		fitProgress("Last step: check your answers", n, n),
		app.H2().ID(fitReviewTitleID).TabIndex(-1).Text("Check your answers"),
		app.P().Text("You can change any answer. When you are ready, see your result."),
		app.Ol().Class("fit-review-list").Body(items...),
		p.fitShareNotice(true),
		app.Div().Class("fit-nav").Body(
			app.Button().Type("button").Class("secondary fit-back").Text("Back").OnClick(p.back),
			app.Button().Type("button").ID("fit-see-result").Class("fit-next").Text("See my result").OnClick(p.showResult),
		),
		app.Div().Class("fit-actions").Body(
			app.Button().Type("button").Class("secondary fit-start-over").Text("Start over").OnClick(p.startOver),
		),
		p.ui.fitSafety(),
	)
}

// choose records an answer as soon as it is ticked, so a reload keeps it.
// It reads the statement and answer from the radio itself: go-app keeps
// the first handler of an element that is updated in place, and tells
// handlers apart by their code only, so a closure over the statement would
// keep answering the first one.
func (p *FitPage) choose(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	id, v := src.Get("name").String(), src.Get("value").String()
	a, ok := fit.ParseAnswer(v)
	if p.ui.site.Fit.Statement(id) == nil || !ok {
		return
	}
	if p.answers == nil {
		p.answers = fit.Answers{}
	}
	p.answers[id] = a
	p.save()
	// A sync of the radios queued before this change (on mount or a step
	// change) may have run since the click; the stored answer wins.
	src.Set("checked", true)
	// The radio already shows the choice and nothing else on the step
	// depends on it; re-rendering now would only race with the next key.
	ctx.PreventUpdate()
}

// syncRadios ticks the current statement's radio for its stored answer and
// clears the others. It runs after each step change and after mount.
func (p *FitPage) syncRadios() {
	d := p.ui.site.Fit
	if p.step >= len(d.Statements) {
		return
	}
	s := d.Statements[p.step]
	a, answered := p.answers[s.ID]
	want := ""
	if answered {
		want = strconv.Itoa(int(a))
	}
	radios := app.Window().Get("document").Call("querySelectorAll", ".fit-options input")
	for i := 0; i < radios.Length(); i++ {
		r := radios.Index(i)
		r.Set("checked", r.Get("name").String() == s.ID && r.Get("value").String() == want)
	}
}

func (p *FitPage) next(ctx app.Context, e app.Event) {
	if !p.ready {
		return
	}
	n := len(p.ui.site.Fit.Statements)
	if p.fromReview || p.step >= n-1 {
		p.goTo(ctx, n)
		return
	}
	p.goTo(ctx, p.step+1)
}

func (p *FitPage) back(ctx app.Context, e app.Event) {
	if p.step > 0 {
		p.goTo(ctx, p.step-1)
	}
}

// change opens statement i (the button's value) from the review; Next
// then returns to the review.
func (p *FitPage) change(ctx app.Context, e app.Event) {
	i, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err != nil || i < 0 || i >= len(p.ui.site.Fit.Statements) {
		return
	}
	p.goTo(ctx, i)
	p.fromReview = true
}

func (p *FitPage) showResult(ctx app.Context, e app.Event) {
	p.goTo(ctx, len(p.ui.site.Fit.Statements)+1)
}

func (p *FitPage) toReview(ctx app.Context, e app.Event) {
	p.goTo(ctx, len(p.ui.site.Fit.Statements))
}

// startOver forgets everything, in storage too, and goes back to the start.
func (p *FitPage) startOver(ctx app.Context, e app.Event) {
	p.answers = fit.Answers{}
	p.goTo(ctx, 0)
	p.status = "Your answers were deleted. " + p.status
}

// goTo changes the step, saves it, and moves focus to the new step's
// statement or heading once it is rendered; the live region says where the
// reader is, for screen readers that do not read the focused legend aloud.
func (p *FitPage) goTo(ctx app.Context, step int) {
	d := p.ui.site.Fit
	n := len(d.Statements)
	p.step = step
	p.fromReview = false
	p.save()
	focus, top := fitLegendID, "fit-progress"
	switch {
	case step < n:
		p.status = fitProgressText(step, n)
	case step == n:
		p.status = "Check your answers"
		focus = fitReviewTitleID
	default:
		p.status = "Your result is ready"
		focus, top = fitResultTitleID, "fit-result"
	}
	p.page.Defer(func(app.Context) {
		p.syncRadios()
		focusStep(focus, top)
	})
}

// focusStep focuses the element id without the browser's own scrolling,
// then brings the top of the step into view, so the progress or the result
// heading is not left above the screen on a phone.
func focusStep(id, top string) {
	doc := app.Window().Get("document")
	if t := doc.Call("getElementById", top); t.Truthy() {
		y := t.Call("getBoundingClientRect").Get("top").Float()
		if y < 0 || y > app.Window().Get("innerHeight").Float()/2 {
			t.Call("scrollIntoView", map[string]any{"block": "start"})
		}
	}
	if el := doc.Call("getElementById", id); el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": true})
	}
}
