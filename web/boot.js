// Boot on intent (README, Performance). The page the server wrote is
// complete for reading, so the Go program starts only when the reader asks
// for something that needs it. Until then:
//
//   - after the load event, the wasm is fetched at low priority and
//     compiled off the main thread; then the service worker is registered
//     and stores the site for offline use;
//   - with Save-Data (the request header, which the server marks on <html>,
//     navigator.connection.saveData, or a 2g connection) nothing of the app
//     is downloaded until the reader uses something that needs it, or keeps
//     the site for offline use;
//   - a pointer, focus or key event on a control marked data-needs-app, a
//     page that cannot do without the app (data-boot-on="load": the
//     questionnaire) or an address this page does not stand for (offline,
//     the worker answers any address with the home page) starts Go.
//
// Nothing the reader does in the meantime is lost. What the browser does
// natively (ticking a radio, opening an answer, typing in the search box)
// happens at once; when the app has mounted, over the server's markup, it
// is carried over to the new page: the state each control was left in, and
// one click per press of a button that needs the app, in order.
//
// The page loads only this script. go-app's wasm_exec.js and app.js, and
// web/links.js, are loaded here when they are first needed: after the load
// event, or at once on an intent (loadApp). Requested by the page, they
// would share the slow link with the page itself and run before its first
// paint (README, Performance).
//
// States, on <html data-boot>: light (Save-Data: nothing fetched), idle,
// fetching, compiled, starting (Go running, not yet mounted), ready,
// failed. window.explainerBoot.start() starts the app as an intent would
// and resolves once it has mounted (the tests and the benchmark use it).
(function () {
  "use strict";
  var html = document.documentElement;
  var script = document.currentScript;
  var wasmURL = script.getAttribute("data-wasm");
  var wasmSize = parseInt(script.getAttribute("data-wasm-size"), 10) || 0;

  var appScripts = (script.getAttribute("data-scripts") || "").split(" ").filter(Boolean);

  var state = "";
  function setState(s) {
    state = s;
    html.setAttribute("data-boot", s);
  }

  // Whether a service worker controlled this page when it loaded, before
  // app.js registers one: the update banner uses it to tell a first
  // install from a new version (ui/banners.go, hadWorker).
  if (navigator.serviceWorker && navigator.serviceWorker.controller) {
    html.setAttribute("data-had-worker", "");
  }

  // Crawlers and ?wasm=false get the page as written: go-app's rule
  // (goappCanLoadWebAssembly in app.js), checked here before app.js is
  // loaded.
  var canRun = typeof WebAssembly === "object" &&
    !/bot|googlebot|crawler|spider|robot|crawling/i.test(navigator.userAgent) &&
    new URLSearchParams(location.search).get("wasm") !== "false";

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

  // ---------------------------------------------------------------------
  // The app's scripts, loaded once, in order (async = false), when first
  // needed. appLoaded resolves when app.js has run.

  var appLoaded = null; // Promise
  var appReady = false;
  var onAppLoaded = []; // run once app.js has run, in order

  function loadApp() {
    if (!appLoaded) {
      appLoaded = new Promise(function (resolve, reject) {
        if (appScripts.length === 0) {
          reject(new Error("no app scripts named on boot.js"));
          return;
        }
        appScripts.forEach(function (src, i) {
          var s = document.createElement("script");
          s.src = src;
          s.async = false;
          s.onerror = function () { reject(new Error("could not load " + src)); };
          if (i === appScripts.length - 1) {
            s.onload = function () {
              if (typeof Go !== "function" || typeof goappInitServiceWorker !== "function") {
                reject(new Error("the app's scripts did not define Go and go-app"));
                return;
              }
              appReady = true;
              onAppLoaded.forEach(function (f) { f(); });
              onAppLoaded = [];
              resolve();
            };
          }
          document.body.appendChild(s);
        });
      });
      appLoaded.catch(function () {
        appLoaded = null; // a later intent tries again
      });
    }
    return appLoaded;
  }

  // whenApp runs f once app.js has run: now if it has.
  function whenApp(f) {
    if (appReady) {
      f();
    } else {
      onAppLoaded.push(f);
    }
  }

  var conn = navigator.connection || {};
  var light = html.hasAttribute("data-save-data") || conn.saveData === true ||
    /(^|-)2g$/.test(conn.effectiveType || "");
  // A page served by the worker has the wasm on the device already: using
  // it costs no network bytes.
  var controlled = !!(navigator.serviceWorker && navigator.serviceWorker.controller);
  if (light) {
    html.setAttribute("data-light", "");
  }

  // ---------------------------------------------------------------------
  // Fetching, compiling, starting.

  var compiled = null; // Promise<WebAssembly.Module>
  var progress = document.getElementById("app-wasm-loader-label");

  function showProgress(loaded) {
    if (progress && wasmSize > 0) {
      progress.textContent = Math.min(100, Math.round(loaded * 100 / wasmSize)) + "%";
    }
  }

  // The wasm is fetched and compiled in a dedicated worker
  // (web/compile-worker.js), which posts back the compiled module: the
  // page's main thread stays free for the reader. Where a worker cannot be
  // made or cannot pass a module back, the page does it itself.
  var workerURL = new URL("compile-worker.js", script.src).href;

  function compileInWorker(priority, count) {
    return new Promise(function (resolve, reject) {
      var w = new Worker(workerURL);
      w.onmessage = function (e) {
        var d = e.data;
        if (d.loaded !== undefined) {
          showProgress(d.loaded);
          return;
        }
        w.terminate();
        if (d.module instanceof WebAssembly.Module) {
          resolve(d.module);
        } else {
          reject(new Error(d.error || "no module from the compile worker"));
        }
      };
      w.onerror = function (e) {
        e.preventDefault();
        w.terminate();
        reject(new Error("the compile worker failed: " + (e.message || "unknown")));
      };
      w.postMessage({ url: new URL(wasmURL, location.href).href, priority: priority, count: count });
    });
  }

  function compileHere() {
    return fetch(wasmURL).then(function (res) {
      if (!res.ok) {
        throw new Error("HTTP " + res.status + " for " + wasmURL);
      }
      var type = res.headers.get("Content-Type") || "";
      if (WebAssembly.compileStreaming && type.indexOf("application/wasm") === 0) {
        return WebAssembly.compileStreaming(res);
      }
      return res.arrayBuffer().then(function (b) { return WebAssembly.compile(b); });
    });
  }

  function compile(priority) {
    if (!compiled) {
      if (state !== "starting") {
        setState("fetching");
      }
      // When the reader is already waiting, the worker counts the bytes
      // for the loading pill (the size is the decoded one).
      var count = state === "starting";
      compiled = (typeof Worker === "function" ? compileInWorker(priority, count) : Promise.reject(new Error("no Worker")))
        .catch(function (err) {
          console.warn("compiling the app on the page:", err.message);
          return compileHere();
        });
      compiled.then(function () {
        if (state === "fetching") {
          setState("compiled");
        }
      }, function () {
        compiled = null; // a later intent tries again
      });
    }
    return compiled;
  }

  var started = null; // Promise, resolved when the app has mounted
  var readyResolve;
  var ready = new Promise(function (resolve) { readyResolve = resolve; });

  function start() {
    if (!canRun) {
      return Promise.reject(new Error("the app cannot run in this browser"));
    }
    if (started) {
      return started;
    }
    html.setAttribute("data-intent", "");
    setState("starting");
    var scripts = loadApp();
    started = compile("high").then(function (mod) {
      return scripts.then(function () { return mod; });
    }).then(function (mod) {
      var go = new Go();
      return WebAssembly.instantiate(mod, go.importObject).then(function (instance) {
        go.run(instance);
        return ready;
      });
    });
    started.catch(function (err) {
      setState("failed");
      started = null;
      if (progress) {
        progress.textContent = "could not load: " + err.message;
      }
      console.error("starting the app failed:", err);
    });
    return started;
  }

  // The app marks the page data-app="ready" once it has mounted (ui/mount.go).
  new MutationObserver(function () {
    if (html.getAttribute("data-app") === "ready" && state !== "ready") {
      setState("ready");
      replay();
      readyResolve();
    }
  }).observe(html, { attributes: true, attributeFilter: ["data-app"] });

  // registerWorker stores the whole site for offline use (app.js's
  // go-app function, with the update check). Once is enough.
  var registered = false;
  function registerWorker() {
    if (registered || !("serviceWorker" in navigator)) {
      return;
    }
    registered = true;
    loadApp().then(function () {
      goappInitServiceWorker();
    }, function (err) {
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
  // What the reader does before the app is up.

  // Controls that can only work with the app are written disabled, for a
  // browser without scripts; here they become live: a press starts the app
  // and is carried over.
  function wake() {
    var els = document.querySelectorAll("[data-needs-app]");
    for (var i = 0; i < els.length; i++) {
      els[i].removeAttribute("disabled");
      els[i].removeAttribute("aria-disabled");
      var note = els[i].getAttribute("data-boot-note");
      var target = note && document.getElementById(note);
      var text = target && target.getAttribute(state === "light" ? "data-boot-light-text" : "data-boot-text");
      if (text) {
        target.textContent = text;
      }
    }
  }

  function root() {
    return document.body && document.body.firstElementChild;
  }

  // keyOf names an element so that its counterpart can be found in the
  // page the app mounts: the nearest ancestor with an id, then the child
  // indexes down from it. The app renders the same tree the server did.
  function keyOf(el) {
    var path = [];
    var top = root();
    while (el && el !== top && !el.id) {
      var i = 0;
      for (var s = el.previousElementSibling; s; s = s.previousElementSibling) {
        i++;
      }
      path.unshift(i);
      el = el.parentElement;
    }
    if (!el) {
      return null;
    }
    return { id: el === top ? "" : el.id, path: path };
  }

  function find(key) {
    var el = key.id ? document.getElementById(key.id) : root();
    for (var i = 0; el && i < key.path.length; i++) {
      el = el.children[key.path[i]];
    }
    return el || null;
  }

  // The log of what to carry over, in order. A control's state is one
  // entry, updated in place; every press of a button is its own entry.
  var log = [];
  var states = new Map(); // old element → its log entry
  var focused = null; // the key of the control the reader last focused

  function recordState(el, kind) {
    if (states.has(el)) {
      return;
    }
    var key = keyOf(el);
    if (key) {
      var entry = { kind: kind, el: el, key: key };
      states.set(el, entry);
      log.push(entry);
    }
  }

  // The server's markup, which the app replaces when it mounts. Only what
  // the reader does there needs carrying over: on the app's own elements
  // the app itself answers.
  var written = root();

  function pending(t) {
    return canRun && state !== "ready" && !!written && written.contains(t);
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!pending(t) || !e.isTrusted) {
      return;
    }
    var el = t.closest && t.closest("[data-needs-app], input[type=radio], input[type=checkbox], summary");
    if (!el) {
      return;
    }
    if (el.matches("input[type=radio], input[type=checkbox]")) {
      recordState(el, "checked");
    } else if (el.matches("summary")) {
      if (el.parentElement && el.parentElement.matches("details")) {
        recordState(el.parentElement, "open");
      }
    } else if (el.matches("button") && !el.disabled) {
      var key = keyOf(el);
      if (key) {
        log.push({ kind: "click", key: key });
      }
      start();
      // Acknowledge the press where the control says how it works.
      var note = document.getElementById(el.getAttribute("data-boot-note") || "");
      var text = note && note.getAttribute("data-boot-wait-text");
      if (text) {
        note.textContent = text;
      }
    }
  }, true);

  document.addEventListener("input", function (e) {
    var t = e.target;
    if (pending(t) && e.isTrusted && t.matches && t.matches("input[type=search], input[type=text], textarea")) {
      recordState(t, "value");
    }
  }, true);

  function intent(e) {
    var t = e.target;
    if (!canRun || started || !t.closest) {
      return;
    }
    if (t.closest("[data-needs-app]") || (light && html.getAttribute("data-boot-on") === "load" && t.closest("input"))) {
      start();
    }
  }
  document.addEventListener("pointerdown", intent, true);
  document.addEventListener("keydown", intent, true);
  document.addEventListener("focusin", function (e) {
    if (pending(e.target) && e.target.nodeType === 1) {
      focused = keyOf(e.target);
    }
    intent(e);
  }, true);

  // carryStates gives each control of the mounted page the state the
  // reader left its counterpart in. It runs as soon as the app has
  // replaced the server's markup, before any other input can reach the new
  // page (a mutation observer runs right after the task that made the
  // change), and again when the app is ready, for any part it replaced
  // later. It also puts the focus back, so that typing goes on where it was.
  function carryStates() {
    if (!samePage()) {
      return; // the app shows another page than the one written here
    }
    log = log.filter(function (e) {
      if (e.kind === "click") {
        return true;
      }
      var now = find(e.key);
      if (!now || now === e.el || written.contains(now)) {
        return true; // not replaced yet: try again when ready
      }
      if (e.kind === "checked") {
        if (e.el.checked !== now.checked && (e.el.checked || now.type === "checkbox")) {
          now.click();
        }
      } else if (e.kind === "open") {
        if (now.open !== e.el.open) {
          now.open = e.el.open;
        }
      } else if (e.kind === "value" && now.value !== e.el.value) {
        now.value = e.el.value;
        now.dispatchEvent(new Event("input", { bubbles: true }));
      }
      states.delete(e.el);
      return false;
    });
    if (focused) {
      var f = find(focused);
      var active = document.activeElement;
      if (f && !written.contains(f) && (!active || active === document.body)) {
        focused = null;
        f.focus({ preventScroll: true });
      }
    }
  }

  // replay presses, in order, each button that needs the app the reader
  // pressed before it was up. They are one task apart, so the app has
  // handled one before the next arrives.
  function replay() {
    carryStates();
    var clicks = log.filter(function (e) { return e.kind === "click"; });
    log = [];
    states = new Map();
    focused = null;
    if (!samePage()) {
      return;
    }
    (function next(i) {
      if (i >= clicks.length) {
        return;
      }
      var now = find(clicks[i].key);
      if (now) {
        now.click();
      }
      setTimeout(function () { next(i + 1); }, 50);
    })(0);
  }

  new MutationObserver(function () {
    if (written && !written.isConnected && state === "starting") {
      carryStates();
    }
  }).observe(document.body, { childList: true });

  // ---------------------------------------------------------------------
  // Before the app: the update banner and the install offer, which the app
  // shows itself once it runs.

  var banners = document.querySelector(".banners");

  function banner(cls, label, text, actions) {
    var s = document.createElement("section");
    s.className = cls;
    s.setAttribute("aria-label", label);
    var p = document.createElement("p");
    p.textContent = text;
    s.appendChild(p);
    actions.forEach(function (a) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = a[0];
      b.textContent = a[1];
      b.addEventListener("click", a[2]);
      s.appendChild(b);
    });
    return s;
  }

  // showUpdate shows the update banner until the app runs. Before app.js
  // is loaded, go-app is told once it is (goappOnUpdate then marks the
  // update for the app, if it starts later, to show its own banner).
  var updatePending = false;
  function showUpdate() {
    // On a first visit the new worker claims the page as it activates:
    // an install, not a new version (ui/banners.go, hadWorker).
    if (state === "ready" || !banners || !html.hasAttribute("data-had-worker") ||
      banners.querySelector(".banner-update")) {
      return;
    }
    html.classList.add("has-banner"); // room at the bottom of the page (banners.css)
    var wrap = document.createElement("div");
    wrap.className = "status-banners";
    wrap.setAttribute("aria-live", "polite");
    banners.appendChild(wrap);
    // Added after the live region, so that it is announced.
    wrap.appendChild(banner("banner banner-update", "Update", "A new version is available.",
      [["banner-action", "Reload", function () { location.reload(); }]]));
  }
  function onUpdate() {
    if (appReady) {
      goappOnUpdate();
      return;
    }
    updatePending = true;
    showUpdate();
  }
  whenApp(function () {
    var appOnUpdate = goappOnUpdate;
    window.goappOnUpdate = function () {
      appOnUpdate(); // tells the app, if it starts later, to show its own
      showUpdate();
    };
    if (updatePending) {
      appOnUpdate();
    }
  });

  // A new version's worker claims this page once it has stored the whole
  // new version: that is an update, when a worker already controlled the
  // page. go-app hears of it only if it registered the worker itself before
  // the browser's own update check found the new one; this hears of it
  // either way.
  if (navigator.serviceWorker && html.hasAttribute("data-had-worker")) {
    navigator.serviceWorker.addEventListener("controllerchange", onUpdate);
  }

  var installKey = "explainer.install-dismissed"; // the app's key (ui/banners.go)
  function installDismissed() {
    try {
      return localStorage.getItem(installKey) === "true";
    } catch (e) {
      return false;
    }
  }
  // The browser's install prompt, kept as app.js keeps it (its
  // deferredPrompt, which the app reads): it may be offered before app.js
  // is loaded, so it is caught here and handed over once app.js has run.
  var installPrompt = null;
  window.addEventListener("beforeinstallprompt", function (e) {
    if (!appReady) {
      e.preventDefault();
      installPrompt = e;
    }
    if (state === "ready" || !banners || installDismissed() || banners.querySelector(".install-offer")) {
      return;
    }
    var offer = banner("install-offer", "Install this guide",
      "Keep this guide as an app: it opens from your home screen and works offline.", [
        ["banner-action", "Install app", function () {
          registerWorker();
          offer.remove();
          if (appReady) {
            goappShowInstallPrompt();
          } else if (installPrompt) {
            // Now, while the press still counts as the reader's.
            installPrompt.prompt();
            installPrompt = null;
          }
        }],
        ["banner-dismiss secondary", "Not now", function () {
          try { localStorage.setItem(installKey, "true"); } catch (e) { }
          offer.remove();
        }]
      ]);
    banners.appendChild(offer);
  });
  // Installing stores the site for offline use, also in light mode.
  window.addEventListener("appinstalled", function () {
    installPrompt = null;
    registerWorker();
  });
  whenApp(function () {
    if (installPrompt) {
      deferredPrompt = installPrompt; // app.js's global (let)
      installPrompt = null;
      goappOnAppInstallChange();
    }
  });

  // "Keep for offline use", shown in light mode (the page's footer).
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("[data-keep-offline]");
    if (!b) {
      return;
    }
    var status = b.parentElement && b.parentElement.querySelector("[role=status]");
    var say = function (text) {
      if (status) {
        status.textContent = text;
      }
    };
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
  });

  // ---------------------------------------------------------------------
  // Go.

  if (!canRun) {
    return;
  }
  setState(light && !controlled ? "light" : "idle");
  wake();

  // The path this page stands for, against the address it was opened at.
  function samePage() {
    var base = html.getAttribute("data-base") || "";
    var route = html.getAttribute("data-route");
    if (route === null) {
      return true;
    }
    var p = location.pathname;
    if (base && p.indexOf(base) === 0) {
      p = p.slice(base.length) || "/";
    }
    p = p.replace(/\/index\.html$/, "/").replace(/\.html$/, "");
    if (p.length > 1) {
      p = p.replace(/\/+$/, "");
    }
    return p === route;
  }


  function afterLoad() {
    if (!samePage() || (state !== "light" && html.getAttribute("data-boot-on") === "load")) {
      start();
    }
    if (state === "light") {
      return; // nothing more until the reader asks
    }
    if (started) {
      // The service worker's downloads wait until the app is up.
      ready.then(registerWorker);
      return;
    }
    // A turn after the load event, so the fetches do not count as part of
    // the page's load. The app's scripts come first: they are small, and
    // registering the worker needs them.
    setTimeout(function () {
      loadApp().catch(function (err) {
        console.warn("loading the app's scripts:", err.message);
      });
      compile("low").then(registerWorker, registerWorker);
    }, 0);
  }
  if (document.readyState === "complete") {
    afterLoad();
  } else {
    window.addEventListener("load", afterLoad);
  }
})();
