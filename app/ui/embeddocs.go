package ui

import (
	"explainer/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// EmbedDocs is the page for site owners who want to embed a widget: pick one
// and a theme, see it live, copy a snippet, read the message protocol.
type EmbedDocs struct {
	app.Compo
	ui     *App
	Widget string // one of widget.Names
	Theme  string // "auto", "light" or "dark"
	origin string // this site's origin, known in the browser
	copied string // which snippet was just copied, for the status line
}

var widgetLabels = map[string]string{
	widget.Article: "The article",
	widget.FAQ:     "The FAQ",
	widget.Fit:     "The fit questionnaire",
}

// OnMount learns the site's origin for the snippets.
func (d *EmbedDocs) OnMount(ctx app.Context) {
	d.ui.mounted(ctx)
	d.origin = app.Window().Get("location").Get("origin").String()
}

// OnNav keeps the document title right after in-app navigation.
func (d *EmbedDocs) OnNav(ctx app.Context) { d.ui.setMeta(ctx, EmbedDocsPath) }

func (d *EmbedDocs) widget() string {
	if widget.Valid(d.Widget) {
		return d.Widget
	}
	return widget.Fit
}

func (d *EmbedDocs) theme() string {
	switch d.Theme {
	case "light", "dark":
		return d.Theme
	}
	return "auto"
}

// siteOrigin is where the snippets point: the configured public URL, else
// the origin the page was loaded from.
func (d *EmbedDocs) siteOrigin() string {
	if d.ui.cfg.BaseURL != "" {
		return d.ui.cfg.BaseURL
	}
	if d.origin != "" {
		return d.origin
	}
	return "https://your-explainer-site.example"
}

func (d *EmbedDocs) scriptSnippet() string {
	return `<div data-explainer-widget="` + d.widget() + `" data-theme="` + d.theme() + `"></div>` + "\n" +
		`<script src="` + d.siteOrigin() + `/embed.js" async></script>`
}

func (d *EmbedDocs) iframeSnippet() string {
	src := d.siteOrigin() + embedPath(d.widget())
	if d.theme() != "auto" {
		src += "?theme=" + d.theme()
	}
	return `<iframe src="` + src + `" title="` + widgetLabels[d.widget()] + `" width="100%" height="720" loading="lazy" style="border:0"></iframe>`
}

// Render builds the page.
func (d *EmbedDocs) Render() app.UI {
	previewSrc := embedPath(d.widget())
	if d.theme() != "auto" {
		previewSrc += "?theme=" + d.theme()
	}
	return d.ui.page(EmbedDocsPath,
		app.Div().Class("prose embed-docs").Body(
			app.H1().Text("Embed this explainer on your site"),
			app.P().Text("Referring clinicians, directories and partner sites can show the article, the FAQ or the fit questionnaire on their own pages. The widget sizes itself and keeps the safety notes. Your page learns only the widget's height, that it is ready, and when a reader reaches the questionnaire's result; the result band only if you opt in below, and never the answers, which stay on the reader's device. The questionnaire tells the reader this."),
			d.picker(),
			app.H2().ID("preview").Text("Preview"),
			app.IFrame().Class("embed-preview").Src(previewSrc).Title("Preview: "+widgetLabels[d.widget()]),
			app.H2().ID("snippets").Text("Copy a snippet"),
			d.snippet("script", "With the script (recommended): sizes itself, no inner scrollbar", d.scriptSnippet()),
			d.snippet("iframe", "Plain iframe: no script, fixed height with its own scrolling", d.iframeSnippet()),
			app.P().Class("copy-status").Attr("role", "status").Text(d.copyStatus()),
			embedProtocol(),
		),
	)
}

func (d *EmbedDocs) copyStatus() string {
	if d.copied == "" {
		return ""
	}
	return "Copied the " + d.copied + " snippet."
}

func (d *EmbedDocs) picker() app.UI {
	return app.Form().Class("embed-picker").Body(
		app.FieldSet().Body(
			app.Legend().Text("Widget"),
			app.Range(widget.Names).Slice(func(i int) app.UI {
				n := widget.Names[i]
				in := app.Input().Type("radio").Name("widget").ID("widget-" + n).Value(n).OnChange(d.pick(n, ""))
				if n == d.widget() {
					in = in.Checked(true)
				}
				return app.Label().Class("choice").For("widget-"+n).Body(in, app.Text(" "+widgetLabels[n]))
			}),
		),
		app.FieldSet().Body(
			app.Legend().Text("Theme"),
			app.Range([]string{"auto", "light", "dark"}).Slice(func(i int) app.UI {
				th := []string{"auto", "light", "dark"}[i]
				in := app.Input().Type("radio").Name("theme").ID("theme-" + th).Value(th).OnChange(d.pick("", th))
				if th == d.theme() {
					in = in.Checked(true)
				}
				label := map[string]string{"auto": "Follow the reader's setting", "light": "Light", "dark": "Dark"}[th]
				return app.Label().Class("choice").For("theme-"+th).Body(in, app.Text(" "+label))
			}),
		),
	)
}

func (d *EmbedDocs) pick(w, th string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if w != "" {
			d.Widget = w
		}
		if th != "" {
			d.Theme = th
		}
		d.copied = ""
	}
}

