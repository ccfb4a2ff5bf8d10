// @ts-check
// Fetches and compiles the app's WebAssembly for web/boot.js, off the
// page's main thread, and posts back the compiled module. On the page,
// Chromium decodes a compressed body on the thread that reads it and ends a
// streaming compilation there too: 0.8 s of main-thread work at 4x CPU for
// a reader who only reads. Here none of it touches the page.
//
// Message in: a CompileRequest {url, priority, count}. Messages out:
// {loaded} (decoded bytes so far, only with count: the reader is waiting
// and the loading pill shows them), then {module} or {error}.
//
// A browser that cannot run it as a worker, or cannot pass a module back,
// gets the same script on the page: boot.js then calls explainerCompile.
"use strict";

/**
 * explainerCompile fetches req.url and compiles it, telling post how many
 * bytes have arrived when req.count is set.
 * @param {CompileRequest} req
 * @param {(msg: {loaded: number}) => void} post
 * @returns {Promise<WebAssembly.Module>}
 */
function explainerCompile(req, post) {
  return fetch(req.url, { priority: req.priority }).then(function (res) {
    if (!res.ok) {
      throw new Error("HTTP " + res.status + " for " + req.url);
    }
    var type = res.headers.get("Content-Type") || "";
    if (req.count && res.body && typeof TransformStream === "function") {
      var loaded = 0, last = 0;
      res = new Response(res.body.pipeThrough(new TransformStream({
        transform: function (chunk, ctl) {
          loaded += chunk.byteLength;
          var now = Date.now();
          if (now - last > 100) { // a pill needs no more than ten a second
            last = now;
            post({ loaded: loaded });
          }
          ctl.enqueue(chunk);
        }
      })), { status: res.status, headers: res.headers });
    }
    // Streaming compilation needs the application/wasm type; a host that
    // sends another gets the slower way rather than no app.
    if (WebAssembly.compileStreaming && type.indexOf("application/wasm") === 0) {
      return WebAssembly.compileStreaming(res);
    }
    return res.arrayBuffer().then(function (b) { return WebAssembly.compile(b); });
  });
}

if (typeof document === "undefined") {
  self.onmessage = function (e) {
    /** @param {any} msg */
    var post = function (msg) { self.postMessage(msg); };
    explainerCompile(e.data, post).then(function (mod) {
      // A browser that cannot pass a module between threads throws here;
      // the page then compiles the wasm itself.
      post({ module: mod });
    }).catch(function (err) {
      post({ error: String(err && err.message || err) });
    });
  };
}
