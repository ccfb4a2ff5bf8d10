//go:build !js

package server

import (
	"net/http"
	"strings"
)

// headerSets are the security headers, built once: a full page may only be
// framed by the site itself; an embed route by the configured origins;
// /embed.js is loaded by other sites' pages.
type headerSets struct {
	page, embed, embedJS http.Header
	embedPaths           map[string]bool // the embed routes, from the route table
}

func newHeaderSets(cfg Config, styleHash, scriptHash string) headerSets {
	common := http.Header{
		"X-Content-Type-Options":     {"nosniff"},
		"Referrer-Policy":            {"strict-origin-when-cross-origin"},
		"Permissions-Policy":         {"camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=()"},
		"Cross-Origin-Opener-Policy": {"same-origin"},
	}
	if cfg.HTTPS {
		// Without includeSubDomains: the practice's other hosts are not ours
		// to commit to HTTPS.
		common["Strict-Transport-Security"] = []string{"max-age=31536000"}
	}
	with := func(kv ...string) http.Header {
		h := common.Clone()
		for i := 0; i+1 < len(kv); i += 2 {
			h[kv[i]] = []string{kv[i+1]}
		}
		return h
	}
	return headerSets{
		page: with("Content-Security-Policy", csp(styleHash, scriptHash, "'self'"),
			"X-Frame-Options", "SAMEORIGIN",
			"Cross-Origin-Resource-Policy", "same-origin"),
		embed: with("Content-Security-Policy", csp(styleHash, scriptHash, frameAncestors(cfg.EmbedOrigins)),
			"Cross-Origin-Resource-Policy", "cross-origin"),
		embedJS: with("Content-Security-Policy", csp(styleHash, scriptHash, "'none'"),
			"Cross-Origin-Resource-Policy", "cross-origin"),
		embedPaths: map[string]bool{},
	}
}

// frameAncestors is the embed routes' frame-ancestors source list.
func frameAncestors(origins []string) string {
	if len(origins) == 0 {
		return "*"
	}
	return "'self' " + strings.Join(origins, " ")
}

// set copies the headers for path p (below or including the base path)
// into h. Header maps are assigned directly: this runs on every request.
func (hs *headerSets) set(h http.Header, p, prefix string) {
	src := hs.page
	if rest, ok := strings.CutPrefix(p, prefix); ok {
		switch {
		case hs.embedPaths[rest]:
			src = hs.embed
		case rest == "/embed.js":
			src = hs.embedJS
		}
	}
	for k, v := range src {
		h[k] = v
	}
}

// csp is the Content-Security-Policy: scripts only from this origin plus
// WebAssembly compilation, the one inline script and the one inline
// stylesheet by their hashes, nothing from anywhere else.
func csp(styleHash, scriptHash, ancestors string) string {
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval' " + scriptHash,
		"style-src 'self' " + styleHash,
		"img-src 'self' data:",
		"connect-src 'self'",
		"worker-src 'self'",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors " + ancestors,
	}, "; ")
}
