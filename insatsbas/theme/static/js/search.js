// /sok/: Pagefind search with filters, the state in the URL (bookmark, share, reload, back button),
// results announced to screen readers, and "add to my list" on every result.
// A search that finds (almost) nothing is corrected ("svenks" -> "svenska") and the corrected search is
// shown; a settled search and a click on a result are recorded by beacons.js for the statistics.

import { logClick, logSearch, searchSignature } from "./beacons.js";
import { bindAddButtons, keepQueryInLanguageLinks } from "./list.js";
import { countyNames, pagefindOver, partitionKeys, searchedCounties } from "./partitions.js";
import { isEmpty, pagefindFilters, stateFromParams, urlFromState } from "./search-state.js";
import { site } from "./site.js";
import {
  correctableWords, correctQuery, fold, knownCorrection, knownIn, normalise, parseWordList, significantWords,
} from "./spelling.js";
import {
  appendResponses, isSynonymWord, labelWords, mergeResponses, namedCategories, namedValues, queryForms, rankNamedFirst,
} from "./synonyms.js";
import { format, pageLanguage, strings } from "./strings.js";

const PAGE_SIZE = 10;
// Pagefind (1.5) also ranks by matches in a page's metadata; the weights come from the page (only the title
// counts, so a provider called Svenska kyrkan is no match for "svenska" above a title that says it).
const SEARCH_OPTIONS = { excerptLength: 24, ranking: strings("search-ranking") };
const TYPING_DELAY_MS = 300;
// A search counts for the statistics when it is submitted, or when typing has paused this long.
const SETTLE_DELAY_MS = 1000;
// Fewer results than this, and the corrected query is tried.
const FEW_RESULTS = 3;

const text = strings("search-strings");
const partitions = strings("search-partitions");
const misspellings = strings("search-misspellings");
const synonymSetup = strings("search-synonyms");
const synonymGroups = synonymSetup.groups || [];
const presentSynonyms = new Set(synonymSetup.present || []);
const namedProviders = synonymSetup.providers || [];
// The other interface languages' word lists, for a query typed in one of them (English on the Swedish page).
// [{ lang: "en", name: "engelska", script: "Latin", words: "/en/sok/ordlista.json", search: "/en/sok/",
//    categories: [[slug, label], ...] }, ...]
const otherLanguages = strings("search-languages");
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const correction = document.getElementById("search-correction");
const otherLanguage = document.getElementById("search-other-language");
const list = document.getElementById("results");
const more = document.getElementById("more-results");
const regionLine = document.getElementById("search-region");
const regionChoice = document.getElementById("lan");
const filterGroups = [...form.querySelectorAll("[data-filter]")];
const filterKeys = filterGroups.map((group) => group.dataset.filter);
// Pagefind counts every filter it has loaded over every result of every search: with all of them loaded
// (pagefind.filters(), which also loads /for-mig/'s age, months and status bands and the providers), a word in
// most entries took 3-4 times as long as its ranking alone. So a filter is loaded only when its group is open
// (its counts are seen) or a search uses it, and the counts of a group that is opened later follow.
let countedKeys = new Set(); // the filters whose counts are on the page
// The categories' labels on the page (the checkboxes of the category filter), for synonyms.js.
const categoryLabels = labelWords([...form.querySelectorAll(`[data-filter="${site.filters.category}"] input`)]
  .map((box) => [box.value, box.labels[0].firstChild.textContent]));

let pagefind;
let searchedKeys = [];
let search = { results: [], shown: 0 };
let generation = 0;
let typingTimer;
let settleTimer;
let latest = Promise.resolve(null); // the outcome of the latest search: { state, count, corrected } or null
let displayed = null; // the outcome whose results are on the page
let lastLogged = null;
let searchesDecided = 0;
let searchesLogged = 0;
let wordCounts = null;
const otherCounts = new Map(); // language -> Promise of its word counts (or null)

// The catalogue's words (sok/ordlista.json), fetched the first time a search fails.
function loadWordCounts() {
  if (!wordCounts) {
    wordCounts = fetchWordList(form.dataset.wordList)
      .catch(() => {
        wordCounts = null; // try again on the next failed search
        return null;
      });
  }
  return wordCounts;
}

function languageInfo(lang) {
  return otherLanguages.find((other) => other.lang === lang);
}

function fetchWordList(url) {
  return fetch(url)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.statusText))))
    .then(parseWordList);
}

