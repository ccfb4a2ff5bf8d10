//go:build !js

package browsertest

import (
	"fmt"
	"testing"
)

// a11yJS is shared JavaScript for the checks below, defined once per
// document as window.__a11y.
const a11yJS = `window.__a11y || (window.__a11y = (() => {
	const shown = el => el.checkVisibility({visibilityProperty: true, opacityProperty: false});
	const name = el => (el.getAttribute("aria-label") || el.innerText || el.textContent || "").replace(/\s+/g, " ").trim() ||
		[...el.querySelectorAll("img[alt]")].map(i => i.alt).join(" ").trim();
	const describe = el => {
		if (!el || el === document.body) return "<body>";
		let s = el.tagName.toLowerCase();
		if (el.id) s += "#" + el.id;
		if (el.classList.length) s += "." + [...el.classList].join(".");
		const n = name(el);
		if (n) s += ' "' + n.slice(0, 50) + '"';
		return s;
	};
	const focusables = () => [...document.querySelectorAll(
		'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"]'
	)].filter(el => el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]") && shown(el) &&
		!(el.tagName === "SUMMARY" && el.parentElement.querySelector(":scope > summary") !== el));
	const srgb = c => {
		const m = c.match(/rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[, /]+([\d.]+))?/);
		return m ? {r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4]} : null;
	};
	const lum = c => {
		const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
		return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
	};
	const contrast = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
	// background is the first opaque background colour at or above el.
	const background = el => {
		for (let e = el; e; e = e.parentElement) {
			const c = srgb(getComputedStyle(e).backgroundColor);
			if (c && c.a > 0.9) return c;
		}
		return srgb(getComputedStyle(document.documentElement).backgroundColor) || {r: 255, g: 255, b: 255, a: 1};
	};
	// label is the label of a form control, which often carries the focus
	// style when the control itself is restyled.
	const label = el => el.labels && el.labels.length ? el.labels[0] : null;
	const look = el => own(el) + (label(el) ? "|" + own(label(el)) : "");
	const own = el => {
		const s = getComputedStyle(el);
		return ["outline-style", "outline-width", "outline-color", "box-shadow", "background-color", "color",
			"border-top-color", "border-bottom-color", "text-decoration-line", "text-decoration-thickness", "top"]
			.map(p => p + ":" + s.getPropertyValue(p)).join(";");
	};
	return {shown, name, describe, focusables, srgb, contrast, background, look, label};
})())`

// structureResult is what checkStructure's script reports.
type structureResult struct {
	Title    string   `json:"title"`
	Problems []string `json:"problems"`
}

// checkStructure checks one h1, no skipped heading level, the landmarks, the
// skip link, lang, the title and that link texts make sense on their own.
// It returns the page title.
func checkStructure(t *testing.T, b *browser, r a11yRoute) string {
	t.Helper()
	res := eval[structureResult](b, a11yJS+`, (() => {
	const A = window.__a11y, p = [];
	const hs = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter(A.shown);
	const h1 = hs.filter(h => h.tagName === "H1");
	if (h1.length !== 1) p.push(h1.length + " visible h1 elements, want exactly 1: " + h1.map(A.describe).join(", "));
	let prev = 0;
	for (const h of hs) {
		const l = +h.tagName[1];
		if (prev === 0 && l !== 1) p.push("the first heading is " + A.describe(h) + ", not an h1");
		if (prev > 0 && l > prev + 1) p.push("heading level skips from h" + prev + " to " + A.describe(h));
		prev = l;
	}
	const embed = `+fmt.Sprint(r.embed)+`;
	const top = sel => [...document.querySelectorAll(sel)].filter(e => A.shown(e) && !e.parentElement.closest("article, aside, main, nav, section"));
	if (!embed && top("header").length !== 1) p.push(top("header").length + " page headers (banner landmarks), want 1");
	if (document.querySelectorAll("main").length !== 1) p.push(document.querySelectorAll("main").length + " main elements, want 1");
	if (top("footer").length !== 1) p.push(top("footer").length + " page footers (contentinfo landmarks), want 1");
	const navs = [...document.querySelectorAll("nav")].filter(A.shown);
	if (!embed && navs.length === 0) p.push("no visible nav landmark");
	for (const n of navs) if (navs.length > 1 && !n.getAttribute("aria-label") && !n.getAttribute("aria-labelledby")) p.push("several nav landmarks and " + A.describe(n) + " has no label");
	if (`+fmt.Sprint(r.toc)+` && !navs.some(n => /contents|on this page/i.test(n.getAttribute("aria-label") || (document.getElementById(n.getAttribute("aria-labelledby")) || {}).textContent || "") && n.querySelector("a[href^='#']")))
		p.push("no visible nav landmark for the table of contents");
	const first = A.focusables()[0];
	if (embed) {}
	else if (!first || first.tagName !== "A" || !/^skip to (the )?(main )?content$/i.test(A.name(first))) p.push("the first focusable element is " + A.describe(first) + ", not a Skip to content link");
	else {
		const target = document.getElementById(decodeURIComponent(first.hash.slice(1)));
		if (!target || !(target.tagName === "MAIN" || target.closest("main"))) p.push("the skip link " + first.getAttribute("href") + " does not lead to the main content");
	}
	if (!/^en\b/.test(document.documentElement.lang)) p.push("html lang is " + JSON.stringify(document.documentElement.lang) + ", want en");
	if (!document.title.trim()) p.push("the page has no title");
	const vague = /^(click here|here|read more|more|learn more|link|this|this page|continue|go|details|info)$/i;
	const seen = new Map();
	for (const a of document.querySelectorAll("a[href]")) {
		if (!A.shown(a) && a !== first) continue;
		const n = A.name(a);
		if (!n) p.push("link with no text: " + a.outerHTML.slice(0, 120));
		else if (vague.test(n) || /^(https?:|www\.)/i.test(n)) p.push("link text does not make sense alone: " + A.describe(a));
		const dest = a.href.replace(/#.*$/, "") + (a.hash || "");
		const k = n.toLowerCase();
		if (seen.has(k) && seen.get(k) !== dest) p.push("links with the same text " + JSON.stringify(n) + " lead to different places: " + seen.get(k) + " and " + dest);
		seen.set(k, dest);
	}
	return {title: document.title, problems: p};
})()`)
	for _, p := range res.Problems {
		t.Errorf("structure: %s", p)
	}
	return res.Title
}

