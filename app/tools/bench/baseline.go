//go:build !js

package main

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"explainer/app/markdown"

	"github.com/yuin/goldmark"
)

// baselinePage is the physical limit for reading: the same article rendered
// by goldmark into one static HTML page with the site's CSS inline, and
// nothing else: no script, no image, no other request.
func baselinePage(root string) ([]byte, error) {
	src, err := os.ReadFile(filepath.Join(root, "content", "article.md"))
	if err != nil {
		return nil, err
	}
	meta, body, err := markdown.SplitFrontMatter("content/article.md", src, nil)
	if err != nil {
		return nil, err
	}
	css, err := os.ReadFile(filepath.Join(root, "web", "app.css"))
	if err != nil {
		return nil, err
	}
	var article bytes.Buffer
	if err := goldmark.New().Convert(body, &article); err != nil {
		return nil, err
	}
	title := ""
	if meta != nil {
		title = meta.Get("title")
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<style>%s</style>
</head>
<body>
<main id="main" class="page"><article class="article prose">
%s</article></main>
</body>
</html>
`, html.EscapeString(title), css, article.Bytes())
	return b.Bytes(), nil
}

// firstParagraph returns the start of the article's first paragraph: the
// benchmark waits for the element that starts with it to be visible and on
// top, on the baseline and on the app alike.
func firstParagraph(root string) (string, error) {
	src, err := os.ReadFile(filepath.Join(root, "content", "article.md"))
	if err != nil {
		return "", err
	}
	_, body, err := markdown.SplitFrontMatter("content/article.md", src, nil)
	if err != nil {
		return "", err
	}
	for _, block := range strings.Split(string(body), "\n\n") {
		block = strings.TrimSpace(block)
		if block == "" || strings.HasPrefix(block, "#") || strings.HasPrefix(block, "-") || strings.HasPrefix(block, ">") {
			continue
		}
		words := strings.Fields(block)
		if len(words) > 8 {
			words = words[:8]
		}
		return strings.Join(words, " "), nil
	}
	return "", fmt.Errorf("content/article.md has no paragraph")
}

// baselineHandler serves page at /, compressed as the client accepts:
// brotli (quality 11), else gzip -9, both computed once.
func baselineHandler(page []byte) http.Handler {
	br, gz := brotliBytes(page), gzipBytes(page)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		h.Set("Vary", "Accept-Encoding")
		body := page
		switch ae := r.Header.Get("Accept-Encoding"); {
		case acceptsEncoding(ae, "br"):
			h.Set("Content-Encoding", "br")
			body = br
		case acceptsEncoding(ae, "gzip"):
			h.Set("Content-Encoding", "gzip")
			body = gz
		}
		h.Set("Content-Length", fmt.Sprint(len(body)))
		w.Write(body)
	})
}

// acceptsEncoding reports whether an Accept-Encoding header lists enc with
// a q value other than 0.
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return params != "q=0" && params != "q=0.0" && params != "q=0.00" && params != "q=0.000"
	}
	return false
}
