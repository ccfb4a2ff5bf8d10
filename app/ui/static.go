package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// A static block is content with no behaviour of its own: the article's
// text, an FAQ answer. The server prerenders it marked with a key. When the
// app starts in the browser, go-app rebuilds the page node by node (several
// calls from WebAssembly into JavaScript per element), and for these blocks
// that work only rebuilds what the page already shows. So the app takes
// each block's HTML from the prerendered page (App.Start) and
// mounts it as one go-app Raw node: one innerHTML per block, the same DOM.
// Links inside still go through go-app's router, which listens on the
// window. Go-app's Raw keeps only the first root element in the browser;
// a block's outerHTML has exactly one.
const staticAttr = "data-static"

// staticBlock is build(), marked with key, or in the browser the block the
// prerendered page had under that key. A key names its content (the same
// key always holds the same HTML), so the block can be reused by any page
// that shows it, on every render.
func (u *App) staticBlock(key string, build func() app.HTMLDiv) app.UI {
	if html, ok := u.pre.static[key]; ok {
		return app.Raw(html)
	}
	return build().Attr(staticAttr, key)
}