// checkReflow checks, at width×height and with the root font size set to
// zoom, that nothing scrolls sideways and no text is clipped (WCAG 1.4.4,
// 1.4.10). The font size is set through DevTools evaluation, which the CSP
// does not govern, and removed afterwards.
func checkReflow(t *testing.T, b *browser, width, height int64, zoom string) {
	t.Helper()
	b.setState(a11yState{theme: "light", width: width, height: height})
	defer eval[bool](b, `(() => { const h = document.documentElement; h.style.removeProperty("font-size"); if (!h.getAttribute("style")) h.removeAttribute("style"); return true; })()`)
	problems := eval[[]string](b, a11yJS+`, (async () => {
	const A = window.__a11y, p = [];
	document.documentElement.style.fontSize = `+jsString(zoom)+`;
	await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
	const root = document.documentElement, vw = root.clientWidth;
	const inScroller = el => { for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) if (/auto|scroll/.test(getComputedStyle(e).overflowX)) return true; return false; };
	if (root.scrollWidth > vw + 1) {
		// Find the deepest element whose removal ends the sideways scroll.
		let culprit = document.body;
		for (let found = true; found;) {
			found = false;
			for (const c of culprit.children) {
				const d = c.style.getPropertyValue("display"), pr = c.style.getPropertyPriority("display");
				c.style.setProperty("display", "none", "important");
				const fits = root.scrollWidth <= vw + 1;
				c.style.setProperty("display", d, pr);
				if (!c.getAttribute("style")) c.removeAttribute("style");
				if (fits) { culprit = c; found = true; break; }
			}
		}
		p.push("the page scrolls sideways (scrollWidth " + root.scrollWidth + " > " + vw + "), caused by " + A.describe(culprit));
	}
	for (const el of document.body.querySelectorAll("*")) {
		if (!A.shown(el) || el.closest(".visually-hidden, .skip-link")) continue;
		const s = getComputedStyle(el), r = el.getBoundingClientRect();
		const hasText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
		if (r.width > 0 && r.right > vw + 1 && s.position !== "fixed" && !inScroller(el)) p.push(A.describe(el) + " reaches past the right edge (" + Math.round(r.right) + " > " + vw + ")");
		const clips = v => v === "hidden" || v === "clip";
		if (hasText && clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1) p.push(A.describe(el) + " clips its text horizontally");
		if (hasText && clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1) p.push(A.describe(el) + " clips its text vertically");
		if (hasText && s.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth + 1) p.push(A.describe(el) + " cuts its text with an ellipsis");
	}
	return p.slice(0, 20);
})()`)
	for _, p := range problems {
		t.Errorf("at %dpx wide, text %s: %s", width, zoom, p)
	}
}

