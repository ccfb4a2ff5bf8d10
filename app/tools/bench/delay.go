//go:build !js

package main

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/chromedp/chromedp"
)

// Input delay during boot: on /faq and /fit, from first paint until 3 s
// after the app is up, the bench taps like a restless reader at irregular
// moments (300–700 ms apart, the same fixed-seed sequence every run). On
// /faq it opens and closes answers and, now and then until the app starts,
// presses in the search box, which starts it; on /fit it ticks answers and
// presses Next. The page's Event Timing entries give each input's delay
// (processingStart − startTime: how long it waited for the main thread);
// the longtask entries give the longest task after first paint.

// action is one tap the bench made, at a page time (ms since navigation).
type action struct {
	Label string  `json:"label"`
	At    float64 `json:"atMs"`
}

// delayRun is one visit's worst input delay and longest task.
type delayRun struct {
	WorstDelay   figure `json:"worstDelayMs"`
	WorstEvent   string `json:"worstEvent"`       // the event type and its target
	WorstAction  string `json:"worstAction"`      // the bench's tap it came from
	WorstFromRdy figure `json:"worstFromReadyMs"` // its start, relative to data-app=ready
	WorstBoot    string `json:"worstBoot"`        // data-boot then
	LongestTask  figure `json:"longestTaskMs"`
	Blocking     figure `json:"blockingMs"`
	Ready        figure `json:"readyMs"`
	Taps         int    `json:"taps"`
	Events       int    `json:"events"`
	Boot         string `json:"boot,omitempty"`
	// What the page recorded, to look into a run afterwards.
	EventEntries []eventEntry `json:"eventEntries,omitempty"`
	LongTasks    [][2]float64 `json:"longTasks,omitempty"` // start, duration
	Actions      []action     `json:"actions,omitempty"`
}

const delaySeed = 0x5eed15

// measureDelay drives one fresh visit of url (route /faq or /fit).
func measureDelay(ctx context.Context, chrome, url, route string, prof profile) (delayRun, error) {
	var r delayRun
	t, err := openTab(ctx, chrome, "drive", "", prof)
	if err != nil {
		return r, err
	}
	defer t.close()
	if err := navigate(t.ctx, url); err != nil {
		return r, err
	}
	if err := waitFor(t.ctx, `window.__bench && window.__bench.fcp !== null`, 2*time.Minute); err != nil {
		return r, err
	}
	// The page's clock against the bench's, to name the tap each input
	// came from (read while the page is idle: the round trip is short).
	t0 := time.Now()
	p0, err := chromedp.Run(t.ctx, chromedp.Evaluate[float64](`performance.now()`))
	if err != nil {
		return r, err
	}
	origin := t0.Add(time.Since(t0)/2 - time.Duration(p0*float64(time.Millisecond)))
	pageMs := func(at time.Time) float64 { return float64(at.Sub(origin)) / float64(time.Millisecond) }

	// Where to tap next is found right after each tap, and the tap itself
	// is sent on time whatever the page is doing: a tap that waited for
	// the page to be idle could not measure how long the page kept it
	// waiting.
	j := jitter(delaySeed)
	var actions []action
	deadline := time.Now().Add(2 * time.Minute)
	var readyAt time.Time
	for i := 0; ; i++ {
		state, err := chromedp.Run(t.ctx, chromedp.Evaluate[[]any](`[document.documentElement.getAttribute("data-app") === "ready", document.documentElement.getAttribute("data-boot") || "", document.documentElement.hasAttribute("data-intent")]`))
		if err != nil {
			return r, err
		}
		ready, _ := state[0].(bool)
		boot, _ := state[1].(string)
		started, _ := state[2].(bool)
		if boot == "failed" {
			return r, fmt.Errorf("data-boot=failed")
		}
		if ready && readyAt.IsZero() {
			readyAt = time.Now()
		}
		if !readyAt.IsZero() && time.Since(readyAt) > 3*time.Second {
			break
		}
		if time.Now().After(deadline) {
			return r, fmt.Errorf("the app was not up within 2 minutes of first paint")
		}
		label, expr := nextAction(route, i, started || ready, &j)
		x, y, ok, err := centre(t.ctx, expr)
		if err != nil {
			return r, err
		}
		time.Sleep(j.next(300, 700))
		if !ok {
			continue
		}
		at := time.Now()
		if err := chromedp.Do(t.ctx, chromedp.MouseClickXY(x, y)); err != nil {
			return r, fmt.Errorf("tapping %s: %w", label, err)
		}
		actions = append(actions, action{label, pageMs(at)})
	}
	js, err := pageFigures(t.ctx)
	if err != nil {
		return r, err
	}
	r.Ready, r.Taps, r.Events, r.Boot = figure(val(js.Ready)), len(actions), len(js.Events), js.lastBoot()
	r.EventEntries, r.LongTasks, r.Actions = js.Events, js.LongTasks, actions
	longest, total := blocking(js.LongTasks, val(js.FCP))
	r.LongestTask, r.Blocking = figure(longest), figure(total)
	r.WorstDelay, r.WorstFromRdy = nan(), nan()
	if e, d, ok := worstDelay(js.Events); ok {
		r.WorstDelay = figure(d)
		r.WorstEvent = e.Name + " on " + e.Target
		if e.Target == "" {
			r.WorstEvent = e.Name + " on a removed element"
		}
		r.WorstAction = actionBefore(actions, e.Start)
		r.WorstFromRdy = figure(e.Start - val(js.Ready))
		r.WorstBoot = js.bootAt(e.Start)
	}
	return r, nil
}

