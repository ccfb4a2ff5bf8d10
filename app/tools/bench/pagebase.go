//go:build !js

package main

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
)

// The second baseline: the app's own prerendered / with every script
// removed. It has the same markup, CSS, fonts and images as the app's page,
// so the difference between the two is what the scripts cost the first
// paint.

var (
	scriptElement = regexp.MustCompile(`(?is)<script\b[^>]*>.*?</script\s*>`)
	linkTag       = regexp.MustCompile(`(?is)<link\b[^>]*>`)
	attrRel       = regexp.MustCompile(`(?is)\brel\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	attrAs        = regexp.MustCompile(`(?is)\bas\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	attrHref      = regexp.MustCompile(`(?is)\bhref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
)

// stripScripts removes every <script> element, and every <link> that
// preloads a script or the wasm, from an HTML page; the rest stays as it
// was.
func stripScripts(page string) string {
	page = scriptElement.ReplaceAllString(page, "")
	return linkTag.ReplaceAllStringFunc(page, func(tag string) string {
		if preloadsCode(tag) {
			return ""
		}
		return tag
	})
}

// preloadsCode reports whether a <link> tag preloads a script or wasm.
func preloadsCode(tag string) bool {
	rel := strings.Fields(strings.ToLower(attrValue(attrRel, tag)))
	preload := false
	for _, r := range rel {
		if r == "preload" || r == "modulepreload" {
			preload = true
		}
	}
	if !preload {
		return false
	}
	if contains(rel, "modulepreload") {
		return true
	}
	as := strings.ToLower(attrValue(attrAs, tag))
	href := strings.ToLower(strings.SplitN(attrValue(attrHref, tag), "?", 2)[0])
	return as == "script" || as == "worker" || strings.HasSuffix(href, ".js") || strings.HasSuffix(href, ".wasm")
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func attrValue(re *regexp.Regexp, tag string) string {
	m := re.FindStringSubmatch(tag)
	if m == nil {
		return ""
	}
	return strings.Trim(m[1], `"'`)
}

// noScriptsPage fetches / from the app server, once, and strips it.
func noScriptsPage(appURL string) ([]byte, error) {
	resp, err := http.Get(appURL + "/")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET / answered %s", resp.Status)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return []byte(stripScripts(string(b))), nil
}

// noScriptsHandler answers / with the stripped page, compressed like the
// static baseline, and proxies every other request to the app server, so
// the page's own CSS, fonts and images come as they do for the app.
func noScriptsHandler(page []byte, app http.Handler) http.Handler {
	home := baselineHandler(page)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			home.ServeHTTP(w, r)
			return
		}
		app.ServeHTTP(w, r)
	})
}
