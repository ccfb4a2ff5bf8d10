// @ts-check
// Loaded by web/boot.js with go-app's scripts, before the app starts.
// Lets the browser itself follow links that must leave the app. go-app's
// router takes every anchor click on the page, so a tel: or sms: link, a
// link to another site, or one that opens a new tab is stopped here, in the
// capture phase, before it reaches the router. The default action still runs.
var base = document.documentElement.getAttribute("data-base") || "";
document.addEventListener("click", function (e) {
  var a = e.target instanceof Element ? /** @type {HTMLAnchorElement | null} */ (e.target.closest("a[href]")) : null;
  if (!a) return;
  // Under a base path (-base-path /explainer/), the app renders site links
  // as "/faq"; give them the prefix before go-app's router reads the href.
  var href = a.getAttribute("href") || "";
  if (base && href.charAt(0) === "/" && href.charAt(1) !== "/" && href !== base && href.indexOf(base + "/") !== 0) {
    a.setAttribute("href", base + href);
  }
  if (a.target === "_blank" || a.origin !== location.origin || !/^https?:$/.test(a.protocol)) {
    e.stopPropagation();
  }
}, true);
