// @ts-check
// Boot on intent. The page the server wrote is complete for reading, so the
// Go program starts only when the reader reaches for a control marked
// data-needs-app (the FAQ's search and buttons, the questionnaire), or on
// a page the service worker answered for another address
// (data-boot-on="shell"). Until then, after the load event, the wasm is
// fetched at low priority and compiled off the main thread
// (compile-worker.js) and the service worker stores the site for offline
// use. With Save-Data (the header, which the server marks on <html>,
// navigator.connection.saveData, or a 2g connection) nothing of the app is
// fetched until the reader asks or keeps the site for offline use.
//
// The page names no script: anything it names is fetched alongside it on
// a slow link and run before its first paint. Its small inline script
// (app/server/page.go) loads this one after the load event, or at once on
// an intent; this one loads web/links.js and go-app's wasm_exec.js and
// app.js the same way.
//
// Nothing the reader does before the app is up is lost. Ticks, opened
// answers and typed text are the browser's own, and the app reads them from
// the page when it mounts (app/ui/mount.go); a press on a button that needs
// the app is kept here and pressed again once it has mounted. The inline
// script keeps the clicks and input events made before this script
// arrived, which count as if made now.
//
// Every data-* name, state, key and global here is declared in
// app/contract, and a test checks this file against it.
(function () {
  "use strict";
  var html = document.documentElement;
  var script = /** @type {HTMLScriptElement} */ (document.currentScript);
  var wasmURL = new URL(script.getAttribute("data-wasm") || "", location.href).href;
  var wasmSize = parseInt(script.getAttribute("data-wasm-size") || "", 10) || 0;
  var appScripts = (script.getAttribute("data-scripts") || "").split(" ").filter(Boolean);
  var early = typeof window.explainerEarly === "function" ? window.explainerEarly() : [];

  var state = "";
  /** @param {string} s */
  function setState(s) {
    state = s;
    html.setAttribute("data-boot", s);
  }

  // Whether a service worker controlled this page when it loaded, before
  // app.js registers one: the update banner tells a first install from a
  // new version by it (app/ui/banners.go).
  var controlled = !!(navigator.serviceWorker && navigator.serviceWorker.controller);
  if (controlled) {
    html.setAttribute("data-had-worker", "");
  }

  // Crawlers and ?wasm=false get the page as written: go-app's rule
  // (goappCanLoadWebAssembly in app.js), checked before app.js is loaded.
  var canRun = typeof WebAssembly === "object" &&
    !/bot|googlebot|crawler|spider|robot|crawling/i.test(navigator.userAgent) &&
    new URLSearchParams(location.search).get("wasm") !== "false";

  // A browser that restores form state on reload or Back (Firefox) would
  // tick an old answer into the prerendered questionnaire, which the app
  // would take for a new one (autocomplete="off" is not allowed on radio
  // buttons). A radio the reader ticked is theirs: only the others go back
  // to what the server wrote.
  var touched = new Set(early.filter(function (e) { return e.type === "input"; }).map(function (e) { return e.target; }));
  document.querySelectorAll('input[type="radio"]').forEach(function (el) {
    var r = /** @type {HTMLInputElement} */ (el);
    if (!touched.has(r)) {
      r.checked = r.defaultChecked;
    }
  });

  /** @param {() => void} f */
  function quietly(f) { try { f(); } catch (e) { /* storage refused: nothing to keep */ } }
  /** @param {string} key */
  function stored(key) { var v = null; quietly(function () { v = localStorage.getItem(key); }); return v; }
  /** @param {string} key @param {string} v */
  function store(key, v) { quietly(function () { localStorage.setItem(key, v); }); }

  // The "In short" switch works by CSS alone; the choice is remembered on
  // the device (the app reads the same key once it runs), also when made
  // before this script arrived. (Glossary definitions are placed by the
  // inline script: they open before this one is there.)
  var inShort = /** @type {HTMLInputElement | null} */ (document.getElementById("in-short-toggle"));
  /** @param {HTMLInputElement} t */
  function keepInShort(t) { store("explainer.in-short", t.checked ? "shown" : "hidden"); }
  if (inShort && touched.has(inShort)) {
    keepInShort(inShort);
  } else if (inShort && stored("explainer.in-short") === "hidden") {
    inShort.checked = false;
  }
  document.addEventListener("change", function (e) {
    var t = /** @type {HTMLInputElement} */ (e.target);
    if (t && t.id === "in-short-toggle") keepInShort(t);
  }, true);

  // ---------------------------------------------------------------------
  // Scripts, the wasm, Go.

  /** @type {Map<string, Promise<void>>} */
  var loading = new Map();
  /** loadScript runs src once; scripts run in the order they were asked for.
   * @param {string} src */
  function loadScript(src) {
    var p = loading.get(src);
    if (!p) {
      p = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src;
        s.async = false;
        s.onload = function () { resolve(); };
        s.onerror = function () { loading.delete(src); reject(new Error("could not load " + src)); };
        document.body.appendChild(s);
      });
      loading.set(src, p);
    }
    return p;
  }

  var appReady = false; // app.js has run
  /** @type {Array<() => void>} */
  var onAppLoaded = [];
  function loadApp() {
    return Promise.all(appScripts.map(loadScript)).then(function () {
      if (appScripts.length === 0 || typeof Go !== "function" || typeof goappInitServiceWorker !== "function") {
        throw new Error("the app's scripts did not define Go and go-app");
      }
      if (!appReady) {
        appReady = true;
        onAppLoaded.splice(0).forEach(function (f) { f(); });
      }
    });
  }
  /** whenApp runs f once app.js has run: now if it has.
   * @param {() => void} f */
  function whenApp(f) {
    if (appReady) f(); else onAppLoaded.push(f);
  }

  var progress = document.getElementById("app-wasm-loader-label");
  var compileWorker = new URL("compile-worker.js", script.src).href;

  // The wasm is fetched and compiled in a dedicated worker, which posts
  // back the module, so the page's main thread stays free for the reader.
  // A browser that cannot make the worker or pass a module back runs the
  // same script on the page.
  /** @param {CompileRequest} req @returns {Promise<WebAssembly.Module>} */
  function compileInWorker(req) {
    return new Promise(function (resolve, reject) {
      var w = new Worker(compileWorker);
      w.onmessage = function (e) {
        var d = e.data;
        if (d.loaded !== undefined) {
          if (progress && wasmSize > 0) {
            progress.textContent = Math.min(100, Math.round(d.loaded * 100 / wasmSize)) + "%";
          }
          return;
        }
        w.terminate();
        if (d.module instanceof WebAssembly.Module) resolve(d.module);
        else reject(new Error(d.error || "no module from the compile worker"));
      };
      w.onerror = function (e) {
        e.preventDefault();
        w.terminate();
        reject(new Error("the compile worker failed: " + (e.message || "unknown")));
      };
      w.postMessage(req);
    });
  }

  /** @type {Promise<WebAssembly.Module> | null} */
  var compiled = null;
  /** @param {"high" | "low"} priority */
  function compile(priority) {
    if (!compiled) {
      if (state !== "starting") setState("fetching");
      // When the reader is already waiting, the worker counts the bytes
      // for the loading pill.
      var req = { url: wasmURL, priority: priority, count: state === "starting" };
      compiled = (typeof Worker === "function" ? compileInWorker(req) : Promise.reject(new Error("no Worker")))
        .catch(function (err) {
          console.warn("compiling the app on the page:", err.message);
          return loadScript(compileWorker).then(function () { return explainerCompile(req, function () {}); });
        });
      compiled.then(function () {
        if (state === "fetching") setState("compiled");
      }, function () {
        compiled = null; // a later intent tries again
      });
    }
    return compiled;
  }

  /** @type {Promise<void> | null} */
  var started = null; // resolves when the app has mounted
  /** @type {() => void} */
  var readyResolve = function () {};
  /** @type {Promise<void>} */
  var ready = new Promise(function (resolve) { readyResolve = resolve; });

  function start() {
    if (!canRun) return Promise.reject(new Error("the app cannot run in this browser"));
    if (started) return started;
    html.setAttribute("data-intent", "");
    setState("starting");
    var scripts = loadApp();
    started = Promise.all([compile("high"), scripts]).then(function (r) {
      var go = new Go();
      return WebAssembly.instantiate(r[0], go.importObject).then(function (instance) {
        go.run(instance);
        return ready;
      });
    });
    started.catch(function (err) {
      setState("failed");
      started = null;
      if (progress) progress.textContent = "could not load: " + err.message;
      console.error("starting the app failed:", err);
    });
    return started;
  }

  // The app marks the page data-app="ready" once it has mounted.
  new MutationObserver(function () {
    if (html.getAttribute("data-app") === "ready" && state !== "ready") {
      setState("ready");
      replay();
      readyResolve();
    }
  }).observe(html, { attributes: true, attributeFilter: ["data-app"] });

  // registerWorker stores the whole site for offline use (go-app's
  // function, with its update check). Once is enough.
  var registered = false;
  function registerWorker() {
    if (registered || !("serviceWorker" in navigator)) return;
    registered = true;
    loadApp().then(function () { goappInitServiceWorker(); }, function (err) {
      registered = false;
      console.error("registering the service worker failed:", err);
    });
  }

  window.explainerBoot = {
    start: start,
    keepOffline: registerWorker,
    get state() { return state; }
  };

  // ---------------------------------------------------------------------
  // Presses before the app is up.

  // keyOf names an element so that its counterpart can be found in the
  // page the app mounts: the nearest ancestor with an id, then the child
  // indexes down from it. The app renders the same tree the server did.
  /** @param {Element | null} el @returns {{id: string, path: number[]} | null} */
  function keyOf(el) {
    var path = [];
    var top = document.body.firstElementChild;
    while (el && el !== top && !el.id) {
      var i = 0;
      for (var s = el.previousElementSibling; s; s = s.previousElementSibling) i++;
      path.unshift(i);
      el = el.parentElement;
    }
    return el ? { id: el === top ? "" : el.id, path: path } : null;
  }
  /** @param {{id: string, path: number[]}} key */
  function find(key) {
    var el = key.id ? document.getElementById(key.id) : document.body.firstElementChild;
    for (var i = 0; el && i < key.path.length; i++) el = el.children[key.path[i]];
    return /** @type {HTMLElement | null} */ (el || null);
  }

  /** @type {Array<{id: string, path: number[]}>} */
  var presses = [];
  var written = document.body.firstElementChild; // the server's markup, which the app replaces
  var shell = html.getAttribute("data-boot-on") === "shell"; // the app will show another page than this one

  /** needsApp returns the control marked data-needs-app that t is in, if any.
   * @param {EventTarget | null} t */
  function needsApp(t) {
    var el = t instanceof Element ? t.closest("[data-needs-app]") : null;
    return /** @type {HTMLElement | null} */ (el);
  }

  /** A press on a live button that needs the app starts it and is kept,
   * to be pressed again once it has mounted.
   * @param {Event} e */
  function onClick(e) {
    var el = needsApp(e.target);
    if (!el || !e.isTrusted || !canRun || state === "ready" || !written || !written.contains(el) ||
      !el.matches("button") || /** @type {HTMLButtonElement} */ (el).disabled) {
      return;
    }
    var key = keyOf(el);
    if (key && !shell) presses.push(key);
    start();
    // Acknowledge the press where the control says how it works.
    var note = document.getElementById(el.getAttribute("data-boot-note") || "");
    var text = note && note.getAttribute("data-boot-wait-text");
    if (note && text) note.textContent = text;
  }
  document.addEventListener("click", onClick, true);

  // Reaching for a control that needs the app starts it: a finger down,
  // focus, a key or input on it.
  /** @param {Event} e */
  function intent(e) {
    if (canRun && !started && needsApp(e.target)) start();
  }
  ["pointerdown", "keydown", "focusin", "input"].forEach(function (type) {
    document.addEventListener(type, intent, true);
  });

  // The app replaces the server's markup in one go, and puts nothing in
  // focus: the control the reader was in gets it back in the same turn,
  // before a further key can be lost.
  var active = document.activeElement;
  var focusedId = written && active && written.contains(active) ? active.id : "";
  document.addEventListener("focusin", function (e) {
    if (written && e.target instanceof Element && written.contains(e.target)) focusedId = e.target.id;
  }, true);
  new MutationObserver(function () {
    if (written && !written.isConnected && focusedId) {
      var el = document.getElementById(focusedId);
      if (el && (!document.activeElement || document.activeElement === document.body)) el.focus({ preventScroll: true });
      focusedId = "";
    }
  }).observe(document.body, { childList: true });

  // replay presses again, in order, each button the reader pressed before
  // the app was up, one task apart so the app has handled one before the
  // next arrives.
  function replay() {
    var keys = presses.splice(0);
    (function next(i) {
      if (i >= keys.length) return;
      var now = find(keys[i]);
      if (now) now.click();
      setTimeout(function () { next(i + 1); }, 50);
    })(0);
  }

  // ---------------------------------------------------------------------
  // Before the app: the update banner and the install offer, whose wording
  // and markup the server wrote as templates (app/ui/banners.go); the app
  // shows its own once it runs.

  var banners = document.querySelector(".banners");

  /** banner adds a copy of the banner template name to parent, its buttons
   * doing actions[their data-action].
   * @param {string} name @param {Element} parent @param {Record<string, () => void>} actions */
  function banner(name, parent, actions) {
    var t = /** @type {HTMLTemplateElement | null} */ (document.querySelector('template[data-banner="' + name + '"]'));
    var el = t && t.content.firstElementChild && /** @type {HTMLElement} */ (t.content.firstElementChild.cloneNode(true));
    if (!el) return null;
    el.querySelectorAll("[data-action]").forEach(function (b) {
      b.addEventListener("click", actions[b.getAttribute("data-action") || ""]);
    });
    parent.appendChild(el);
    return el;
  }

  // showUpdate shows the update banner until the app runs. On a first
  // visit the new worker claims the page as it activates: an install, not
  // a new version, so no banner.
  function showUpdate() {
    if (state === "ready" || !banners || !controlled || banners.querySelector(".banner-update")) return;
    html.classList.add("has-banner"); // room at the bottom of the page (banners.css)
    var live = document.createElement("div");
    live.className = "status-banners";
    live.setAttribute("aria-live", "polite");
    banners.appendChild(live);
    // Added after the live region, so that it is announced.
    banner("update", live, { reload: function () { location.reload(); } });
  }
  // A new version's worker claims this page once it has stored the whole
  // new version. go-app hears of it only if it registered the worker
  // itself before the browser's own update check found the new one; this
  // hears of it either way, and tells go-app once app.js is there (the
  // app, if it starts later, then shows its own banner).
  var updated = false;
  if (navigator.serviceWorker && controlled) {
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      updated = true;
      if (appReady) goappOnUpdate(); else showUpdate();
    });
  }
  whenApp(function () {
    var appOnUpdate = goappOnUpdate;
    window.goappOnUpdate = function () {
      appOnUpdate();
      showUpdate();
    };
    if (updated) appOnUpdate();
  });

  // The browser's install prompt may come before app.js is loaded: it is
  // kept here, offered, and handed to app.js's deferredPrompt once it has
  // run.
  /** @type {BeforeInstallPromptEvent | null} */
  var installPrompt = null;
  window.addEventListener("beforeinstallprompt", function (e) {
    if (!appReady) {
      e.preventDefault();
      installPrompt = /** @type {BeforeInstallPromptEvent} */ (e);
    }
    if (state === "ready" || !banners || stored("explainer.install-dismissed") === "true" || banners.querySelector(".install-offer")) {
      return;
    }
    var offer = banner("install", banners, {
      install: function () {
        registerWorker();
        if (offer) offer.remove();
        if (appReady) {
          goappShowInstallPrompt();
        } else if (installPrompt) {
          installPrompt.prompt(); // now, while the press still counts as the reader's
          installPrompt = null;
        }
      },
      dismiss: function () {
        store("explainer.install-dismissed", "true");
        if (offer) offer.remove();
      }
    });
  });
  // Installing stores the site for offline use, also in light mode.
  window.addEventListener("appinstalled", function () {
    installPrompt = null;
    registerWorker();
  });
  whenApp(function () {
    if (installPrompt) {
      deferredPrompt = installPrompt;
      installPrompt = null;
      goappOnAppInstallChange();
    }
  });

  // "Keep for offline use", shown in light mode (the page's footer).
  /** @param {Event} e */
  function onKeep(e) {
    var b = e.target instanceof Element && e.target.closest("[data-keep-offline]");
    if (!b) return;
    var status = b.parentElement && b.parentElement.querySelector("[role=status]");
    /** @param {string} text */
    var say = function (text) { if (status) status.textContent = text; };
    if (!("serviceWorker" in navigator)) {
      say("This browser cannot keep the site for offline use.");
      return;
    }
    say("Downloading the site for offline use…");
    registerWorker();
    navigator.serviceWorker.ready.then(function () {
      html.setAttribute("data-offline-kept", "");
      say("Kept for offline use: every page now works without a connection.");
    });
  }
  document.addEventListener("click", onKeep);

  // ---------------------------------------------------------------------
  // Go.

  if (!canRun) return;
  var conn = navigator.connection || {};
  var light = html.hasAttribute("data-save-data") || conn.saveData === true || /(^|-)2g$/.test(conn.effectiveType || "");
  if (light) html.setAttribute("data-light", "");
  // A page served by the worker has the wasm on the device already: using
  // it costs no network bytes.
  setState(light && !controlled ? "light" : "idle");

  // Controls that can only work with the app are written disabled, for a
  // browser without scripts; here they become live.
  document.querySelectorAll("[data-needs-app]").forEach(function (el) {
    el.removeAttribute("disabled");
    el.removeAttribute("aria-disabled");
    var note = document.getElementById(el.getAttribute("data-boot-note") || "");
    var text = note && note.getAttribute(state === "light" ? "data-boot-light-text" : "data-boot-text");
    if (note && text) note.textContent = text;
  });

  // What the reader did before this script ran counts as done now; so
  // does a control that needs the app holding the focus.
  early.forEach(function (e) {
    if (e.type === "click") {
      onClick(e);
      onKeep(e);
    } else {
      intent(e);
    }
  });
  if (needsApp(document.activeElement)) start();

  function afterLoad() {
    if (shell) start();
    if (state === "light") return; // nothing more until the reader asks
    if (started) {
      // The service worker's downloads wait until the app is up.
      ready.then(registerWorker);
      return;
    }
    // A turn after the load event, so that the fetches are not part of
    // the page's load. The app's scripts come first: they are small, and
    // registering the worker needs them.
    setTimeout(function () {
      loadApp().catch(function (err) { console.warn("loading the app's scripts:", err.message); });
      compile("low").then(registerWorker, registerWorker);
    }, 0);
  }
  if (document.readyState === "complete") afterLoad();
  else window.addEventListener("load", afterLoad);
})();
