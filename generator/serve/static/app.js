// kitgen review page: the season's decks, one deck's slides in each language, and the findings.
// The server says when something changed (server-sent events); the page then asks for the new state.
"use strict";

const view = { season: null, deck: null, deckId: null, lang: null, slide: 1, busy: false, again: false };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

async function fetchJson(url) {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

// ------------------------------------------------------------ loading
async function refresh() {
  if (view.busy) { view.again = true; return; }
  view.busy = true;
  try {
    do {
      view.again = false;
      view.season = await fetchJson("/api/season");
      if (!view.deckId || !view.season.decks.some(d => d.id === view.deckId)) view.deckId = firstDeck();
      view.deck = view.deckId ? await fetchJson(`/api/deck/${encodeURI(view.deckId)}?slide=${view.slide}`) : null;
      draw();
    } while (view.again);
  } catch (error) {
    document.getElementById("status").textContent = "disconnected";
  } finally {
    view.busy = false;
  }
}

function firstDeck() {
  const wanted = new URLSearchParams(location.hash.slice(1)).get("deck");
  const decks = view.season.decks;
  return (decks.find(d => d.id === wanted) || decks[0] || {}).id || null;
}

function choose(deckId, slide) {
  view.deckId = deckId;
  if (slide) view.slide = slide;
  const deck = view.season.decks.find(d => d.id === deckId);
  if (deck) view.lang = deck.language;
  location.hash = `deck=${encodeURIComponent(deckId)}&slide=${view.slide}`;
  refresh();
}

function moveTo(slide) {
  view.slide = slide;
  location.hash = `deck=${encodeURIComponent(view.deckId)}&slide=${view.slide}`;
  draw();
  refresh();  // tells the server the slide on screen: its picture is rendered first
}

function connect() {
  const events = new EventSource("/events");
  let seen = null;
  events.onmessage = message => {
    const headline = JSON.parse(message.data);
    if (headline.generation !== seen) { seen = headline.generation; refresh(); }
  };
  events.onerror = () => { document.getElementById("status").textContent = "reconnecting…"; };
}

// ------------------------------------------------------------ drawing
function draw() {
  const season = view.season;
  document.getElementById("season").textContent = season.season;
  const status = document.getElementById("status");
  status.textContent = season.status + (season.stale ? " (stale)" : "");
  status.className = "pill " + season.status;
  const renderer = season.renderer;
  document.getElementById("renderer").textContent =
    renderer.state === "ready" ? "slide pictures: LibreOffice" + (season.pending ? ` (${season.pending} to render)` : "") :
    renderer.state === "starting" ? "starting LibreOffice for slide pictures…" : "outlines only: " + renderer.hint;
  drawBanner(season);
  drawDecks(season);
  drawDeck(view.deck);
  drawProblems(season.problems.filter(p => p.severity === "error" || !p.decks.length ||
                                       p.decks.includes(view.deckId)));
}

function drawBanner(season) {
  const banner = document.getElementById("banner");
  const errors = season.problems.filter(p => p.severity === "error").length;
  banner.hidden = season.status !== "failed";
  banner.textContent = season.failure ? `The build failed: ${season.failure}` :
    `The season does not validate (${errors} error(s)): the last good slides are shown, marked stale.`;
}

function drawDecks(season) {
  const families = new Map();
  for (const deck of season.decks) {
    const key = `${deck.group}\u0000${deck.label}`;
    if (!families.has(key)) families.set(key, { group: deck.group, label: deck.label, decks: [] });
    families.get(key).decks.push(deck);
  }
  const nav = document.getElementById("decks");
  const nodes = [];
  let group = null;
  for (const family of families.values()) {
    if (family.group !== group) { group = family.group; nodes.push(el("h2", {}, group)); }
    const current = family.decks.some(d => d.id === view.deckId);
    nodes.push(el("div", { class: "family" + (current ? " current" : "") },
      el("span", { class: "name" }, family.label),
      el("span", {}, family.decks.map(d => el("button", {
        class: "lang" + (d.id === view.deckId ? " current" : "") + (d.stale ? " stale" : ""),
        title: d.id + (d.findings ? ` (${d.findings} finding(s))` : ""), "data-deck": d.id,
        onclick: () => choose(d.id) }, d.language.toUpperCase())))));
  }
  nav.replaceChildren(...nodes);
}

function drawDeck(deck) {
  const title = document.getElementById("deck-title");
  if (!deck) { title.textContent = "No decks built yet"; return; }
  const languages = Object.keys(deck.languages);
  if (!view.lang || !languages.includes(view.lang)) view.lang = deck.language;
  const slides = deck.languages[deck.language].slides;
  view.slide = Math.min(Math.max(1, view.slide), Math.max(1, slides.length));
  title.textContent = `${deck.label} · ${deck.id} · slide ${view.slide} of ${slides.length}` +
    (deck.render_error ? ` · no pictures: ${deck.render_error}` : "");
  const stage = languages.map(lang => slideFigure(lang, deck.languages[lang].slides[view.slide - 1],
                                                   lang === deck.language));
  document.getElementById("stage").replaceChildren(...stage);
  const strip = document.getElementById("thumbs");
  const focused = strip.contains(document.activeElement);  // a thumbnail chosen by keyboard keeps the focus
  strip.replaceChildren(...slides.map(thumb));
  const current = strip.querySelector("li.current");
  if (current) {
    current.scrollIntoView({ block: "nearest", inline: "nearest" });  // the strip follows the slide on screen
    if (focused) current.focus({ preventScroll: true });
  }
  drawFindings(deck);
}

function slideFigure(lang, slide, selected) {
  if (!slide) return el("figure", {}, el("div", { class: "outline" }, el("p", {}, `no slide ${view.slide} in ${lang}`)));
  const errors = slide.findings.filter(f => f.severity === "error").length;
  const pins = el("div", { class: "pins" },
    errors ? el("span", { class: "pin error", title: "spec errors" }, `${errors} error(s)`) : null,
    slide.findings.length - errors ? el("span", { class: "pin" }, `${slide.findings.length - errors} finding(s)`) : null);
  return el("figure", { class: (selected ? "selected " : "") + (slide.stale ? "stale" : ""), "data-lang": lang,
                        "data-slide": slide.number },
    el("div", { class: "frame", title: slide.stale ? "stale: the season does not validate" : null },
       picture(slide, lang, "slide"), pins),
    el("figcaption", {}, `${lang.toUpperCase()} · ${slide.number} · `, el("span", { class: "slide-title" }, slide.title)),
    el("ul", { class: "slide-findings findings" }, slide.findings.map(findingItem)));
}

function picture(slide, lang, kind) {
  if (slide.image) return el("img", { src: slide.image, alt: `${lang} slide ${slide.number}: ${slide.title}`, class: kind });
  const renderer = view.season.renderer.state;
  const note = renderer === "ready" || renderer === "starting" ? "rendering the picture…" : "outline (no picture)";
  return el("div", { class: kind === "slide" ? "outline" : "mini" },
    el(kind === "slide" ? "h3" : "strong", {}, slide.title),
    kind === "slide" ? slide.texts.filter(t => t !== slide.title).map(t => el("p", {}, t)) : null,
    kind === "slide" ? slide.charts.map(c => el("p", {}, "chart: " + c)) : null,
    kind === "slide" ? el("p", { class: "note" }, note) : null);
}

function thumb(slide) {
  const errors = slide.findings.filter(f => f.severity === "error").length;
  return el("li", { class: slide.number === view.slide ? "current" : "", "data-slide": slide.number,
                    tabindex: 0, role: "button", "aria-current": slide.number === view.slide ? "true" : null,
                    onclick: () => moveTo(slide.number),
                    onkeydown: event => {
                      if (event.key !== "Enter" && event.key !== " ") return;
                      event.preventDefault();
                      moveTo(slide.number);
                    } },
    picture(slide, view.deck.language, "thumb"),
    slide.findings.length ? el("span", { class: "badge" + (errors ? " error" : "") }, slide.findings.length) : null,
    `${slide.number} ${slide.title}`);
}

function drawProblems(problems) {
  const list = document.getElementById("problems");
  list.replaceChildren(...(problems.length ? problems.map(findingItem) :
    [el("li", { class: "empty" }, "The season validates.")]));
}

function drawFindings(deck) {
  const list = document.getElementById("deck-findings");
  const findings = deck.findings.filter(f => f.kind !== "spec");
  list.replaceChildren(...(findings.length ? findings.map(findingItem) :
    [el("li", { class: "empty" }, "No overflow, cut-off or missing translation.")]));
}

function findingItem(finding) {
  const where = finding.kind === "spec" ? el("code", {}, `${finding.file}:${finding.line || ""}:${finding.column || ""}`) : null;
  const slide = finding.slide ? el("a", { href: "#", onclick: e => { e.preventDefault(); moveTo(finding.slide); } },
                                   `slide ${finding.slide}`) : null;
  const lang = finding.kind !== "spec" && finding.language ?
    el("span", { class: "lang-tag" }, finding.language.toUpperCase() + " ") : null;
  return el("li", { class: finding.severity === "error" ? "error" : "warning", "data-lang": finding.language },
    lang, where, where ? " " : null, finding.key ? el("strong", {}, finding.key + ": ") : null, finding.message,
    finding.hint ? ` (${finding.hint})` : "", el("br"),
    finding.editor ? el("a", { href: finding.editor, class: "editor" }, "open in editor") : null,
    finding.view ? el("a", { href: finding.view, target: "_blank", class: "view" }, "view file") : null, slide);
}

// ------------------------------------------------------------ keyboard
function families() {
  const first = new Map();  // label -> its first deck, in the season's order
  for (const deck of view.season.decks) if (!first.has(deck.label)) first.set(deck.label, deck.id);
  return first;
}

document.addEventListener("keydown", event => {
  if (!view.deck || event.target.closest("input, textarea") || event.ctrlKey || event.metaKey || event.altKey) return;
  const count = view.deck.languages[view.deck.language].slides.length;
  const moves = { ArrowRight: 1, j: 1, ArrowLeft: -1, k: -1 };
  let slide = null;
  if (event.key in moves) slide = Math.min(count, Math.max(1, view.slide + moves[event.key]));
  else if (event.key === "Home") slide = 1;
  else if (event.key === "End") slide = count;
  else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    const labels = [...families().keys()];
    const here = labels.indexOf(view.deck.label) + (event.key === "ArrowDown" ? 1 : -1);
    const next = labels[Math.min(labels.length - 1, Math.max(0, here))];
    event.preventDefault();
    if (next !== view.deck.label) choose(families().get(next), 1);
    return;
  } else if (event.key === "l" || event.key === "L") {
    const langs = Object.keys(view.deck.languages);
    choose(view.deck.languages[langs[(langs.indexOf(view.deck.language) + 1) % langs.length]].id);
    return;
  } else return;
  event.preventDefault();
  moveTo(slide);
});

// Back, Forward and a hash typed or linked move to the deck and slide the hash names
window.addEventListener("hashchange", () => {
  const wanted = new URLSearchParams(location.hash.slice(1));
  const slide = parseInt(wanted.get("slide") || "1", 10) || 1;
  const deckId = wanted.get("deck");
  if (deckId && deckId !== view.deckId && view.season && view.season.decks.some(d => d.id === deckId)) {
    view.deckId = deckId;
    view.slide = slide;
    view.lang = view.season.decks.find(d => d.id === deckId).language;
    refresh();
  } else if (slide !== view.slide && view.deck) {
    view.slide = slide;
    draw();
    refresh();
  }
});

const start = new URLSearchParams(location.hash.slice(1));
view.slide = parseInt(start.get("slide") || "1", 10) || 1;
connect();
