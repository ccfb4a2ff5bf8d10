// Injected into every document before its own scripts. It records, in
// milliseconds since navigation start, when the article's first paragraph is
// first visible and on top (elementFromPoint: paint metrics count text under
// a covering overlay as painted), first contentful paint, largest contentful
// paint, layout shifts, long tasks, the load event, the app's mount (data-app="ready")
// and, in "fit" mode, when the questionnaire first responds to a click.
(() => {
  if (window.top !== window) return;
  const cfg = __BENCH_CONFIG__;
  const m = window.__bench = {
    fcp: null, lcp: null, cls: 0, clsAfterReady: 0, onTop: null,
    load: null, ready: null, interactive: null, done: false,
  };
  const observe = (type, fn) => {
    try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch (e) {}
  };
  observe("paint", (e) => { if (e.name === "first-contentful-paint") m.fcp = e.startTime; });
  observe("largest-contentful-paint", (e) => { m.lcp = e.renderTime || e.startTime; });
  observe("layout-shift", (e) => {
    if (e.hadRecentInput) return;
    m.cls += e.value;
    if (m.ready !== null) m.clsAfterReady += e.value;
  });
  addEventListener("load", () => { m.load = performance.now(); });
  // Main-thread tasks over 50 ms, as the throttled CPU really ran them:
  // what Lighthouse's Total Blocking Time estimates by simulation.
  m.longTasks = [];
  observe("longtask", (e) => { m.longTasks.push([e.startTime, e.duration]); });

  // Visible and on top: the paragraph has a box inside the viewport and the
  // element at a point of that box is the paragraph or inside it.
  const onTop = () => {
    for (const p of document.querySelectorAll("p")) {
      if (!p.textContent.trim().replace(/\s+/g, " ").startsWith(cfg.needle)) continue;
      const r = p.getBoundingClientRect();
      const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
      if (r.width === 0 || bottom - top < 4) return false;
      const hit = document.elementFromPoint(r.left + Math.min(24, r.width / 2), (top + bottom) / 2);
      return hit !== null && (hit === p || p.contains(hit)) &&
        getComputedStyle(p).visibility !== "hidden" && Number(getComputedStyle(p).opacity) > 0;
    }
    return false;
  };

  // The questionnaire responds when a tick and a click on Next move it to
  // the next statement. Both are retried each frame until it does.
  let legend = null;
  const fitResponds = () => {
    const l = document.querySelector(".fit-legend, legend");
    if (!l) return false;
    if (legend === null) legend = l.textContent;
    if (l.textContent !== legend) return true;
    const radio = document.querySelector('input[type="radio"]');
    if (radio && !radio.checked) radio.click();
    const next = document.querySelector("#fit-next");
    if (next && next.getAttribute("aria-disabled") !== "true") next.click();
    return false;
  };

  const isReady = () => document.documentElement.getAttribute("data-app") === "ready";
  new MutationObserver(() => {
    if (m.ready === null && isReady()) m.ready = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-app"] }); // no documentElement yet

  const tick = () => {
    try { step(); } catch (e) { m.error = String(e); }
  };
  const step = () => {
    const now = performance.now();
    if (cfg.needle && m.onTop === null && document.body && onTop()) m.onTop = now;
    if (m.ready === null && isReady()) m.ready = now;
    if (cfg.mode === "fit" && m.ready !== null && m.interactive === null && fitResponds()) m.interactive = performance.now();
    if (cfg.mode === "app" && m.ready !== null && m.interactive === null) m.interactive = m.ready;
    const finished = (!cfg.needle || m.onTop !== null) && m.load !== null && (cfg.mode === "static" || m.interactive !== null);
    if (finished) { m.done = true; return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
