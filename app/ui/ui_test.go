package ui

import (
	"sync"
	"testing"

	"explainer/app/site"
	contentfs "explainer/content"
)

var (
	realSiteOnce sync.Once
	realSite     *site.Site
	realSiteErr  error
)

// testApp is a user interface over the real content, parsed once per test
// binary (the content is read-only; each App is new).
func testApp(t *testing.T) *App {
	t.Helper()
	realSiteOnce.Do(func() { realSite, realSiteErr = site.Load(contentfs.FS, LinkTargets(), nil) })
	if realSiteErr != nil {
		t.Fatal(realSiteErr)
	}
	return New(realSite, Config{})
}
