// Package browsertest holds the browser tests: they start the real server
// in-process and drive Debian's Chromium with chromedp. Locally they skip
// when no Chromium is found; under CI (CI=true) that is a failure.
package browsertest
