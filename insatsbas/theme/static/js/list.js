// On every page: "add to my list" buttons, the list count in the menu, and the full address in the
// "report an error" e-mail.

import { strings } from "./strings.js";
import { addToList, getList, hasInList, onListChange, removeFromList } from "./store.js";

const ui = strings("ui-strings");
let announcer;

function announce(text) {
  if (!announcer) {
    announcer = document.createElement("p");
    announcer.className = "visually-hidden";
    announcer.setAttribute("role", "status");
    document.body.append(announcer);
  }
  announcer.textContent = text;
}

function label(button) {
  const inList = hasInList(button.dataset.addToList);
  button.textContent = inList ? ui.remove : ui.add;
  button.classList.toggle("in-list", inList);
  const title = document.createElement("span");
  title.className = "visually-hidden";
  title.textContent = `: ${button.dataset.title || ""}`;
  button.append(title);
}

export function bindAddButtons(root = document) {
  for (const button of root.querySelectorAll("[data-add-to-list]")) {
    if (button.dataset.bound) continue;
    button.dataset.bound = "1";
    button.hidden = false;
    label(button);
    button.addEventListener("click", () => {
      const id = button.dataset.addToList;
      if (hasInList(id)) {
        removeFromList(id);
        announce(ui.removed);
      } else {
        addToList(id);
        announce(ui.added);
      }
    });
  }
}

function refresh() {
  const count = getList().length;
  for (const element of document.querySelectorAll("[data-list-count]")) {
    element.textContent = `(${count})`;
    element.hidden = count === 0;
  }
  for (const button of document.querySelectorAll("[data-add-to-list][data-bound]")) label(button);
}

// The language switch keeps a search or a shared list (/sok/?q=..., /lista/?id=...) as well as the page.
export function keepQueryInLanguageLinks() {
  for (const link of document.querySelectorAll(".lang-switch a")) link.search = window.location.search;
}

function completeReportLinks() {
  for (const link of document.querySelectorAll("[data-report-link]")) {
    const path = encodeURIComponent(window.location.pathname);
    link.href = link.href.replace(path, encodeURIComponent(window.location.origin + window.location.pathname));
  }
}

bindAddButtons();
refresh();
onListChange(refresh);
completeReportLinks();
keepQueryInLanguageLinks();