// Another interface language's words, fetched the first time a search fails.
function loadOtherCounts(lang) {
  if (!otherCounts.has(lang)) {
    otherCounts.set(lang, fetchWordList(languageInfo(lang).words).catch(() => {
      otherCounts.delete(lang);
      return null;
    }));
  }
  return otherCounts.get(lang);
}

// The interface language the query's words belong to when they are not the page's: every word is known in
// that language's list and at least one is unknown in the page's. Null when there is none.
async function foreignLanguageOf(query, ownCounts) {
  const words = correctableWords(query).filter((word) => !isSynonymWord(word, synonymGroups));
  if (!words.length || !ownCounts || words.every((word) => knownIn(word, ownCounts))) return null;
  const script = /\p{Script=Arabic}/u.test(query) ? "Arabic" : "Latin";
  for (const { lang } of otherLanguages.filter((other) => other.script === script)) {
    const counts = await loadOtherCounts(lang);
    if (counts && words.every((word) => knownIn(word, counts))) return lang;
  }
  return null;
}

// The Pagefind bundles of the state's region (partitions.js), merged; says on the page what is searched.
async function usePagefind(state) {
  const counties = searchedCounties(partitions, state.region, state.filters[site.filters.municipality] || []);
  const keys = partitionKeys(partitions, counties);
  const instance = await pagefindOver(partitions, keys, SEARCH_OPTIONS);
  showRegion(counties);
  document.body.dataset.searchPartitions = keys.join(" ");
  searchedKeys = keys;
  return instance;
}

// The query and its synonym forms searched together, the results merged, the entries of the provider and the
// categories the query names first. A query of several words that finds less than a page is followed by what
// its words find one by one ("språkcafé nacka": Nacka's language café first, then the other language cafés),
// ranked below every entry that has all the words.
async function searchForms(instance, query, filters, labels = categoryLabels) {
  await loadOpenFilters(instance, query);
  const named = namedFilters(query, labels);
  const found = await searchNamedFirst(instance, query, filters, named);
  const words = query ? correctableWords(query) : [];
  if (!found || found.results.length >= PAGE_SIZE) return found;
  let all = found;
  if (words.length >= 2) {
    const single = await Promise.all(words.map((word) => searchNamedFirst(instance, word, filters, named)));
    all = appendResponses(all, mergeResponses(single));
  }
  // A query that names a category and still finds less than a page is followed by the category's other entries
  // ("föräldrastöd": the parenting groups that do not use the word), unless the reader chose categories.
  const category = named[1];
  if (!category || filters[site.filters.category] || all.results.length >= PAGE_SIZE) return all;
  return appendResponses(all, await instance.search(null, { filters: { ...filters, ...category } }));
}

// The filter groups open on the page, whose counts are seen.
function openFilterKeys() {
  return filterGroups.filter((group) => group.open).map((group) => group.dataset.filter);
}

// The open groups' filters, loaded with the query's words (Pagefind loads each file once per instance); none
// when every group is closed, as on a phone, where the filters are folded.
async function loadOpenFilters(instance, query) {
  const keys = openFilterKeys();
  if (!keys.length) return;
  await instance.preload(query || form.dataset.everyEntryWord, { filters: Object.fromEntries(keys.map((key) => [key, []])) });
}

// The number of entries per value of the open groups' filters in the region searched (every entry page has
// one hidden word, EVERY_ENTRY_WORD in views.py); nothing to count while every group is closed.
async function filterTotals(instance) {
  if (!openFilterKeys().length) return {};
  await loadOpenFilters(instance, null);
  const everything = await instance.search(form.dataset.everyEntryWord);
  return everything.filters;
}

// A group opened after the search on the page: the same search counted again with its filter loaded.
async function countOpenGroups() {
  if (!pagefind || openFilterKeys().every((key) => countedKeys.has(key))) return;
  const current = generation;
  const state = displayed ? { ...displayed.state, query: displayed.corrected || displayed.state.query } : stateFromUrl();
  const counts = isEmpty(state) ? await filterTotals(pagefind)
    : (await searchForms(pagefind, state.query, pagefindFilters(state))).filters;
  if (current === generation) showFilterCounts(counts);
}

// The provider and the categories the query names (synonyms.js), as filters: [provider, categories], each
// null when nothing is named. Read from the page, so a query that names none costs no request.
function namedFilters(query, labels) {
  if (!query) return [null, null];
  const forms = [normalise(query), ...queryForms(query, synonymGroups)];
  const filter = (key, values) => (values.length ? { [key]: { any: values } } : null);
  return [filter(site.filters.provider, namedValues(forms, namedProviders)),
    filter(site.filters.category, namedCategories(forms, labels))];
}

