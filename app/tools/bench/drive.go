//go:build !js

package main

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Trusted input: the bench taps like a reader, with mouse events the
// browser dispatches itself (Input.dispatchMouseEvent), so the page sees
// isTrusted events with pointerdown, focus and click in the real order,
// and the Event Timing API measures them.

// centre scrolls the element that expr (a JavaScript expression) names
// into view if it is not, and returns the centre of its box in viewport
// coordinates; ok is false when there is no such element or it has no box.
func centre(ctx context.Context, expr string) (x, y float64, ok bool, err error) {
	js := `(() => {
  const el = (` + expr + `);
  if (!el) return null;
  let r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  if (r.top < 0 || r.bottom > innerHeight) { el.scrollIntoView({block: "center"}); r = el.getBoundingClientRect(); }
  return [r.left + r.width / 2, r.top + r.height / 2];
})()`
	p, err := chromedp.Run(ctx, chromedp.Evaluate[*[2]float64](js))
	if err != nil || p == nil {
		return 0, 0, false, err
	}
	return p[0], p[1], true, nil
}

// centres finds, in one round trip, the centres of two elements: the
// first is scrolled into view if it is not; the second's centre is given
// only if it is in view then. A reader taps both without waiting for the
// page in between, so the bench finds both before either tap.
func centres(ctx context.Context, first, second string) (a, b *[2]float64, err error) {
	js := `(() => {
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect(); return r.width && r.height ? r : null; };
  const a = (` + first + `), b = (` + second + `);
  let ra = box(a);
  if (ra && (ra.top < 0 || ra.bottom > innerHeight)) { a.scrollIntoView({block: "center"}); ra = box(a); }
  const rb = box(b);
  const c = (r) => r ? [r.left + r.width / 2, r.top + r.height / 2] : null;
  return [c(ra), rb && rb.top >= 0 && rb.bottom <= innerHeight ? c(rb) : null];
})()`
	p, err := chromedp.Run(ctx, chromedp.Evaluate[[2]*[2]float64](js))
	if err != nil {
		return nil, nil, err
	}
	return p[0], p[1], nil
}

// tap presses and releases the mouse at the centre of the element expr
// names. It reports false when there was no element to tap.
func tap(ctx context.Context, expr string) (bool, error) {
	x, y, ok, err := centre(ctx, expr)
	if err != nil || !ok {
		return false, err
	}
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(x, y)); err != nil {
		return false, fmt.Errorf("tapping %s: %w", expr, err)
	}
	return true, nil
}

// navigate starts loading url and returns at once, without waiting for
// the load event as chromedp.Navigate does: the bench acts on the page
// while it loads.
func navigate(ctx context.Context, url string) error {
	res, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: url})
	if err == nil && res.ErrorText != "" {
		err = fmt.Errorf("navigating to %s: %s", url, res.ErrorText)
	}
	return err
}

// waitFor polls cond (a JavaScript expression) every 20 ms until it is
// true or the timeout passes.
func waitFor(ctx context.Context, cond string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!(`+cond+`)`))
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			if err != nil {
				return fmt.Errorf("waiting for %s: %w", cond, err)
			}
			return fmt.Errorf("%s still false after %s", cond, timeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// jitter is a small fixed-seed pseudo-random sequence (xorshift), so that
// every run drives the page at the same irregular moments.
type jitter uint32

// next returns a duration between lo and hi milliseconds.
func (j *jitter) next(lo, hi int) time.Duration {
	x := uint32(*j)
	x ^= x << 13
	x ^= x >> 17
	x ^= x << 5
	*j = jitter(x)
	return time.Duration(lo+int(x%uint32(hi-lo+1))) * time.Millisecond
}