// nextAction picks the i-th tap on route: its label and the JavaScript
// expression of the element to tap.
func nextAction(route string, i int, started bool, j *jitter) (label, expr string) {
	if route == "/faq" {
		if !started && i%5 == 3 {
			return "search box", `document.getElementById("faq-search")`
		}
		k := (i / 2) % 6 // each answer opened, then closed
		return fmt.Sprintf("question %d", k+1), fmt.Sprintf(`document.querySelectorAll("details > summary")[%d]`, k)
	}
	if i%2 == 0 {
		k := int(j.next(0, 3) / time.Millisecond)
		return fmt.Sprintf("answer %d", k+1), fmt.Sprintf(`(() => { const rs = document.querySelectorAll('fieldset input[type="radio"]'); return rs[Math.min(%d, rs.length - 1)]; })()`, k)
	}
	return "Next", `document.getElementById("fit-next") || document.getElementById("fit-see-result")`
}

// worstDelay returns the input that waited longest for the main thread,
// and that wait. The entries of one input (pointerdown, mousedown,
// pointerup, click…) share its start time; its delay is until the first
// of them began processing, as Interaction to Next Paint counts it (a
// later one also waits for the handlers of those before it).
// Only the events of a tap or a key count: the pointerover and pointerout
// that moving the pointer to the next target makes are not the reader's
// interactions, as Interaction to Next Paint does not count them either.
func worstDelay(es []eventEntry) (worst eventEntry, delay float64, ok bool) {
	first := map[float64]eventEntry{} // start → the entry processed first
	var starts []float64
	for _, e := range es {
		if !interactionEvents[e.Name] {
			continue
		}
		f, seen := first[e.Start]
		if !seen {
			starts = append(starts, e.Start)
		}
		if !seen || e.ProcessingStart < f.ProcessingStart {
			first[e.Start] = e
		}
	}
	delay = math.NaN()
	for _, st := range starts {
		e := first[st]
		if d := e.ProcessingStart - e.Start; !ok || d > delay {
			worst, delay, ok = e, d, true
		}
	}
	return worst, delay, ok
}

// interactionEvents are the Event Timing entry names of taps and keys.
var interactionEvents = map[string]bool{
	"pointerdown": true, "pointerup": true, "mousedown": true, "mouseup": true, "click": true,
	"keydown": true, "keyup": true, "keypress": true,
}

// actionBefore names the last tap made at or before page time t (an
// input's start), allowing for the bench's clock being a little off the
// page's.
func actionBefore(as []action, t float64) string {
	label := ""
	for _, a := range as {
		if a.At <= t+20 {
			label = a.Label
		}
	}
	if label == "" {
		return "none of the bench's taps"
	}
	return label
}
