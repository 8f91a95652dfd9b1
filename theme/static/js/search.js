// /sok/: Pagefind search with filters, the state in the URL (bookmark, share, reload, back button),
// results announced to screen readers, and "add to my list" on every result.

import { bindAddButtons, keepQueryInLanguageLinks } from "./list.js";
import { isEmpty, pagefindFilters, stateFromParams, urlFromState } from "./search-state.js";
import { format, strings } from "./strings.js";

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 300;

const text = strings("search-strings");
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("results");
const more = document.getElementById("more-results");
const filterGroups = [...form.querySelectorAll("[data-filter]")];
const filterKeys = filterGroups.map((group) => group.dataset.filter);

let pagefind;
let search = { results: [], shown: 0 };
let generation = 0;
let typingTimer;

async function loadPagefind() {
  pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
}

function stateFromForm() {
  return stateFromParams(new FormData(form), filterKeys);
}

function stateFromUrl() {
  return stateFromParams(new URLSearchParams(window.location.search), filterKeys);
}

function showState(state) {
  input.value = state.query;
  for (const box of form.querySelectorAll("input[type=checkbox]")) {
    box.checked = (state.filters[box.name] || []).includes(box.value);
  }
  showSelectedCounts();
}

function showSelectedCounts() {
  const total = form.querySelectorAll("[data-filter] input:checked").length;
  form.querySelector("[data-selected-total]").textContent = total ? format(text.selected, { count: total }) : "";
  for (const group of filterGroups) {
    const chosen = group.querySelectorAll("input:checked").length;
    group.querySelector("[data-selected-count]").textContent = chosen ? format(text.selected, { count: chosen }) : "";
    if (chosen) group.open = true;
  }
}

function showFilterCounts(counts) {
  for (const group of filterGroups) {
    const values = counts[group.dataset.filter] || {};
    for (const box of group.querySelectorAll("input[type=checkbox]")) {
      box.parentElement.querySelector("[data-count]").textContent = `(${values[box.value] || 0})`;
    }
  }
}

// Pagefind's excerpt is text with <mark> around the hits; keep exactly that and nothing else.
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
  const nodes = [];
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "card";
  const heading = document.createElement("h2");
  heading.className = "card-title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title;
  heading.append(link);
  if (data.meta.paused) {
    const badge = document.createElement("span");
    badge.className = "badge badge-paused";
    badge.textContent = text.paused;
    heading.append(" ", badge);
  }
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(heading, excerpt);
  if (data.meta.where) {
    const where = document.createElement("p");
    where.className = "card-meta";
    where.textContent = data.meta.where;
    item.append(where);
  }
  if (data.meta.id) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary add-to-list";
    button.dataset.addToList = data.meta.id;
    button.dataset.title = data.meta.title;
    item.append(button);
  }
  return item;
}

async function showMore(focusFirst) {
  const batch = search.results.slice(search.shown, search.shown + PAGE_SIZE);
  const current = generation;
  const data = await Promise.all(batch.map((result) => result.data()));
  if (current !== generation) return;
  const items = data.map(resultItem);
  list.append(...items);
  bindAddButtons(list);
  search.shown += batch.length;
  more.hidden = search.shown >= search.results.length;
  if (focusFirst && items.length) items[0].querySelector("a").focus();
}

async function run(state) {
  const current = ++generation;
  list.setAttribute("aria-busy", "true");
  if (isEmpty(state)) {
    const totals = await pagefind.filters();
    if (current !== generation) return;
    search = { results: [], shown: 0 };
    list.replaceChildren();
    more.hidden = true;
    showFilterCounts(totals);
    status.textContent = text.prompt;
    list.removeAttribute("aria-busy");
    return;
  }
  const found = await pagefind.search(state.query || null, { filters: pagefindFilters(state) });
  if (current !== generation || !found) return;
  search = { results: found.results, shown: 0 };
  list.replaceChildren();
  showFilterCounts(found.filters);
  await showMore(false);
  if (current !== generation) return;
  const count = found.results.length;
  status.textContent = count === 0 ? text.none
    : state.query ? format(text.countFor, { query: state.query, count }) : format(text.count, { count });
  list.removeAttribute("aria-busy");
}

function go(state, how) {
  const url = urlFromState(state);
  if (url !== window.location.pathname + window.location.search) {
    window.history[how === "push" ? "pushState" : "replaceState"](null, "", url);
    keepQueryInLanguageLinks();
  }
  showSelectedCounts();
  return run(state);
}

function bind() {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    go(stateFromForm(), "push");
  });
  input.addEventListener("input", () => {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => go(stateFromForm(), "replace"), TYPING_DELAY_MS);
  });
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") go(stateFromForm(), "push");
  });
  form.querySelector("[data-clear]").addEventListener("click", (event) => {
    event.preventDefault();
    showState({ query: "", filters: {} });
    go({ query: "", filters: {} }, "push");
    input.focus();
  });
  more.addEventListener("click", () => showMore(true));
  window.addEventListener("popstate", () => {
    const state = stateFromUrl();
    keepQueryInLanguageLinks();
    showState(state);
    run(state);
  });
}

async function start() {
  form.hidden = false;
  document.getElementById("filters").open = window.matchMedia("(min-width: 52rem)").matches;
  const state = stateFromUrl();
  showState(state);
  bind();
  try {
    await loadPagefind();
  } catch (error) {
    status.textContent = text.failed;
    throw error;
  }
  await run(state);
  document.body.dataset.searchReady = "1";
}

start();
