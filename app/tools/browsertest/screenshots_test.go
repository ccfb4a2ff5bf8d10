//go:build !js

package browsertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots writes what the reading aids look like, on a phone and a
// desktop, light and dark, into $SCREENSHOTS (skipped when unset):
//
//	make wasm && SCREENSHOTS=/tmp/shots go test -run TestScreenshots ./app/browsertest
func TestScreenshots(t *testing.T) {
	t.Parallel()
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("set SCREENSHOTS to a folder to take screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s := startSite(t)
	shots := []struct{ name, path, setup string }{
		{"article-in-short", "/#how-psychodynamic-therapy-differs-from-cbt", ""},
		{"article-term-open", "/#how-psychodynamic-therapy-differs-from-cbt", `document.querySelector('button.term[popovertarget="gd-thought-records"]').click()`},
		{"glossary", "/glossary#insight", ""},
		{"compare", "/", `document.querySelector(".compare").scrollIntoView()`},
		{"faq-compare", "/faq#vs-cbt", `document.querySelector("#vs-cbt .compare").scrollIntoView()`},
		{"fit", "/fit", ""},
	}
	for _, v := range []struct {
		name string
		w, h int
	}{{"phone", 412, 823}, {"phone320", 320, 640}, {"desktop", 1280, 900}} {
		b := newBrowser(t, v.w, v.h)
		for _, theme := range a11yThemes {
			b.media(map[string]string{"prefers-color-scheme": theme})
			for _, sh := range shots {
				b.open(s.URL + sh.path)
				b.waitApp()
				b.run(sleep(300))
				if sh.setup != "" {
					eval[any](b, `(() => { `+sh.setup+`; return true; })()`)
					b.run(sleep(200))
				}
				png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				name := filepath.Join(dir, sh.name+"-"+v.name+"-"+theme+".png")
				if err := os.WriteFile(name, png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
