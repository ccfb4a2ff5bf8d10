// The explainer's service worker: offline-first, one version at a time.
//
// Everything one release needs (every page, go-app's scripts, the wasm,
// styles, icons, the manifest) is precached together into a cache named
// after the version. The new worker takes over only once that cache is
// complete, and only then are older versions' caches deleted, so a failed
// or interrupted update leaves the reader on the old version, still whole.
// Pages and assets are answered from that cache first: they belong to one
// version and must not be mixed with another. A new version arrives as a
// new worker; go-app sees it activate and the page offers to reload.
//
// The server fills in the placeholders; go-app fills in the version.

const VERSION = "{{.Version}}";
const SCOPE = "{{.Scope}}"; // the site's root path, with a trailing slash
const CACHE_PREFIX = "explainer:" + SCOPE + ":";
const CACHE = CACHE_PREFIX + VERSION;

// [cache key, URL to fetch it from]. They differ in a static export, where
// the page /faq is the file /faq.html.
const PRECACHE = {{.Precache}};

// Route path (without the scope) → cache key of its page.
const PAGES = {{.Pages}};

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

// precache fetches everything, bypassing the HTTP cache's freshness (a
// stale wasm must not be stored under the new version), reads every body to
// the end, and only then stores anything: a download that fails or is cut
// off rejects the install, and the half-made cache is deleted.
async function precache() {
  const responses = await Promise.all(PRECACHE.map(async ([key, src]) => {
    const res = await fetch(new Request(src, { cache: "no-cache", credentials: "same-origin" }));
    if (!res.ok) {
      throw new Error("precaching " + src + ": HTTP " + res.status);
    }
    const body = await res.blob();
    // The body is decoded now: the wire's length and coding no longer apply.
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    headers.delete("content-encoding");
    return [key, new Response(body, { status: 200, headers })];
  }));
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(responses.map(([key, res]) => cache.put(key, res)));
  } catch (err) {
    await caches.delete(CACHE);
    throw err;
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys
      .filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE)
      .map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || req.headers.has("range")) {
    return;
  }
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (req.mode === "navigate") {
    event.respondWith(navigate(req, url));
    return;
  }
  event.respondWith(fromCacheOrNetwork(req));
});

// routeOf maps a page URL's path to a route: the scope is removed, and so
// are a trailing slash, "index.html" and ".html", so /faq, /faq/ and
// /faq.html are one page. The query string never picks a page.
function routeOf(pathname) {
  if (!pathname.startsWith(SCOPE) && pathname + "/" !== SCOPE) {
    return null;
  }
  let p = "/" + pathname.slice(SCOPE.length);
  p = p.replace(/\/index\.html$/, "/").replace(/\.html$/, "");
  if (p.length > 1) {
    p = p.replace(/\/+$/, "");
  }
  return p;
}

// navigate answers a page load: a known page from the cache at once; any
// other address from the network, or offline from the cached home page,
// whose router then renders the right page (or the not-found page).
async function navigate(req, url) {
  const cache = await caches.open(CACHE);
  const route = routeOf(url.pathname);
  const key = route === null ? undefined : PAGES[route];
  if (key !== undefined) {
    const hit = await cache.match(key, { ignoreVary: true });
    if (hit) {
      return hit;
    }
  }
  try {
    return await fetch(req);
  } catch (err) {
    const shell = await cache.match(PAGES["/"], { ignoreVary: true });
    if (shell) {
      return asShell(shell);
    }
    throw err;
  }
}

// asShell marks the home page served for another address: boot.js then
// starts the app at once, and its router renders the page the address
// names. An attribute parsed first wins over a later one of the same name.
async function asShell(res) {
  const text = await res.text();
  return new Response(text.replace("<html ", '<html data-boot-on="shell" '), {
    status: 200,
    headers: res.headers,
  });
}

async function fromCacheOrNetwork(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req, { ignoreSearch: false, ignoreVary: true });
  return hit || fetch(req);
}