// The query's results with the named provider's, then the named categories' entries first: the query searched
// again within each named filter (the same words' index, and that filter's).
async function searchNamedFirst(instance, query, filters, named) {
  const within = (filter) => (filter ? searchEveryForm(instance, query, { ...filters, ...filter }) : null);
  const [found, ...narrowed] = await Promise.all([searchEveryForm(instance, query, filters), ...named.map(within)]);
  const ids = (response) => new Set(response ? response.results.map((result) => result.id) : []);
  return rankNamedFirst(found, ...narrowed.map(ids));
}

async function searchEveryForm(instance, query, filters) {
  if (!query) return instance.search(null, { filters });
  const others = queryForms(query, synonymGroups, presentSynonyms);
  // A typed synonym that no entry uses ("svenskkurs") is searched only through the words its group's entries use.
  const typed = normalise(query);
  const unused = others.length && synonymGroups.some((group) => group.includes(typed)) && !presentSynonyms.has(typed);
  const forms = unused ? others : [query, ...others];
  const responses = await Promise.all(forms.map((form) => instance.search(form || null, { filters })));
  return mergeResponses(responses);
}

function showRegion(counties) {
  if (counties === null) {
    regionLine.textContent = text.searchesEverywhere;
    return;
  }
  const names = counties.length ? countyNames(partitions, counties, pageLanguage) : "";
  const searched = !names ? text.searchesShared
    : partitions.national ? format(text.searchesInAndShared, { region: names }) : format(text.searchesIn, { region: names });
  regionLine.textContent = partitions.counties.length > 1 ? `${searched} ${text.widen}` : searched;
}

function stateFromForm() {
  return stateFromParams(new FormData(form), filterKeys);
}

function stateFromUrl() {
  return stateFromParams(new URLSearchParams(window.location.search), filterKeys);
}