// checkTargetSizes checks that every visible pointer target is at least
// 24×24 CSS px or has 24 px of room around it (WCAG 2.5.8), except links
// inside a line of text. Questionnaire options must be at least 44 px tall.
func checkTargetSizes(t *testing.T, b *browser) {
	t.Helper()
	for _, v := range a11yViewports {
		b.setState(a11yState{theme: "light", width: v.width, height: v.height})
		problems := eval[[]string](b, a11yJS+`, (() => {
	const A = window.__a11y, p = [];
	const targets = A.focusables().filter(el => el.tagName !== "IFRAME" && !el.matches(".skip-link, main"));
	const rects = targets.map(el => el.getBoundingClientRect());
	const inline = el => getComputedStyle(el).display === "inline" && [...el.parentElement.childNodes].some(n => n !== el && n.nodeType === 3 && n.textContent.trim());
	targets.forEach((el, i) => {
		const r = rects[i];
		if (r.width >= 24 && r.height >= 24) return;
		if (inline(el)) return;
		if (el.type === "radio" || el.type === "checkbox") {
			const l = el.closest("label") || (el.id && document.querySelector('label[for="' + el.id + '"]'));
			if (l) { const lr = l.getBoundingClientRect(); if (lr.width >= 24 && lr.height >= 24) return; }
		}
		// Spacing exception: a 24 px circle on the target's centre overlaps no other target.
		const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
		const crowded = rects.some((o, j) => j !== i && targets[j] !== el && !el.contains(targets[j]) && !targets[j].contains(el) &&
			Math.hypot(Math.max(o.left - cx, 0, cx - o.right), Math.max(o.top - cy, 0, cy - o.bottom)) < 12);
		if (crowded) p.push(A.describe(el) + " is " + Math.round(r.width) + "×" + Math.round(r.height) + " px and crowded by a neighbour");
	});
	for (const el of document.querySelectorAll("main input[type=radio], main input[type=checkbox]")) {
		if (!A.shown(el)) continue;
		const l = el.closest("label") || (el.id && document.querySelector('label[for="' + el.id + '"]'));
		const h = (l || el).getBoundingClientRect().height;
		if (h < 44) p.push("questionnaire option " + A.describe(l || el) + " is " + Math.round(h) + " px tall, want at least 44");
	}
	return p;
})()`)
		for _, p := range problems {
			t.Errorf("%s: %s", v.name, p)
		}
	}
}

// checkReducedMotion checks that with prefers-reduced-motion: reduce
// nothing animates, no transition runs and scrolling is not smooth; and,
// as a control, that the emulation took effect.
func checkReducedMotion(t *testing.T, b *browser) {
	t.Helper()
	for _, th := range a11yThemes {
		b.setState(a11yState{theme: th, width: 412, height: 823, reducedMotion: true})
		problems := eval[[]string](b, a11yJS+`, (() => {
	const A = window.__a11y, p = [];
	if (!matchMedia("(prefers-reduced-motion: reduce)").matches) return ["the reduced-motion emulation did not apply"];
	for (const a of document.getAnimations()) p.push("animation " + (a.animationName || a.transitionProperty || a.id || "(script)") + " runs on " + A.describe(a.effect && a.effect.target));
	for (const el of document.querySelectorAll("*")) {
		const s = getComputedStyle(el);
		if (s.animationName !== "none" && s.animationDuration !== "0s") p.push(A.describe(el) + " has animation " + s.animationName);
		if (s.transitionDuration.split(",").some(d => parseFloat(d) > 0.01)) p.push(A.describe(el) + " has a " + s.transitionDuration + " transition");
		if (s.scrollBehavior === "smooth") p.push(A.describe(el) + " scrolls smoothly");
	}
	return p.slice(0, 20);
})()`)
		for _, p := range problems {
			t.Errorf("reduced motion, %s: %s", th, p)
		}
	}
}

// checkForcedColors checks, in Windows high-contrast emulation, that a
// focused control still shows an outline and that the current page in the
// site navigation and checked options still differ from the others.
func checkForcedColors(t *testing.T, b *browser) {
	t.Helper()
	b.setState(a11yState{theme: "light", width: 1280, height: 900, forcedColors: true})
	problems := eval[[]string](b, a11yJS+`, (() => {
	const A = window.__a11y, p = [];
	if (!matchMedia("(forced-colors: active)").matches) return ["the forced-colors emulation did not apply"];
	const fs = A.focusables().filter(el => !el.matches(".skip-link, main, iframe"));
	for (const el of fs.slice(0, 40)) {
		el.focus({focusVisible: true, preventScroll: true});
		const ring = e => { const s = getComputedStyle(e); return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2; };
		if (!ring(el) && !(A.label(el) && ring(A.label(el)))) p.push("focused " + A.describe(el) + " has no outline in forced colours");
		el.blur();
	}
	const cur = document.querySelector('.site-nav [aria-current="page"]'), other = document.querySelector('.site-nav a:not([aria-current])');
	if (cur && other) {
		const st = e => { const s = getComputedStyle(e); return [s.borderBottomColor, s.borderBottomStyle, s.fontWeight, s.textDecorationLine, s.outlineStyle].join(); };
		if (st(cur) === st(other)) p.push("the current page in the site navigation looks like the other links in forced colours");
	}
	for (const el of document.querySelectorAll("main input[type=radio]:checked, main input[type=checkbox]:checked")) {
		const l = el.closest("label");
		if (l && getComputedStyle(el).appearance === "none") {
			const off = [...document.querySelectorAll('main input[name="' + el.name + '"]:not(:checked)')].map(o => o.closest("label")).find(Boolean);
			if (off && A.look(l) === A.look(off) && A.look(el) === A.look(off.querySelector("input"))) p.push("checked option " + A.describe(l) + " looks like an unchecked one in forced colours");
		}
	}
	return p;
})()`)
	for _, p := range problems {
		t.Errorf("forced colours: %s", p)
	}
}
