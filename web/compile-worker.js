// Fetches and compiles the app's WebAssembly for web/boot.js, off the
// page's main thread, and posts back the compiled module. On the page,
// Chromium decodes a compressed body on the thread that reads it and ends a
// streaming compilation there too: 0.8 s of main-thread work at 4x CPU for
// a reader who only reads. Here none of it touches the page.
//
// Message in: {url, priority, count}. Messages out: {loaded} (decoded
// bytes so far, only with count: the reader is waiting and the loading pill
// shows them), then {module} or {error}.
"use strict";
self.onmessage = function (e) {
  var m = e.data;
  fetch(m.url, { priority: m.priority }).then(function (res) {
    if (!res.ok) {
      throw new Error("HTTP " + res.status + " for " + m.url);
    }
    var type = res.headers.get("Content-Type") || "";
    if (m.count && res.body && typeof TransformStream === "function") {
      var loaded = 0, last = 0;
      res = new Response(res.body.pipeThrough(new TransformStream({
        transform: function (chunk, ctl) {
          loaded += chunk.byteLength;
          var now = Date.now();
          if (now - last > 100) { // a pill needs no more than ten a second
            last = now;
            self.postMessage({ loaded: loaded });
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
  }).then(function (mod) {
    // A browser that cannot pass a module between threads throws here;
    // the page then compiles the wasm itself.
    self.postMessage({ module: mod });
  }).catch(function (err) {
    self.postMessage({ error: String(err && err.message || err) });
  });
};
