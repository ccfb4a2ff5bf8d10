// Package server serves the explainer: prerendered pages from memory, the
// embedded assets, go-app's scripts, and the SEO files, with the headers and
// limits a public site needs. None of it is linked into the WebAssembly.
package server

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// Config is the server's configuration, from flags with environment
// fallbacks.
type Config struct {
	Addr       string // listen address, e.g. ":8000"
	BaseURL    string // public origin and path, e.g. "https://example.org"; canonical links and the sitemap use it
	BookingURL string // where "Book a Consultation" leads; empty for none
}

// ParseFlags reads the configuration from args, falling back to getenv for
// what the flags leave unset (PORT, BASE_URL, BOOKING_URL).
func ParseFlags(args []string, getenv func(string) string, out io.Writer) (Config, error) {
	var c Config
	fs := flag.NewFlagSet("explainer", flag.ContinueOnError)
	fs.SetOutput(out)
	addr := ":8000"
	if p := getenv("PORT"); p != "" {
		addr = ":" + p
	}
	fs.StringVar(&c.Addr, "addr", addr, "listen address (env PORT sets the port)")
	fs.StringVar(&c.BaseURL, "base-url", getenv("BASE_URL"), "public URL of the site, for canonical links, Open Graph and the sitemap (env BASE_URL)")
	fs.StringVar(&c.BookingURL, "booking-url", getenv("BOOKING_URL"), "URL of the practice's booking page (env BOOKING_URL); empty shows how to get in touch instead")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	var err error
	if c.BaseURL, err = checkURL("base-url", c.BaseURL); err != nil {
		return c, err
	}
	if c.BookingURL, err = checkURL("booking-url", c.BookingURL); err != nil {
		return c, err
	}
	return c, nil
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