func (d *EmbedDocs) snippet(id, title, code string) app.UI {
	return app.Div().Class("snippet").Body(
		app.H3().ID("snippet-"+id).Text(title),
		app.Pre().Body(app.Code().ID("code-"+id).Text(code)),
		app.Button().Type("button").Class("button-secondary").Aria("describedby", "snippet-"+id).
			OnClick(func(ctx app.Context, e app.Event) {
				if cb := app.Window().Get("navigator").Get("clipboard"); cb.Truthy() {
					cb.Call("writeText", code)
				}
				d.copied = id
			}).Text("Copy"),
	)
}

// embedProtocol documents the messages an embedded widget sends.
func embedProtocol() app.UI {
	row := func(cells ...string) app.UI {
		var tds []app.UI
		for _, c := range cells {
			tds = append(tds, app.Td().Body(app.Code().Text(c)))
		}
		return app.Tr().Body(tds...)
	}
	return app.Section().Aria("labelledby", "protocol").Body(
		app.H2().ID("protocol").Text("Messages your page receives"),
		app.P().Text("Each widget posts messages to its parent page with window.postMessage. The script applies resize messages for you and turns the others into DOM events on the iframe (explainer:ready, explainer:completed). If you write your own listener, check that event.origin is this site's origin and that event.source is your iframe's window."),
		app.Div().Class("table-wrap").Body(
			app.Table().Body(
				app.Caption().Text("Message shapes"),
				app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("type"), app.Th().Scope("col").Text("when"), app.Th().Scope("col").Text("example"))),
				app.TBody().Body(
					row("resize", "on load and whenever the content height changes", `{"source":"psychodynamic-explainer","type":"resize","widget":"fit","height":812}`),
					row("ready", "when the widget has loaded", `{"source":"psychodynamic-explainer","type":"ready","widget":"faq"}`),
					row("completed", "when a reader reaches the questionnaire's result; no result, unless you opt in (below)", `{"source":"psychodynamic-explainer","type":"completed","widget":"fit"}`),
					row("completed, opted in", "the same, with the result band only, never the answers", `{"source":"psychodynamic-explainer","type":"completed","widget":"fit","band":"may-suit"}`),
				),
			),
		),
		app.H3().ID("share-result").Text("Receiving the result band (opt-in)"),
		app.P().Text("By default your page learns only that a reader finished the questionnaire, not the result. If you need the result band, opt in: add data-share-result=\"band\" to the placeholder, or share=band to the iframe's URL. The widget then tells the reader, at the start of the questionnaire, on the last step before the result and above the result, that your site will be told the result band and never the answers. Other values are ignored. Ask for it only if you use it, and say so in your own privacy notice."),
		app.Pre().Body(app.Code().ID("code-share").Text(`<div data-explainer-widget="fit" data-share-result="band"></div>`)),
		app.P().Text("Query parameters (optional, others are ignored): theme=light, dark or auto; for the article, section=<section id> to show one section; for the questionnaire, share=band to receive the result band."),
	)
}
