package ui

import (
	"explainer/app/contract"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// statusBanners holds the site-wide notices (offline, update available,
// install). None can show before the app runs, so the prerendered page has
// only an empty container, and the first paint no fixed-position region to
// style and lay out. The app adds the live region, empty, when it mounts,
// before it has anything to announce.
func statusBanners() app.UI { return &StatusBanners{} }

// StatusBanners shows, at the bottom of every page, small polite notices:
// that the device is offline and everything still works; that a new version
// is ready (go-app's update hook) with a Reload button; and, only when the
// browser says the app can be installed, an Install button, or on Safari a
// hint to use Add to Home Screen.
type StatusBanners struct {
	app.Compo

	offline     bool
	update      bool
	installable bool
	apple       bool
	dismissed   bool // the reader said "Not now" to installing
	mounted     bool
	release     []func()
}

// installDismissedKey remembers "Not now" on this device only; boot.js
// reads it too, before the app runs.
const installDismissedKey = contract.KeyInstallDismissed

// OnMount reads the current state and listens for the device going offline
// and online again.
func (b *StatusBanners) OnMount(ctx app.Context) {
	b.update = ctx.AppUpdateAvailable() && hadWorker()
	b.installable = ctx.IsAppInstallable()
	b.apple = ctx.IsAppleBrowser()
	var dismissed bool
	ctx.LocalStorage().Get(installDismissedKey, &dismissed)
	b.dismissed = dismissed
	win := app.Window()
	b.offline = !win.Get("navigator").Get("onLine").Bool()
	b.mounted = true
	b.room()
	for _, ev := range []string{"online", "offline"} {
		offline := ev == "offline"
		fn := app.FuncOf(func(app.Value, []app.Value) any {
			ctx.Dispatch(func(app.Context) { b.offline = offline; b.room() })
			return nil
		})
		win.Call("addEventListener", ev, fn)
		b.release = append(b.release, func() { win.Call("removeEventListener", ev, fn); fn.Release() })
	}
}

// OnDismount stops listening.
func (b *StatusBanners) OnDismount() {
	for _, r := range b.release {
		r()
	}
	b.release = nil
}

// OnAppUpdate is go-app's signal that a new version has been installed by
// the service worker and is ready on reload.
func (b *StatusBanners) OnAppUpdate(ctx app.Context) {
	ctx.Dispatch(func(ctx app.Context) { b.update = ctx.AppUpdateAvailable() && hadWorker(); b.room() })
}

// room keeps space at the bottom of the page while a notice floats there,
// so that it never covers the last line or a focused control (WCAG 2.4.11):
// a class on <html> that banners.css reads. A :has() rule on html and body
// would do the same without code, but costs style work on every change to
// the page.
func (b *StatusBanners) room() {
	root := app.Window().Get("document").Get("documentElement")
	root.Get("classList").Call("toggle", "has-banner", b.update || b.offline)
}

// hadWorker reports whether a service worker already controlled this page
// when it loaded (web/boot.js records it before go-app registers the
// worker). go-app announces an update whenever a worker activates while one
// controls the page, and on a first visit the new worker claims the page as
// it activates: that is an install, not a new version, so no banner.
func hadWorker() bool {
	return app.Window().Get("document").Get("documentElement").Call("hasAttribute", contract.AttrHadWorker).Bool()
}

// OnAppInstallChange follows the browser's installability.
func (b *StatusBanners) OnAppInstallChange(ctx app.Context) {
	ctx.Dispatch(func(ctx app.Context) { b.installable = ctx.IsAppInstallable() })
}

// Render builds the notices. Offline and update notices float at the
// bottom of the screen (the page keeps room for them, so they never cover a
// focused control); the install offer sits in the page's flow after the
// footer, where it appearing after mount moves nothing the reader sees.
func (b *StatusBanners) Render() app.UI {
	if !b.mounted {
		return app.Div().Class("banners")
	}
	return app.Div().Class("banners").Body(
		app.Div().Class("status-banners").Aria("live", "polite").Body(
			app.If(b.update, func() app.UI { return updateBanner(b.reload) }),
			app.If(b.offline, func() app.UI {
				return app.Section().Class("banner banner-offline").Aria("label", "Offline").Body(
					app.P().Text("You are offline. Everything here still works: the article, the FAQ and the self-reflection."),
				)
			}),
		),
		app.If(b.installable && !b.dismissed && !b.update, func() app.UI {
			return installOffer(b.apple, b.install, b.dismiss)
		}),
	)
}

// The update banner and the install offer are also shown by web/boot.js
// before the app runs, from templates the server writes with these same
// functions (BannerTemplates), so their wording lives here only. A button's
// data-action tells boot.js what it does; the handlers are nil there.

// updateBanner says a new version is ready, with a Reload button.
func updateBanner(reload app.EventHandler) app.UI {
	return app.Section().Class("banner banner-update").Aria("label", "Update").Body(
		app.P().Text("A new version is available."),
		bannerButton("banner-action", "Reload", contract.ActionReload, reload),
	)
}

// installOffer offers to install the guide; on Safari, which has no
// install prompt to show, it says where the command is.
func installOffer(apple bool, install, dismiss app.EventHandler) app.UI {
	notNow := bannerButton("banner-dismiss secondary", "Not now", contract.ActionDismiss, dismiss)
	body := []app.UI{
		app.P().Text("Keep this guide as an app: it opens from your home screen and works offline."),
		bannerButton("banner-action", "Install app", contract.ActionInstall, install),
		notNow,
	}
	if apple {
		body = []app.UI{
			app.P().Text("To keep this guide on your home screen, tap Share, then “Add to Home Screen”. It works offline."),
			notNow,
		}
	}
	// A labelled section is a landmark: no content of the page sits
	// outside one (axe's region rule).
	return app.Section().Class("install-offer").Aria("label", "Install this guide").Body(body...)
}

func bannerButton(class, text, action string, h app.EventHandler) app.HTMLButton {
	return app.Button().Type("button").Class(class).Attr(contract.AttrAction, action).Text(text).OnClick(h)
}

func (b *StatusBanners) reload(ctx app.Context, e app.Event) { ctx.Reload() }

func (b *StatusBanners) install(ctx app.Context, e app.Event) {
	ctx.ShowAppInstallPrompt()
	b.installable = false
}

func (b *StatusBanners) dismiss(ctx app.Context, e app.Event) {
	b.dismissed = true
	ctx.LocalStorage().Set(installDismissedKey, true)
}
