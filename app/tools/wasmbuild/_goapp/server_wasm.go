//go:build wasm

package app

import "strings"

// This file stands in, in the browser build only, for go-app's http.go and
// resource.go, which serve pages and resources and so link net/http, TLS
// and X.509 into every client. The client needs two things from them: the
// Handler type, named by GenerateStaticWebsite's browser stub, and the
// resolver that turns "/web/..." into the URL of the static resources.

// Handler is the server's page handler; the browser never constructs one.
type Handler struct{}

// clientResourceResolver prefixes paths under web/ with the location of
// the static resources, as go-app's server-side resolvers do, and leaves
// absolute URLs and every other path alone.
func clientResourceResolver(resourcesLocation string) func(string) string {
	return func(location string) string {
		if !underWeb(location) {
			return location
		}
		return resourcesLocation + "/" + strings.TrimPrefix(strings.Trim(location, "/"), "web/")
	}
}

// underWeb reports whether location names the web directory or a path in it.
func underWeb(location string) bool {
	switch location {
	case "web", "/web":
		return true
	}
	return strings.HasPrefix(location, "web/") || strings.HasPrefix(location, "/web/")
}
