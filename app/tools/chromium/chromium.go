//go:build !js

// Package chromium finds Debian's Chromium and gives the options to launch
// it headless with chromedp, the same way for the browser tests and for the
// benchmark.
package chromium

import (
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// Find returns the first Chromium found among the given paths, $CHROME_PATH,
// Debian's /usr/bin/chromium and the PATH, or "" when there is none.
func Find(paths ...string) string {
	paths = append(paths, os.Getenv("CHROME_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
	for _, p := range paths {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// Options launches path headless with a fresh profile in userDataDir and a
// window of width×height. The network-related flags stop Chromium's own
// background connections, which a closed network refuses many at a time.
func Options(path, userDataDir string, width, height int) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(userDataDir),
		chromedp.WindowSize(width, height),
	}
}
