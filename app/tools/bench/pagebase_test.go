//go:build !js

package main

import "testing"

func TestStripScripts(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"inline and external scripts", `<head><script src="/web/boot.js" defer></script><style>p{}</style></head><body><p>x</p><SCRIPT>var a = "<p>";</SCRIPT></body>`,
			`<head><style>p{}</style></head><body><p>x</p></body>`},
		{"JSON-LD over lines", "<p>a</p><script type=\"application/ld+json\">\n{\"@type\": \"FAQPage\"}\n</script>\n<p>b</p>", "<p>a</p>\n<p>b</p>"},
		{"preloads of code go, CSS and fonts stay",
			`<link rel="preload" href="/web/app.wasm" as="fetch" crossorigin><link rel="modulepreload" href="/m.js"><link rel=preload as=script href=/app.js><link rel="stylesheet" href="/web/app.css"><link rel="preload" href="/web/font.woff2" as="font">`,
			`<link rel="stylesheet" href="/web/app.css"><link rel="preload" href="/web/font.woff2" as="font">`},
		{"manifest and icons stay", `<link rel="manifest" href="/manifest.webmanifest"><link rel="icon" href="/web/icon.svg">`,
			`<link rel="manifest" href="/manifest.webmanifest"><link rel="icon" href="/web/icon.svg">`},
		{"nothing to strip", `<p>plain</p>`, `<p>plain</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripScripts(tt.in); got != tt.want {
				t.Errorf("stripScripts:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
