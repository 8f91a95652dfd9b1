// "Min lista": entry ids in this browser's localStorage. Nothing leaves the browser.

const KEY = "insatsbas.list";
const CHANGED = "insatsbas:list";
const ENTRY_ID = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;

export function isEntryId(value) {
  return typeof value === "string" && ENTRY_ID.test(value);
}

export function cleanIds(values) {
  return [...new Set(values.filter(isEntryId))];
}

export function getList() {
  try {
    const stored = JSON.parse(window.localStorage.getItem(KEY) || "[]");
    return Array.isArray(stored) ? cleanIds(stored) : [];
  } catch {
    return [];
  }
}

export function setList(ids) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(cleanIds(ids)));
  } catch {
    // Storage may be switched off (private mode); the list then lasts only for this page.
  }
  window.dispatchEvent(new CustomEvent(CHANGED));
}

export function hasInList(id) {
  return getList().includes(id);
}

export function addToList(id) {
  setList([...getList(), id]);
}

export function removeFromList(id) {
  setList(getList().filter((other) => other !== id));
}

export function onListChange(callback) {
  window.addEventListener(CHANGED, () => callback(getList()));
  window.addEventListener("storage", (event) => {
    if (event.key === KEY) callback(getList());
  });
}
