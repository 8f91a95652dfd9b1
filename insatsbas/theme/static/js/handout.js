// /lista/: the saved entries as one printable sheet, built from each entry page's marked handout
// section, optionally beside a second language. /lista/?id=a/b,c/d opens a shared list.

import { logHandout } from "./beacons.js";
import { keepQueryInLanguageLinks } from "./list.js";
import { cleanIds, getList, onListChange, setList } from "./store.js";
import { languagePrefix, site } from "./site.js";
import { format, pageLanguage, strings } from "./strings.js";

const text = strings("handout-strings");
const app = document.getElementById("handout-app");
const items = document.getElementById("handout-items");
const status = document.getElementById("handout-status");
const second = document.getElementById("second-language");
const shareLink = document.getElementById("share-link");
const saveShared = app.querySelector("[data-save-shared]");

const pages = new Map();
let shared = sharedIds();

function sharedIds() {
  const param = new URLSearchParams(window.location.search).get("id");
  return param === null ? null : cleanIds(param.split(","));
}

function currentIds() {
  return shared ?? getList();
}

function entryUrl(id, lang) {
  return `${languagePrefix(lang)}${site.entries}${id}/`;
}

async function fetchSection(id, lang) {
  const url = entryUrl(id, lang);
  if (!pages.has(url)) {
    pages.set(url, fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${url}`);
      return response.text();
    }).then((html) => new DOMParser().parseFromString(html, "text/html")));
  }
  const doc = await pages.get(url);
  const section = doc.querySelector("[data-handout]");
  if (!section) throw new Error(`no handout section in ${url}`);
  return { section: document.importNode(section, true), lang: doc.documentElement.lang, dir: doc.documentElement.dir };
}

function asHandoutColumn({ section, lang, dir }) {
  for (const heading of section.querySelectorAll("h1")) {
    const h2 = document.createElement("h2");
    h2.append(...heading.childNodes);
    for (const attribute of heading.attributes) h2.setAttribute(attribute.name, attribute.value);
    heading.replaceWith(h2);
  }
  for (const control of section.querySelectorAll(".entry-actions, [data-add-to-list]")) control.remove();
  const column = document.createElement("div");
  column.className = "handout-column";
  column.lang = lang;
  column.dir = dir;
  column.append(...section.childNodes);
  return column;
}

function removeButton(id) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button-secondary button-small";
  button.textContent = text.remove;
  button.addEventListener("click", () => {
    const remaining = currentIds().filter((other) => other !== id);
    if (shared) {
      shared = remaining;
      window.history.replaceState(null, "", `?id=${remaining.join(",")}`);
      render();
    } else {
      setList(remaining);
    }
  });
  return button;
}

async function itemFor(id, languages) {
  const item = document.createElement("li");
  item.className = "handout-item";
  const columns = document.createElement("div");
  columns.className = languages.length > 1 ? "handout-columns two" : "handout-columns";
  try {
    const sections = await Promise.all(languages.map((lang) => fetchSection(id, lang)));
    columns.append(...sections.map(asHandoutColumn));
  } catch {
    const failed = document.createElement("p");
    failed.textContent = format(text.failed, { id });
    columns.append(failed);
  }
  item.append(columns, removeButton(id));
  return item;
}

function updateShareLink(ids) {
  shareLink.value = `${window.location.origin}${languagePrefix(pageLanguage)}${site.list}?id=${ids.join(",")}`;
}

async function render() {
  const ids = currentIds();
  const languages = second.value ? [pageLanguage, second.value] : [pageLanguage];
  updateShareLink(ids);
  keepQueryInLanguageLinks();
  saveShared.hidden = !shared;
  items.setAttribute("aria-busy", "true");
  const built = await Promise.all(ids.map((id) => itemFor(id, languages)));
  items.replaceChildren(...built);
  items.removeAttribute("aria-busy");
  const summary = ids.length ? format(text.count, { count: ids.length }) : text.empty;
  status.textContent = shared && ids.length ? `${text.shared} ${summary}` : summary;
  document.body.dataset.handoutReady = String(ids.length);
}

app.hidden = false;
second.addEventListener("change", render);
app.querySelector("[data-print]").addEventListener("click", () => window.print());
// Printed from the button or from the browser's own menu (Ctrl+P): counted either way.
window.addEventListener("beforeprint", () => {
  const entries = currentIds().length;
  if (entries) logHandout({ entries, use: "print", lang: pageLanguage });
});
// Copying the list's link is sharing the handout; counted once per link.
let lastShared = null;
shareLink.addEventListener("copy", () => {
  if (shareLink.value === lastShared || !currentIds().length) return;
  lastShared = shareLink.value;
  logHandout({ entries: currentIds().length, use: "share", lang: pageLanguage });
});
app.querySelector("[data-clear-list]").addEventListener("click", () => {
  shared = null;
  window.history.replaceState(null, "", window.location.pathname);
  setList([]);
});
saveShared.addEventListener("click", () => {
  setList(shared);
  shared = null;
  window.history.replaceState(null, "", window.location.pathname);
  render().then(() => { status.textContent = text.saved; });
});
shareLink.addEventListener("focus", () => shareLink.select());
onListChange(() => { if (!shared) render(); });
render();
