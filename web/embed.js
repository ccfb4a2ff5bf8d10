// @ts-check
/* Psychodynamic Therapy, Explained: embed script for host pages.
 *
 *   <div data-explainer-widget="fit" data-theme="auto"></div>
 *   <script src="https://EXPLAINER-SITE/embed.js" async></script>
 *
 * Turns each placeholder (and each <iframe data-explainer-widget> already on
 * the page) into an iframe that sizes itself to its content. Widgets:
 * article (data-section="<id>" for one section), faq, fit. Themes: light,
 * dark, auto. Resize messages are applied only when they come from this
 * script's own origin and from that iframe's window. Each iframe also fires
 * DOM events a host may listen to: "explainer:ready" and
 * "explainer:completed" (a reader reached the questionnaire's result). By
 * default no result is shared. A host that wants the result band adds
 * data-share-result="band" to the fit placeholder: the widget then tells the
 * reader, before the result, that this site learns the band (never the
 * answers), and detail.band carries it.
 */
(function () {
  "use strict";
  var script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var SOURCE = "psychodynamic-explainer";
  var TITLES = {
    article: "What is psychodynamic therapy? (article)",
    faq: "Psychodynamic therapy: frequently asked questions",
    fit: "Is psychodynamic therapy right for me? (private self-reflection)"
  };
  var MIN = { article: 480, faq: 420, fit: 560 };
  var frames = [];

  function param(value, allowed) {
    return allowed.test(value || "") ? value : "";
  }

  function setup(el) {
    if (el.getAttribute("data-explainer-ready")) return;
    var widget = el.getAttribute("data-explainer-widget");
    if (!TITLES.hasOwnProperty(widget)) return;
    var url = new URL("/embed/" + widget, origin);
    var theme = param(el.getAttribute("data-theme"), /^(light|dark|auto)$/);
    var section = param(el.getAttribute("data-section"), /^[a-z0-9-]{1,80}$/);
    if (theme) url.searchParams.set("theme", theme);
    if (section && widget === "article") url.searchParams.set("section", section);
    var share = el.getAttribute("data-share-result");
    if (widget === "fit" && (share === "" || share === "band")) url.searchParams.set("share", "band");
    url.searchParams.set("autoheight", "1");
    var frame = el;
    if (el.tagName !== "IFRAME") {
      frame = document.createElement("iframe");
      el.appendChild(frame);
    }
    frame.src = url.href;
    frame.title = el.getAttribute("data-title") || TITLES[widget];
    frame.loading = "lazy";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.display = "block";
    frame.style.minHeight = MIN[widget] + "px";
    frame.style.height = MIN[widget] + "px";
    el.setAttribute("data-explainer-ready", "1");
    frames.push(frame);
  }

  function scan() {
    var els = document.querySelectorAll("[data-explainer-widget]");
    for (var i = 0; i < els.length; i++) setup(els[i]);
  }

  window.addEventListener("message", function (e) {
    if (e.origin !== origin) return;
    var d = e.data;
    if (!d || d.source !== SOURCE || typeof d.type !== "string") return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow !== e.source) continue;
      if (d.type === "resize" && typeof d.height === "number" && isFinite(d.height)) {
        var h = Math.max(100, Math.min(20000, Math.ceil(d.height)));
        f.style.minHeight = "0";
        f.style.height = h + "px";
      } else if (d.type === "ready" || d.type === "completed") {
        var detail = { widget: d.widget };
        if (d.type === "completed" && typeof d.band === "string") detail.band = d.band;
        f.dispatchEvent(new CustomEvent("explainer:" + d.type, { bubbles: true, detail: detail }));
      }
      return;
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
  window.explainerEmbed = { scan: scan };
})();
