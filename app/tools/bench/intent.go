//go:build !js

package main

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/chromedp/chromedp"
)

// Intent → answer on /fit: the reader taps as soon as the page is painted
// (first contentful paint, the moment of intent): a tick on the first
// statement's first answer, then Next, with trusted taps (drive.go). The
// figure is the time from that first press of Next to the questionnaire
// answering it (its legend shows the second statement). Cold is a fresh
// profile; warm the same profile's next visit, with the service worker
// installed and controlling the page.
//
// The same procedure measures the comparison version (-before), where
// the figure that counts is from navigation to the first answered press,
// its time to interactive. A press is repeated, with the tick if it was lost, until
// the page answers, unless the page shows it has queued the press.

// intentVisit is one visit's taps and answer. Times are ms since
// navigation.
type intentVisit struct {
	FCP            figure   `json:"fcpMs"`
	FirstTap       figure   `json:"firstTapMs"`  // the first trusted tap (the tick)
	FirstNext      figure   `json:"firstNextMs"` // the first trusted press of Next
	Answered       figure   `json:"answeredMs"`  // the legend moved to the second statement
	IntentToAnswer figure   `json:"intentToAnswerMs"`
	Ready          figure   `json:"readyMs"`
	Presses        int      `json:"presses"`
	PressBoot      []string `json:"pressBoot"` // data-boot at each press ("none": before boot.js ran)
	Controlled     bool     `json:"controlled"`
	Boot           string   `json:"boot,omitempty"`
}

type intentRun struct {
	Cold intentVisit  `json:"cold"`
	Warm *intentVisit `json:"warm,omitempty"`
}

// pressQueued is true when boot.js has queued a press of Next until the
// app is up (it says so in the note under the button).
const pressQueued = `(() => {
  const n = document.getElementById("fit-note");
  const w = n && n.getAttribute("data-boot-wait-text");
  return !!w && n.textContent === w && document.documentElement.getAttribute("data-app") !== "ready";
})()`

const (
	firstRadio = `document.querySelector("#fit-legend") && document.querySelector('fieldset input[type="radio"]')`
	nextButton = `document.getElementById("fit-next")`
)

// measureIntent runs a cold and a warm visit of url in one fresh profile.
func measureIntent(ctx context.Context, chrome, url string, prof profile) (intentRun, error) {
	var r intentRun
	t, err := openTab(ctx, chrome, "drive", "", prof)
	if err != nil {
		return r, err
	}
	defer t.close()
	if r.Cold, err = answerFirstStatement(t.ctx, url); err != nil {
		return r, fmt.Errorf("cold: %w", err)
	}
	if err := prepareRepeat(t.ctx); err != nil {
		return r, fmt.Errorf("warm: %w", err)
	}
	w, err := answerFirstStatement(t.ctx, url)
	if err != nil {
		return r, fmt.Errorf("warm: %w", err)
	}
	r.Warm = &w
	return r, nil
}

// answerFirstStatement loads url, waits for first paint, and taps the
// first answer and Next until the questionnaire moves on.
func answerFirstStatement(ctx context.Context, url string) (intentVisit, error) {
	var v intentVisit
	if err := navigate(ctx, url); err != nil {
		return v, err
	}
	if err := waitFor(ctx, `window.__bench && window.__bench.fcp !== null`, 2*time.Minute); err != nil {
		return v, err
	}
	// At first paint: the tick and Next, one right after the other, sent
	// whatever the page is doing (a press that waited for an idle page
	// could not measure how long the page keeps the reader waiting).
	radio, next, err := centres(ctx, firstRadio, nextButton)
	if err != nil {
		return v, err
	}
	for _, p := range []*[2]float64{radio, next} {
		if p != nil {
			if err := chromedp.Do(ctx, chromedp.MouseClickXY(p[0], p[1])); err != nil {
				return v, err
			}
		}
	}
	// Then, until it answers: the tick again if it was lost, and Next again
	// unless the page has queued the press.
	answered := `window.__bench.answered !== null`
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if waitFor(ctx, answered+` || window.__bench.failed`, 500*time.Millisecond) == nil {
			failed, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__bench.failed && !(`+answered+`)`))
			if err != nil {
				return v, err
			}
			if failed {
				return v, fmt.Errorf("data-boot=failed")
			}
			break
		}
		if time.Now().After(deadline) {
			return v, fmt.Errorf("the questionnaire did not answer within 2 minutes of first paint")
		}
		checked, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const r = `+firstRadio+`; return !!r && r.checked; })()`))
		if err != nil {
			return v, err
		}
		if !checked {
			if _, err := tap(ctx, firstRadio); err != nil {
				return v, err
			}
		}
		queued, err := chromedp.Run(ctx, chromedp.Evaluate[bool](pressQueued))
		if err != nil {
			return v, err
		}
		if !queued {
			if _, err := tap(ctx, nextButton); err != nil {
				return v, err
			}
		}
	}
	js, err := pageFigures(ctx)
	if err != nil {
		return v, err
	}
	v.FCP, v.Answered, v.Ready, v.FirstTap = figure(val(js.FCP)), figure(val(js.Answered)), figure(val(js.Ready)), figure(val(js.FirstTap))
	v.Presses, v.PressBoot, v.Controlled, v.Boot = len(js.NextPresses), js.NextPressBoot, js.Controlled, js.lastBoot()
	v.FirstNext, v.IntentToAnswer = nan(), nan()
	if len(js.NextPresses) > 0 {
		v.FirstNext = figure(js.NextPresses[0])
		v.IntentToAnswer = figure(math.Max(0, float64(v.Answered)-js.NextPresses[0]))
	}
	return v, nil
}
