// @ts-check
/* Runs inside an embedded widget (/embed/...). Tells the host page the
 * content height whenever it changes, and the events a host may want:
 * "ready", and "completed" when a reader reaches the questionnaire's result
 * (the fit widget marks it with data-fit-result). "completed" carries no
 * result unless the host opted in with share=band on the widget's URL
 * (data-share-result="band" on embed.js's placeholder): then, and only when
 * the app has also marked the result with data-band after telling the
 * reader, it carries the band. Never the answers. Plain JavaScript, so an
 * embed sizes itself from the prerendered HTML, before the app has loaded.
 *
 * Message shape: {source: "psychodynamic-explainer", type: "resize" |
 * "ready" | "completed", widget: "article" | "faq" | "fit", height?, band?}
 */
(function () {
  "use strict";
  if (window.parent === window) return;
  var root = document.documentElement;
  var widget = root.getAttribute("data-widget") || "";
  var params = new URLSearchParams(location.search);
  var theme = params.get("theme");
  if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  if (params.get("autoheight") === "1") root.classList.add("autoheight");
  var shareBand = widget === "fit" && params.get("share") === "band";

  // A link that leaves the widget (to the full site or elsewhere) opens in
  // a new tab rather than replacing the widget inside the host's page.
  document.addEventListener("click", function (e) {
    var a = e.target instanceof Element ? /** @type {HTMLAnchorElement | null} */ (e.target.closest("a[href]")) : null;
    if (!a || (a.getAttribute("href") || "").charAt(0) === "#") return;
    if (/^(tel|sms|mailto):$/.test(a.protocol)) return;
    if (a.origin !== location.origin || a.pathname.indexOf("/embed/") < 0) {
      a.target = "_blank";
      a.rel = "noopener";
    }
  }, true);

  function send(msg) {
    msg.source = "psychodynamic-explainer";
    msg.widget = widget;
    window.parent.postMessage(msg, "*");
  }

  // Height is that of the content, never of the viewport, so a resize of the
  // iframe cannot feed back into a new height: no loops.
  // ResizeObserver already reports once per rendered frame, after layout.
  var last = -1;
  function measure() {
    var h = Math.ceil(document.body.getBoundingClientRect().height);
    if (h !== last) {
      last = h;
      send({ type: "resize", height: h });
    }
  }
  if (window.ResizeObserver) new ResizeObserver(measure).observe(document.body);
  window.addEventListener("load", measure);
  measure();
  send({ type: "ready" });

  // One "completed" per arrival at the result (again after "Change my
  // answers"), and again if the shared band changes.
  var lastResult = "";
  function checkResult() {
    var el = document.querySelector("[data-fit-result]");
    var band = el && shareBand ? el.getAttribute("data-band") || "" : "";
    var now = el ? "done:" + band : "";
    if (now && now !== lastResult) {
      var msg = { type: "completed" };
      if (band) msg.band = band;
      send(msg);
    }
    lastResult = now;
  }
  new MutationObserver(checkResult).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-band", "data-fit-result"] });
})();
