// Lets the browser itself follow links that must leave the app. go-app's
// router takes every anchor click on the page, so a tel: or sms: link, a
// link to another site, or one that opens a new tab is stopped here, in the
// capture phase, before it reaches the router. The default action still runs.
document.addEventListener("click", function (e) {
  var a = e.target && e.target.closest ? e.target.closest("a[href]") : null;
  if (!a) return;
  if (a.target === "_blank" || a.origin !== location.origin || !/^https?:$/.test(a.protocol)) {
    e.stopPropagation();
  }
}, true);

// Whether a service worker controlled this page when it loaded, before
// go-app's app.js registers one: the update banner uses it to tell a first
// install from a new version.
if (navigator.serviceWorker && navigator.serviceWorker.controller) {
  document.documentElement.setAttribute("data-had-worker", "");
}
