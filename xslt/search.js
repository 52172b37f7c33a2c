/* search.js: the search page. Asks the Pagefind index in pagefind/ (written by
   the build, see search.py) and shows each document found with its turns: who
   speaks, the words around the match, a link to the turn.
   The index holds the text folded (no accents or transliteration marks): the
   query is folded the same way, and the accented words of each document, kept
   in its meta "accents", are put back in what is shown. Text stays text: no
   innerHTML, Pagefind's excerpts are parsed and rebuilt as text and <mark>.
   A classic script (browsers refuse module scripts from file://, and the page
   must then say why search does not work); Pagefind is loaded by import(). */
(function () {
"use strict";

// The same letters as search.py's fold(): marks in the letter's shape.
const LETTERS = { "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
  "ı": "i", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th" };

function fold(text) {
  let out = "";
  for (const char of text) {
    if (LETTERS[char]) { out += LETTERS[char]; continue; }
    const base = char.normalize("NFD");
    out += base.length > 1 && /^[A-Za-z]$/.test(base[0]) ? base[0] : char;
  }
  return out;
}

const FILTERS = ["speaker", "mentioned", "year", "archive", "classification", "subject"];
const SHOWN = 5;        // documents shown at a time (each is a download)
const TURNS_SHOWN = 3;  // turns shown per document

const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const form = document.querySelector("form.search-form");
const input = document.getElementById("search-q");

function say(text) { status.textContent = text; }

function element(name, text, attributes) {
  const node = document.createElement(name);
  if (text) { node.textContent = text; }
  for (const [key, value] of Object.entries(attributes || {})) { node.setAttribute(key, value); }
  return node;
}

function accentMap(words) {
  const map = new Map();
  for (const token of (words || "").split(/\s+/)) {
    const core = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (core) { map.set(fold(core), core); }
  }
  return map;
}

function restore(text, map) {
  return map.size ? text.replace(/[\p{L}\p{M}\p{N}]+/gu, (word) => map.get(word) || word) : text;
}

// Pagefind's excerpt is HTML with <mark>: rebuilt here as text and <mark> only.
function excerpt(html, map) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body;
  const out = element("p", "", { class: "search-excerpt" });
  for (const node of parsed.firstChild ? parsed.firstChild.childNodes : []) {
    const text = restore(node.textContent, map);
    out.append(node.nodeName === "MARK" ? element("mark", text) : document.createTextNode(text));
  }
  return out;
}

// One document found, with its turns that match (or its excerpt). Pagefind's
// addresses start from the server's root, wherever the site lies under it.
function render(data, turns) {
  const map = accentMap(data.meta.accents);
  const item = element("li", "", { class: "search-result" });
  const heading = element("h2");
  heading.append(element("a", restore(data.meta.title || "", map), { href: data.url }));
  item.append(heading);
  if (data.meta.date) { item.append(element("p", data.meta.date, { class: "search-date" })); }
  const turnList = element("ul", "", { class: "search-turns" });
  for (const sub of turns.slice(0, TURNS_SHOWN)) {
    const turn = element("li");
    const link = element("a", "", { href: sub.url, class: "search-turn" });
    const anchor = sub.url.split("#")[1] || "";
    const number = anchor.replace(/^turn-/, "");
    link.append(element("span", anchor.startsWith("turn-") ? `Turn ${number}` : "Text", { class: "turn-ref" }),
      document.createTextNode(" "),
      element("span", restore(sub.title, map), { class: "search-speaker" }));
    turn.append(link, excerpt(sub.excerpt, map));
    turnList.append(turn);
  }
  if (!turns.length) { item.append(excerpt(data.excerpt, map)); }
  if (turnList.childNodes.length) { item.append(turnList); }
  return item;
}

let more = null;  // shows the next results of the current search

async function show(pagefind, query, filters) {
  const folded = fold(query).trim();
  const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  const button = document.getElementById("search-more");
  list.replaceChildren();
  button.hidden = true;
  if (!folded && !Object.keys(active).length) { say("Type a word or choose a filter."); return; }
  say("Searching…");
  const search = await pagefind.search(folded || null, { filters: active });
  const results = search.results;
  // Filters hold for a document; a speaker also chooses its turns: a document
  // where the person speaks, but not the words sought, is no result.
  const speaker = active.speaker ? fold(active.speaker) : "";
  const turnsOf = (data) => (data.sub_results || []).filter(
    (s) => s.url.includes("#") && (!speaker || s.title === speaker));
  let next = 0;
  // Each result's data is a download (the document's indexed text): a few at a time.
  more = async () => {
    let added = 0;
    while (added < SHOWN && next < results.length) {
      const batch = results.slice(next, next + SHOWN);
      next += batch.length;
      for (const data of await Promise.all(batch.map((r) => r.data()))) {
        const turns = turnsOf(data);
        if (speaker && !turns.length) { continue; }
        list.append(render(data, turns));
        added += 1;
      }
    }
    button.hidden = next >= results.length;
    const shown = list.childNodes.length;
    say(shown === 0 ? "Nothing found."
      : speaker ? `${shown} document${shown === 1 ? "" : "s"} found so far.`
      : `${results.length} document${results.length === 1 ? "" : "s"} found`
        + (results.length > shown ? `; the first ${shown} shown.` : "."));
  };
  await more();
}

async function start() {
  if (location.protocol === "file:") {
    document.getElementById("search-file-note").hidden = false;
    say("Search is not available from a file.");
    return;
  }
  let pagefind;
  try {
    pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
  } catch (error) {
    say("The search index could not be loaded: build the site first.");
    return;
  }
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  const available = await pagefind.filters();
  for (const name of FILTERS) {
    const select = document.getElementById(`filter-${name}`);
    const values = Object.keys(available[name] || {}).sort((a, b) => a.localeCompare(b));
    for (const value of values) { select.append(element("option", value, { value })); }
    select.value = values.includes(params.get(name)) ? params.get(name) : "";
  }
  const run = () => show(pagefind, input.value,
    Object.fromEntries(FILTERS.map((n) => [n, document.getElementById(`filter-${n}`).value])));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (input.value.trim()) { next.set("q", input.value.trim()); }
    for (const name of FILTERS) {
      const value = document.getElementById(`filter-${name}`).value;
      if (value) { next.set(name, value); }
    }
    history.replaceState(null, "", `?${next}`);
    run();
  });
  for (const name of FILTERS) {
    document.getElementById(`filter-${name}`).addEventListener("change", () => form.requestSubmit());
  }
  document.getElementById("search-more").addEventListener("click", () => more && more());
  run();
}

start();
}());
