//go:build !js

package browsertest

import (
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

func sleep(ms int) chromedp.Action[chromedp.Void] {
	return chromedp.Sleep(time.Duration(ms) * time.Millisecond)
}

// clickJS clicks the first element matching selector through the DOM, as a
// mouse click would (the event bubbles to go-app's router).
func clickJS(selector string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el) throw new Error("no element " + %q); el.click(); })()`, selector, selector))
}

// reload reloads the page, as the reader's browser would.
func reload() chromedp.Action[chromedp.Void] { return chromedp.Reload() }
