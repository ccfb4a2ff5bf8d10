// Lets the browser itself follow links that must leave the app. go-app's
// router takes every anchor click on the page, so a tel: or sms: link, a
// link to another site, or one that opens a new tab is stopped here, in the
// capture phase, before it reaches the router. The default action still runs.
var base = document.documentElement.getAttribute("data-base") || "";
document.addEventListener("click", function (e) {
  var a = e.target && e.target.closest ? e.target.closest("a[href]") : null;
  if (!a) return;
  // Under a base path (-base-path /explainer/), the app renders site links
  // as "/faq"; give them the prefix before go-app's router reads the href.
  var href = a.getAttribute("href");
  if (base && href.charAt(0) === "/" && href.charAt(1) !== "/" && href !== base && href.indexOf(base + "/") !== 0) {
    a.setAttribute("href", base + href);
  }
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

// The questionnaire's radio buttons start as the server wrote them. A
// browser that restores form state on reload (Firefox) would otherwise tick
// an old answer into the prerendered page, which the app would then take
// for a new one; autocomplete="off", which says the same, is not allowed on
// radio buttons.
document.querySelectorAll('input[type="radio"]').forEach(function (r) {
  r.checked = r.defaultChecked;
});

// Reading aids (issue 17). The "In short" switch works by CSS alone; here
// the choice is remembered on the device (the app reads the same key after
// it starts). Each glossary definition opens as a sheet on the side of the
// screen away from its term, so it never covers the line being read.
(function () {
  var key = "explainer.in-short";
  function storage() { try { return window.localStorage; } catch (e) { return null; } }
  var box = document.getElementById("in-short-toggle");
  var s = storage();
  if (box && s && s.getItem(key) === "hidden") box.checked = false;
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "in-short-toggle" && storage()) {
      try { storage().setItem(key, e.target.checked ? "shown" : "hidden"); } catch (err) {}
    }
  }, true);
  document.addEventListener("beforetoggle", function (e) {
    var p = e.target;
    if (!p || !p.classList || !p.classList.contains("term-def") || e.newState !== "open") return;
    var term = document.querySelector('button.term[popovertarget="' + p.id + '"]');
    var low = term && term.getBoundingClientRect().top > window.innerHeight / 2;
    p.classList.toggle("term-def-top", !!low);
  }, true);
})();
