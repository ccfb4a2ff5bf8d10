//go:build !js

// Package server serves the explainer: prerendered pages from memory, the
// embedded assets, go-app's scripts, and the SEO files, with the headers and
// limits a public site needs; and it exports the same site as static files.
// None of it is linked into the WebAssembly.
package server

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
)

// Config is the server's configuration, from flags with environment
// fallbacks.
type Config struct {
	Addr       string // listen address, e.g. ":8000"
	BaseURL    string // public origin and path, e.g. "https://example.org"; canonical links and the sitemap use it
	BookingURL string // where "Book a Consultation" leads; empty for none

	// BasePath is the path the site lives under, e.g. "/explainer", or ""
	// at the root. It defaults to the base URL's path.
	BasePath string

	TLSCert, TLSKey string // serve HTTPS directly (HTTP/2 included) when both are set
	// HTTPS says readers reach the site over HTTPS (directly or through a
	// proxy), so responses carry Strict-Transport-Security.
	HTTPS bool
	// EmbedOrigins may frame the /embed/ routes; nil means any origin.
	EmbedOrigins []string
}

// ParseFlags reads the configuration from args, falling back to getenv for
// what the flags leave unset (PORT, BASE_URL, BOOKING_URL, BASE_PATH,
// EMBED_ORIGINS).
func ParseFlags(args []string, getenv func(string) string, out io.Writer) (Config, error) {
	fs := flag.NewFlagSet("explainer", flag.ContinueOnError)
	fs.SetOutput(out)
	c := addFlags(fs, getenv)
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	if fs.NArg() > 0 {
		return Config{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return c.finish()
}

// rawConfig holds the flag values before they are checked.
type rawConfig struct {
	Config
	embedOrigins string
	basePathSet  bool
}

func addFlags(fs *flag.FlagSet, getenv func(string) string) *rawConfig {
	c := &rawConfig{}
	addr := ":8000"
	if p := getenv("PORT"); p != "" {
		addr = ":" + p
	}
	fs.StringVar(&c.Addr, "addr", addr, "listen address (env PORT sets the port)")
	fs.StringVar(&c.BaseURL, "base-url", getenv("BASE_URL"), "public URL of the site, for canonical links, Open Graph and the sitemap (env BASE_URL)")
	fs.StringVar(&c.BookingURL, "booking-url", getenv("BOOKING_URL"), "URL of the practice's booking page (env BOOKING_URL); empty shows how to get in touch instead")
	fs.Func("base-path", "path the site is served under, e.g. /explainer/ (env BASE_PATH; default: the base URL's path)", func(v string) error {
		c.BasePath, c.basePathSet = v, true
		return nil
	})
	if v := getenv("BASE_PATH"); v != "" {
		c.BasePath, c.basePathSet = v, true
	}
	fs.StringVar(&c.TLSCert, "tls-cert", "", "TLS certificate file (PEM); with -tls-key the server speaks HTTPS and HTTP/2 itself")
	fs.StringVar(&c.TLSKey, "tls-key", "", "TLS private key file (PEM)")
	fs.BoolVar(&c.HTTPS, "https", false, "the site is reached over HTTPS (for example behind a TLS proxy): send Strict-Transport-Security (implied by -tls-cert)")
	fs.StringVar(&c.embedOrigins, "embed-origins", getenv("EMBED_ORIGINS"), `space-separated origins allowed to frame /embed/ pages, e.g. "https://a.example https://b.example" (env EMBED_ORIGINS; default: any origin)`)
	return c
}

func (c *rawConfig) finish() (Config, error) {
	var err error
	if c.BaseURL, err = checkURL("base-url", c.BaseURL); err != nil {
		return Config{}, err
	}
	if c.BookingURL, err = checkURL("booking-url", c.BookingURL); err != nil {
		return Config{}, err
	}
	if c.BasePath, err = basePath(c.BasePath, c.basePathSet, c.BaseURL); err != nil {
		return Config{}, err
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return Config{}, errors.New("-tls-cert and -tls-key go together")
	}
	if c.TLSCert != "" {
		c.HTTPS = true
	}
	if c.EmbedOrigins, err = parseOrigins(c.embedOrigins); err != nil {
		return Config{}, err
	}
	return c.Config, nil
}

// checkURL accepts an empty value or an absolute http(s) URL, and trims a
// trailing slash so paths can be appended.
func checkURL(name, v string) (string, error) {
	if v == "" {
		return "", nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errors.New("-" + name + " must be an absolute http:// or https:// URL, got " + fmt.Sprintf("%q", v))
	}
	if u.RawQuery != "" || u.Fragment != "" {
		if name == "base-url" {
			return "", fmt.Errorf("-%s must not have a query or fragment, got %q", name, v)
		}
	}
	return strings.TrimSuffix(v, "/"), nil
}

var pathSegment = regexp.MustCompile(`^[A-Za-z0-9._~-]+$`)

// basePath normalises a base path to "/a/b" (or "" for the root) and checks
// it agrees with the base URL's path.
func basePath(v string, set bool, baseURL string) (string, error) {
	var fromURL string
	if baseURL != "" {
		u, _ := url.Parse(baseURL)
		fromURL = strings.TrimSuffix(u.Path, "/")
	}
	if !set {
		v = fromURL
	}
	v = strings.Trim(v, "/")
	if v == "" {
		v = ""
	} else {
		for _, seg := range strings.Split(v, "/") {
			if !pathSegment.MatchString(seg) || seg == "." || seg == ".." {
				return "", fmt.Errorf("-base-path must be a plain path such as /explainer/, got %q", v)
			}
		}
		v = "/" + v
	}
	if set && baseURL != "" && v != fromURL {
		return "", fmt.Errorf("-base-path %q does not match the path of -base-url %q", v, baseURL)
	}
	return v, nil
}

// parseOrigins reads a space- (or comma-) separated list of origins such as
// "https://a.example https://b.example:8443". Empty or "*" means any.
func parseOrigins(v string) ([]string, error) {
	fields := strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' })
	if len(fields) == 0 || (len(fields) == 1 && fields[0] == "*") {
		return nil, nil
	}
	var out []string
	for _, f := range fields {
		u, err := url.Parse(f)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil ||
			(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(f, ";'\"") {
			return nil, fmt.Errorf("-embed-origins: %q is not an origin such as https://clinic.example", f)
		}
		out = append(out, u.Scheme+"://"+strings.ToLower(u.Host))
	}
	return out, nil
}
