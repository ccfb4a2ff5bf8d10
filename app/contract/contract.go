// Package contract declares every name the page's scripts (web/*.js) and
// the Go program share: the data-* attributes one side writes and the other
// reads, the boot states, the storage keys, the globals and the messages.
// The scripts are plain JavaScript and cannot import it; contract_test.go
// reads them and checks that they use exactly these names, so a name
// renamed on one side fails a test rather than a reader's page.
package contract

// Attributes the server writes on <html> for the scripts.
const (
	AttrBase     = "data-base"      // the base path of the site, "" at the root; links.js
	AttrSaveData = "data-save-data" // the request said Save-Data: on
	AttrWidget   = "data-widget"    // the embed widget the page shows
	AttrTheme    = "data-theme"     // light or dark, when the embed asked for one
)

// Attributes on boot.js's own script element.
const (
	AttrScripts  = "data-scripts"   // the app's scripts, in the order they run
	AttrWasm     = "data-wasm"      // the wasm's URL
	AttrWasmSize = "data-wasm-size" // its decoded size, for the loading pill
)

// Attributes boot.js writes on <html>, read by CSS, the app, tests and the
// benchmark.
const (
	AttrBoot        = "data-boot"         // the boot state: State*
	AttrLight       = "data-light"        // Save-Data: nothing of the app is fetched until asked
	AttrIntent      = "data-intent"       // the reader asked for the app
	AttrHadWorker   = "data-had-worker"   // a service worker controlled the page when it loaded
	AttrOfflineKept = "data-offline-kept" // "Keep for offline use" finished
)

// AttrApp is written by the app on <html> once it has mounted: AppReady.
const (
	AttrApp  = "data-app"
	AppReady = "ready"
)

// Attributes on the prerendered controls.
const (
	// AttrNeedsApp marks a control that only works once the app runs: the
	// server writes it disabled, boot.js makes it live and a press on it
	// starts the app and is carried over.
	AttrNeedsApp = "data-needs-app"
	// AttrBootNote names the element that says how such a control works,
	// and the texts boot.js puts there: once boot.js runs, in light mode,
	// and while the reader waits for the app.
	AttrBootNote      = "data-boot-note"
	AttrBootText      = "data-boot-text"
	AttrBootLightText = "data-boot-light-text"
	AttrBootWaitText  = "data-boot-wait-text"
	// AttrKeepOffline marks the "Keep for offline use" button (light mode).
	AttrKeepOffline = "data-keep-offline"
	// AttrBanner names a banner's <template>, which boot.js shows before
	// the app runs: BannerUpdate or BannerInstall.
	AttrBanner = "data-banner"
	// AttrAction names what a button in a banner template does: Action*.
	AttrAction = "data-action"
)

// Banner templates and their buttons' actions.
const (
	BannerUpdate  = "update"
	BannerInstall = "install"

	ActionReload  = "reload"
	ActionInstall = "install"
	ActionDismiss = "dismiss"
)

// AttrBootOn, when the service worker writes it on the home page it
// answers an address with offline, is BootOnShell: boot.js then starts the
// app at once, and the app's router renders the page the address names.
const (
	AttrBootOn  = "data-boot-on"
	BootOnShell = "shell"
)

// Boot states (AttrBoot), in the order a page goes through them.
const (
	StateLight    = "light"    // Save-Data: nothing fetched until the reader asks
	StateIdle     = "idle"     // nothing fetched yet
	StateFetching = "fetching" // the wasm is being fetched and compiled in the background
	StateCompiled = "compiled" // compiled, Go not started
	StateStarting = "starting" // Go started, not yet mounted
	StateReady    = "ready"    // mounted
	StateFailed   = "failed"   // the app could not start
)

// Keys in localStorage that the scripts and the app both read.
const (
	KeyInShort          = "explainer.in-short"          // "shown" or "hidden"
	KeyInstallDismissed = "explainer.install-dismissed" // "true" after "Not now"
)

// Globals on the page's window.
const (
	// GlobalBoot is boot.js's handle: start() starts the app as an intent
	// would; the tests and the benchmark use it.
	GlobalBoot = "explainerBoot"
	// GlobalEarly is set by the page's inline script: it returns the
	// trusted clicks and input events made before boot.js ran.
	GlobalEarly = "explainerEarly"
	// GlobalEmbed is embed.js's handle on the host page: scan() looks for
	// placeholders added since.
	GlobalEmbed = "explainerEmbed"
)

// The embed widgets: the attributes of embed.js's placeholder on the host
// page, those the widget's page writes for embed-frame.js, and the messages
// it posts to the host.
const (
	AttrExplainerWidget = "data-explainer-widget" // the placeholder: which widget
	AttrExplainerReady  = "data-explainer-ready"  // embed.js has made its iframe
	AttrSection         = "data-section"          // one section of the article
	AttrTitle           = "data-title"            // the iframe's title
	AttrShareResult     = "data-share-result"     // "band": the host opted in to the result band
	AttrFitResult       = "data-fit-result"       // the questionnaire's result is shown
	AttrBand            = "data-band"             // its band, only when shared

	MessageSource    = "psychodynamic-explainer" // every message's source field
	MessageResize    = "resize"
	MessageReady     = "ready"
	MessageCompleted = "completed"
	// EventPrefix names the DOM events embed.js fires on the iframe, one
	// per message type except resize (EventPrefix + "ready").
	EventPrefix = "explainer:"
)
