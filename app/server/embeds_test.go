//go:build !js

package server

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func TestEmbedQueryParametersAreValidatedNeverEchoed(t *testing.T) {
	srv := newTestServer(t)
	for _, tc := range []struct {
		target   string
		has, not []string
	}{
		{"/embed/article", []string{`<html lang="en" data-widget="article">`, "embed-frame.js", "How Psychodynamic Therapy Differs from CBT"}, []string{`class="site-header"`}},
		{"/embed/article?theme=dark", []string{`data-theme="dark"`}, nil},
		{"/embed/faq?theme=light&autoheight=1", []string{`<html lang="en" data-widget="faq" data-theme="light" class="autoheight">`}, nil},
		{"/embed/fit?theme=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", []string{`<html lang="en" data-widget="fit">`}, []string{"alert(1)"}},
		{"/embed/fit?theme=dark;color:red", []string{`<html lang="en" data-widget="fit">`}, []string{"color:red"}},
		{"/embed/article?section=what-a-typical-session-looks-like", []string{`id="what-a-typical-session-looks-like"`, "45 to 50 minutes"}, []string{"How Psychodynamic Therapy Differs from CBT"}},
		{"/embed/article?section=%3Cimg%20src=x%3E", []string{"How Psychodynamic Therapy Differs from CBT"}, []string{"<img src=x", "&lt;img"}},
		{"/embed/faq?section=taking-the-next-step", []string{`data-widget="faq"`}, []string{`id="taking-the-next-step"`}},
	} {
		w := do(srv, "GET", tc.target)
		body := w.Body.String()
		if w.Code != 200 {
			t.Errorf("%s: status %d", tc.target, w.Code)
		}
		for _, h := range tc.has {
			if !strings.Contains(body, h) {
				t.Errorf("%s lacks %s", tc.target, h)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(body, n) {
				t.Errorf("%s contains %s", tc.target, n)
			}
		}
	}
}

func TestEmbedFramingFollowsTheAllowlist(t *testing.T) {
	open := newTestServer(t)
	if csp := do(open, "GET", "/embed/fit").Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors *") {
		t.Errorf("embed CSP without an allowlist = %q, want frame-ancestors *", csp)
	}
	for _, p := range []string{"/", "/faq", "/fit", "/embed"} {
		if csp := do(open, "GET", p).Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'self'") {
			t.Errorf("%s CSP = %q, want frame-ancestors 'self'", p, csp)
		}
	}
	limited := newTestServer(t, "-embed-origins", "https://clinic.example https://directory.example")
	csp := do(limited, "GET", "/embed/faq?theme=dark").Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'self' https://clinic.example https://directory.example") {
		t.Errorf("embed CSP with an allowlist = %q", csp)
	}
}

func TestEmbedScriptIsSmallAndServedAtTheRoot(t *testing.T) {
	w := do(newTestServer(t), "GET", "/embed.js")
	if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Type"), "javascript") {
		t.Fatalf("GET /embed.js: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
	var z bytes.Buffer
	g, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	g.Write(w.Body.Bytes())
	g.Close()
	t.Logf("/embed.js: %d bytes, %d gzipped", w.Body.Len(), z.Len())
	if z.Len() > 2048 {
		t.Errorf("/embed.js is %d bytes gzipped, want under 2 KB", z.Len())
	}
}