function showState(state) {
  input.value = state.query;
  if (regionChoice) regionChoice.value = state.region;
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

// The counts beside the filters; none beside a filter that was not counted (a closed group), never a wrong 0.
function showFilterCounts(counts) {
  countedKeys = new Set(Object.keys(counts || {}));
  for (const group of filterGroups) {
    const values = counts[group.dataset.filter];
    for (const box of group.querySelectorAll("input[type=checkbox]")) {
      box.parentElement.querySelector("[data-count]").textContent = values ? `(${values[box.value] || 0})` : "";
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
  if (data.meta.id) item.dataset.id = data.meta.id;
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
  if (data.meta.overdue) {
    // Past its review date: say so on the result, as the entry page does.
    const badge = document.createElement("span");
    badge.className = "badge badge-overdue";
    badge.textContent = text.overdue;
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

// `template` ("Menade du {corrected}?") as nodes, with `nodes` in place of its {names}.
function fill(template, nodes) {
  return template.split(/\{(\w+)\}/).map((part, index) => (index % 2 ? nodes[part] : document.createTextNode(part)));
}

// A query's words, isolated from the direction of the text around them (a Swedish word on an Arabic page).
function isolated(query) {
  const words = document.createElement("bdi");
  words.textContent = query;
  return words;
}

function searchLink(state) {
  const link = document.createElement("a");
  link.href = urlFromState(state);
  link.append(isolated(state.query));
  return link;
}

// "Visar resultat för svenska / Sök i stället efter svenks", or "Menade du svenska?", or nothing.
function showCorrection(state, corrected, suggestion) {
  correction.replaceChildren();
  correction.hidden = !corrected && !suggestion;
  if (corrected) {
    const showing = document.createElement("span");
    const searched = document.createElement("strong");
    searched.append(isolated(corrected));
    showing.append(...fill(text.showingFor, { corrected: searched }));
    const instead = document.createElement("span");
    instead.append(...fill(text.insteadFor, { query: searchLink({ ...state, exact: true }) }));
    correction.append(showing, document.createElement("br"), instead);
  } else if (suggestion) {
    correction.append(...fill(text.didYouMean, { corrected: searchLink({ ...state, query: suggestion, exact: false }) }));
  }
}

// "Visar också träffar på engelska. Sök på den engelska sidan", or nothing.
function showOtherLanguage(state, lang) {
  otherLanguage.replaceChildren();
  otherLanguage.hidden = !lang;
  if (!lang) return;
  const link = document.createElement("a");
  const other = languageInfo(lang);
  link.href = `${other.search}?${new URLSearchParams({ [site.parameters.query]: state.query })}`;
  link.hreflang = lang;
  link.textContent = format(text.searchInLanguage, { language: other.name });
  otherLanguage.append(format(text.alsoInLanguage, { language: other.name }), " ", link);
}

// Whether a word of the query is not in the index at all. Pagefind then searches for the longest
// indexed word the typed one starts with ("bibliotk" finds the letter "B", "19121212" the digit "1"),
// which only looks like a result. A word counts as found when the best result has a word that starts
// with it (still typing: "bibli") or when Pagefind finds it as a word of its own (stemmed: "kurserna"
// finds "kursen").
async function hasUnknownWord(query, found) {
  const words = significantWords(query);
  if (!words.length || !found.results.length) return false;
  const best = await found.results[0].data();
  const content = best.content.split(/\s+/);
  const matched = best.locations.map((location) => fold(content[location] || ""));
  for (const word of words) {
    if (matched.some((match) => match.startsWith(fold(word)))) continue;
    const exact = await pagefind.search(`"${word}"`);
    if (exact && exact.results.length === 0) return true;
  }
  return false;
}

// The first page's fragments, requested together as soon as the results are known: hasUnknownWord reads the
// best one first, and showMore would otherwise wait for it before asking for the others (Pagefind keeps each
// fragment it loads, so they are fetched once).
function prefetchFirstPage(found) {
  if (!found) return;
  for (const result of found.results.slice(0, PAGE_SIZE)) result.data().catch(() => null);
}

// Pagefind's results for the state, or for its corrected query when the typed one finds (almost) nothing
// and the correction finds more. With `exact`, the correction is only offered ("Menade du ...?").
async function searchWithCorrection(state, isCurrent) {
  const filters = pagefindFilters(state);
  let found = await searchForms(pagefind, state.query, filters);
  prefetchFirstPage(found);
  // A query of numbers alone ("19121212-1212") has no words, and is not a query of synonyms.
  const words = correctableWords(state.query);
  const synonymsOnly = words.length > 0 && words.every((word) => isSynonymWord(word, synonymGroups));
  if (found && state.query && !synonymsOnly && await hasUnknownWord(state.query, found)) {
    found = { results: [], filters: {} };
  }
  const none = { found, corrected: null, suggestion: null, foreign: null };
  if (!found || !state.query || !isCurrent()) return none;
  const typed = normalise(state.query);
  if (found.results.length >= FEW_RESULTS) {
    const known = knownCorrection(state.query, misspellings);
    return { ...none, suggestion: known !== typed ? known : null };
  }
  const counts = await loadWordCounts();
  // Words of another interface language are searched in that language's index, never "corrected" into
  // a Swedish word that looks like them ("swedish" is not "swish").
  const foreign = await foreignLanguageOf(state.query, counts);
  if (foreign && isCurrent()) {
    const instance = await pagefindOver(partitions, searchedKeys, SEARCH_OPTIONS, foreign);
    const other = await searchForms(instance, state.query, filters, labelWords(languageInfo(foreign).categories));
    if (other && other.results.length) return { ...none, found: mergeResponses([found, other]), foreign };
    return none;
  }
  const corrected = correctQuery(state.query, misspellings, counts);
  if (corrected === typed || !isCurrent()) return none;
  const better = await searchForms(pagefind, corrected, filters);
  if (!better || better.results.length <= found.results.length) return none;
  return state.exact ? { ...none, suggestion: corrected } : { found: better, corrected, suggestion: null };
}

async function run(state) {
  const current = ++generation;
  const isCurrent = () => current === generation;
  list.setAttribute("aria-busy", "true");
  const instance = await usePagefind(state);
  if (!isCurrent()) return null;
  pagefind = instance;
  if (isEmpty(state)) {
    const totals = await filterTotals(pagefind);
    if (!isCurrent()) return null;
    search = { results: [], shown: 0 };
    displayed = null;
    list.replaceChildren();
    more.hidden = true;
    showFilterCounts(totals);
    showCorrection(state, null, null);
    showOtherLanguage(state, null);
    status.textContent = text.prompt;
    list.removeAttribute("aria-busy");
    return null;
  }
  const { found, corrected, suggestion, foreign } = await searchWithCorrection(state, isCurrent);
  if (!isCurrent() || !found) return null;
  search = { results: found.results, shown: 0 };
  const count = found.results.length;
  displayed = { state, count, corrected };
  list.replaceChildren();
  showFilterCounts(found.filters);
  showCorrection(state, corrected, suggestion);
  showOtherLanguage(state, foreign);
  await showMore(false);
  if (!isCurrent()) return null;
  const query = corrected || state.query;
  status.textContent = count === 0 ? text.none
    : query ? format(text.countFor, { query, count }) : format(text.count, { count });
  list.removeAttribute("aria-busy");
  return displayed;
}

// --- statistics -------------------------------------------------------------------------------------

function record(outcome) {
  if (!outcome) return;
  const signature = searchSignature(outcome.state, outcome.corrected);
  // The same search again (typed, then submitted) counts once.
  if (signature !== lastLogged) {
    lastLogged = signature;
    logSearch({ ...outcome, lang: pageLanguage });
    searchesLogged += 1;
  }
  // The page's state, which tests wait on: settled searches decided on, and how many of them were logged.
  searchesDecided += 1;
  Object.assign(document.body.dataset, { searchesDecided, searchesLogged });
}

// Record the latest search once it has finished (and unless a newer one replaced it).
function recordLatest() {
  window.clearTimeout(settleTimer);
  settleTimer = undefined;
  const searched = latest;
  searched.then((outcome) => {
    if (searched === latest) record(outcome);
  });
}

// A search on the page that has not been recorded yet (typing paused less than SETTLE_DELAY_MS ago)
// is recorded before a click on its results or before the page is left.
function recordPending() {
  if (settleTimer === undefined) return;
  window.clearTimeout(settleTimer);
  settleTimer = undefined;
  record(displayed);
}

function recordClick(event) {
  if (event.type === "auxclick" && event.button !== 1) return; // the middle button opens a tab
  const link = event.target.closest("a");
  const item = link && link.closest("#results > li");
  if (!item || !item.dataset.id || !displayed) return;
  recordPending();
  logClick({ query: displayed.state.query, id: item.dataset.id, position: [...list.children].indexOf(item) + 1 });
}

// The page was opened by following a link or a form (the start page's search box), not by reloading or
// going back to it.
function openedAnew() {
  const [navigation] = performance.getEntriesByType("navigation");
  return !navigation || navigation.type === "navigate";
}

// --- navigation -------------------------------------------------------------------------------------

function go(state, how, { recordIt = false } = {}) {
  const url = urlFromState(state);
  if (url !== window.location.pathname + window.location.search) {
    window.history[how === "push" ? "pushState" : "replaceState"](null, "", url);
    keepQueryInLanguageLinks();
  }
  showSelectedCounts();
  latest = run(state);
  if (recordIt) recordLatest();
  return latest;
}

function bind() {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    go(stateFromForm(), "push", { recordIt: true });
  });
  input.addEventListener("input", () => {
    window.clearTimeout(typingTimer);
    window.clearTimeout(settleTimer);
    typingTimer = window.setTimeout(() => go(stateFromForm(), "replace"), TYPING_DELAY_MS);
    settleTimer = window.setTimeout(recordLatest, SETTLE_DELAY_MS);
  });
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox" || event.target === regionChoice) go(stateFromForm(), "push", { recordIt: true });
  });
  form.querySelector("[data-clear]").addEventListener("click", (event) => {
    event.preventDefault();
    showState({ query: "", filters: {}, region: "" });
    go({ query: "", filters: {}, region: "" }, "push");
    input.focus();
  });
  correction.addEventListener("click", (event) => {
    const link = event.target.closest("a");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    recordPending(); // the search whose correction was followed
    const state = stateFromParams(new URL(link.href).searchParams, filterKeys);
    showState(state);
    go(state, "push", { recordIt: true });
    input.focus();
  });
  list.addEventListener("click", recordClick);
  list.addEventListener("auxclick", recordClick);
  window.addEventListener("pagehide", recordPending);
  more.addEventListener("click", () => showMore(true));
  for (const group of filterGroups) {
    // After the search under way, which counts the groups open when it started.
    group.addEventListener("toggle", () => {
      if (group.open) latest.then(countOpenGroups);
    });
  }
  window.addEventListener("popstate", () => {
    const state = stateFromUrl();
    keepQueryInLanguageLinks();
    showState(state);
    latest = run(state);
  });
}

async function start() {
  form.hidden = false;
  document.getElementById("filters").open = window.matchMedia("(min-width: 52rem)").matches;
  const state = stateFromUrl();
  showState(state);
  bind();
  try {
    await usePagefind(state);
  } catch (error) {
    status.textContent = text.failed;
    throw error;
  }
  latest = run(state);
  if (openedAnew()) recordLatest();
  await latest;
  document.body.dataset.searchReady = "1";
}

start();
