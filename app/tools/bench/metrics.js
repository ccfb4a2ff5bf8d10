// Injected into every document before its own scripts. It records, in
// milliseconds since navigation start, when the article's first paragraph is
// first visible and on top (elementFromPoint: paint metrics count text under
// a covering overlay as painted), first contentful paint, largest contentful
// paint, layout shifts, long tasks, the load event, each data-boot state
// (web/boot.js), the app's mount (data-app="ready"), Event Timing entries,
// the reader's trusted presses of the questionnaire's Next button and when
// its legend first moves to another statement.
//
// Modes (what "done" means): "static" and "read" are done once the paragraph
// is on top and the page has loaded (a read-only visit: boot on intent
// starts nothing); "fit" starts the app once boot.js is there after the
// load event, as the reader's first touch of the questionnaire would (Go
// does not start on arrival), then ticks and clicks Next by script each
// frame once the app is up, until the questionnaire answers; "drive" is never done
// by itself: the bench drives the page with trusted input (drive.go).
// data-boot="failed" settles every mode, and is recorded.
(() => {
  if (window.top !== window) return;
  const cfg = __BENCH_CONFIG__;
  const m = window.__bench = {
    fcp: null, lcp: null, cls: 0, clsAfterReady: 0, onTop: null,
    load: null, ready: null, interactive: null, done: false,
    boot: [], failed: false, events: [], longTasks: [],
    legend: null, answered: null, nextPresses: [], nextPressBoot: [], firstTap: null,
  };
  const observe = (type, fn, opts) => {
    try {
      new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe(Object.assign({ type, buffered: true }, opts || {}));
    } catch (e) {}
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
  observe("longtask", (e) => { m.longTasks.push([e.startTime, e.duration]); });

  // Event Timing: how long each input waited for the main thread.
  const describe = (el) => {
    if (!el || !el.tagName) return "";
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    else if (typeof el.className === "string" && el.className) s += "." + el.className.trim().split(/\s+/)[0];
    return s;
  };
  const onEvent = (e) => {
    m.events.push({
      name: e.name, entryType: e.entryType, start: e.startTime, processingStart: e.processingStart,
      processingEnd: e.processingEnd, duration: e.duration, target: describe(e.target),
    });
  };
  observe("event", onEvent, { durationThreshold: 16 });
  observe("first-input", onEvent);

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

  // The questionnaire has answered when its legend shows another statement
  // than the first one it showed.
  const legendMoved = () => {
    const l = document.getElementById("fit-legend");
    if (!l) return false;
    if (m.legend === null) m.legend = l.textContent;
    return l.textContent !== m.legend;
  };
  // In "fit" mode a tick and a click on Next are retried each frame.
  const fitPoke = () => {
    const radio = document.querySelector('input[type="radio"]');
    if (radio && !radio.checked) radio.click();
    const next = document.querySelector("#fit-next");
    if (next && next.getAttribute("aria-disabled") !== "true") next.click();
  };
  addEventListener("pointerdown", (e) => {
    if (e.isTrusted && m.firstTap === null) m.firstTap = e.timeStamp;
  }, true);
  addEventListener("click", (e) => {
    if (e.isTrusted && e.target && e.target.closest && e.target.closest("#fit-next")) {
      m.nextPresses.push(e.timeStamp);
      m.nextPressBoot.push(document.documentElement.getAttribute("data-boot") || "none");
    }
  }, true);

  const html = () => document.documentElement;
  const isReady = () => html() && html().getAttribute("data-app") === "ready";
  let lastBoot = null;
  const watch = () => {
    const now = performance.now();
    if (m.ready === null && isReady()) m.ready = now;
    const b = html() && html().getAttribute("data-boot");
    if (b && b !== lastBoot) {
      lastBoot = b;
      m.boot.push([b, now]);
      if (b === "failed") m.failed = true;
    }
    if (m.answered === null && legendMoved()) m.answered = now;
  };
  // No documentElement yet: observe the document.
  new MutationObserver(watch).observe(document, {
    attributes: true, subtree: true, childList: true, characterData: true,
    attributeFilter: ["data-app", "data-boot"],
  });

  let fitStarted = false;
  const tick = () => {
    try { step(); } catch (e) { m.error = String(e); }
  };
  const step = () => {
    watch();
    const now = performance.now();
    if (cfg.needle && m.onTop === null && document.body && onTop()) m.onTop = now;
    if (cfg.mode === "fit" && m.load !== null && !fitStarted && window.explainerBoot) {
      fitStarted = true;
      window.explainerBoot.start().catch(() => {});
    }
    if (cfg.mode === "fit" && m.ready !== null && m.interactive === null) {
      if (m.answered !== null) m.interactive = m.answered;
      else fitPoke();
    }
    const loaded = (!cfg.needle || m.onTop !== null) && m.load !== null;
    const finished = m.failed || (loaded && (cfg.mode === "static" || cfg.mode === "read" || (cfg.mode === "fit" && m.interactive !== null)));
    if (finished && cfg.mode !== "drive") { m.done = true; return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
