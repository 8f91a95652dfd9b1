// /for-mig/: four questions, the answers in the URL (shareable, back button, nothing stored), and the
// entries that apply now, grouped by category, from filter-only Pagefind queries; then "Senare", what
// starts or stops applying within twelve months.

import { logProfile } from "./beacons.js";
import { bindAddButtons, keepQueryInLanguageLinks } from "./list.js";
import { pagefindOver, partitionKeys, searchedCounties } from "./partitions.js";
import { LATER_MONTHS, filtersFor, laterChanges, laterQueries, readAnswers, urlFromProfile } from "./for-me-rules.js";
import { format, pageLanguage, strings } from "./strings.js";

const setup = strings("for-me-setup");
const text = strings("for-me-strings");
const app = document.getElementById("for-me");
const form = document.getElementById("for-me-form");
const questions = document.getElementById("questions");
const lead = document.getElementById("for-me-lead");
const answersLine = document.getElementById("answers");
const now = document.getElementById("now");
const nowHeading = document.getElementById("now-heading");
const nowStatus = document.getElementById("now-status");
const groups = document.getElementById("now-groups");
const groupNav = document.getElementById("now-nav");
const later = document.getElementById("later");
const laterIntro = document.getElementById("later-intro");
const laterList = document.getElementById("later-list");
const laterHint = document.getElementById("later-hint");
const categoryLabels = new Map(setup.categories);
const categoryOrder = setup.categories.map(([slug]) => slug);
const collator = new Intl.Collator(pageLanguage);
// Changes at a birthday are listed after the ones counted in months.
const AFTER_ALL_MONTHS = LATER_MONTHS + 1;

let generation = 0;

// The search index partitions of the municipality's county and of entries open in several counties.
function pagefind(profile) {
  const keys = partitionKeys(setup.partitions, searchedCounties(setup.partitions, "", [profile.kommun]));
  document.body.dataset.searchPartitions = keys.join(" ");
  return pagefindOver(setup.partitions, keys);
}

// The word every entry page carries, with the filters: the same pages as a filter-only search, but Pagefind
// loads one chunk of the word index instead of all of them.
async function find(profile, filters) {
  const found = await (await pagefind(profile)).search(setup.everyEntryWord, { filters });
  return found.results;
}

function element(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

// --- the form -------------------------------------------------------------------------------------

function fillForm(params) {
  for (const radio of form.elements.status) radio.checked = radio.value === params.get("status");
  form.elements.alder.value = params.get("alder") || "";
  form.elements.kommun.value = params.get("kommun") || "";
  form.elements.manader.value = params.get("manader") || "";
}

function showErrors(errors) {
  for (const message of form.querySelectorAll("[data-error-for]")) {
    const key = message.dataset.errorFor;
    message.textContent = errors[key] ? text[errors[key]] : "";
    message.hidden = !errors[key];
    const fields = key === "status" ? [...form.elements.status] : [form.elements[key]];
    for (const field of fields) {
      if (errors[key]) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    }
  }
}

function firstInvalid(errors) {
  if (errors.status) return form.elements.status[0];
  return ["alder", "kommun", "manader"].filter((key) => errors[key]).map((key) => form.elements[key])[0];
}

function describeAnswers(profile) {
  const status = profile.status === "annat" ? text.otherStatus
    : form.querySelector(`label[for="status-${profile.status}"]`).textContent;
  const parts = [status, format(text.age, { age: profile.age }),
    form.querySelector(`#kommun option[value="${profile.kommun}"]`).textContent];
  if (profile.months !== null) parts.push(format(text.months, { months: profile.months }));
  answersLine.replaceChildren(element("strong", "", text.answers), ` ${parts.join(" · ")}`);
  answersLine.hidden = false;
}

// --- results --------------------------------------------------------------------------------------

// Entries not yet translated are shown in Swedish; say so to screen readers and hyphenation.
function inTextLanguage(node, data) {
  if (data.meta.textlang && data.meta.textlang !== pageLanguage) {
    node.lang = data.meta.textlang;
    node.dir = "ltr";
  }
  return node;
}

function card(data) {
  const item = element("li", "card");
  const heading = element("h4", "card-title");
  const link = inTextLanguage(element("a", "", data.meta.title), data);
  link.href = data.url;
  heading.append(link);
  if (data.meta.kon === "women" || data.meta.kon === "men") {
    heading.append(" ", element("span", "badge badge-gender", text[data.meta.kon]));
  }
  item.append(heading);
  if (data.meta.summary) item.append(inTextLanguage(element("p", "", data.meta.summary), data));
  if (data.meta.villkor) item.append(element("p", "card-rule", data.meta.villkor));
  if (data.meta.where) item.append(element("p", "card-meta", data.meta.where));
  const button = element("button", "button button-secondary add-to-list");
  button.type = "button";
  button.dataset.addToList = data.meta.id;
  button.dataset.title = data.meta.title;
  item.append(button);
  return item;
}

function showGroups(entries) {
  const byCategory = new Map();
  for (const data of entries) {
    const category = data.meta[setup.filters.category];
    const key = categoryLabels.has(category) ? category : "";
    if (!byCategory.has(key)) byCategory.set(key, []);
    byCategory.get(key).push(data);
  }
  const sections = [];
  for (const slug of [...categoryOrder, ""]) {
    const members = byCategory.get(slug);
    if (!members) continue;
    members.sort((a, b) => collator.compare(a.meta.title, b.meta.title));
    const section = element("section", "category-group");
    const heading = element("h3", "", categoryLabels.get(slug) || "");
    heading.id = `group-${slug || "other"}`;
    heading.append(" ", element("span", "count", `(${members.length})`));
    section.setAttribute("aria-labelledby", heading.id);
    const list = element("ul", "cards");
    list.append(...members.map(card));
    section.append(heading, list);
    sections.push(section);
  }
  groups.replaceChildren(...sections);
  bindAddButtons(groups);
  groupNav.querySelector("ul").replaceChildren(...sections.map((section) => {
    const heading = section.querySelector("h3");
    const link = element("a", "", heading.textContent);
    link.href = `#${heading.id}`;
    const item = element("li");
    item.append(link);
    return item;
  }));
  groupNav.hidden = sections.length < 2;
}

function changeText(change) {
  if (change.months !== undefined) return (change.opens ? text.opensIn : text.endsIn)[change.months - 1];
  return format(change.opens ? text.opensAtAge : text.endsAtAge, { age: change.age });
}

async function showLater(profile, nowResults) {
  const queries = laterQueries(profile, setup);
  const resultsPerQuery = await Promise.all(queries.map((query) => find(profile, query.filters)));
  const byId = new Map([...nowResults, ...resultsPerQuery.flat()].map((result) => [result.id, result]));
  const nowIds = new Set(nowResults.map((result) => result.id));
  const changes = laterChanges(nowIds, queries, resultsPerQuery.map((results) => new Set(results.map((r) => r.id))));
  const items = await Promise.all([...changes].map(async ([id, change]) => ({ change, data: await byId.get(id).data() })));
  items.sort((a, b) => (a.change.months ?? AFTER_ALL_MONTHS) - (b.change.months ?? AFTER_ALL_MONTHS)
    || collator.compare(a.data.meta.title, b.data.meta.title));
  laterList.replaceChildren(...items.map(({ change, data }) => {
    const item = element("li");
    item.dataset.entry = data.meta.id;
    item.dataset.change = change.opens ? "opens" : "ends";
    const link = inTextLanguage(element("a", "", data.meta.title), data);
    link.href = data.url;
    item.append(link, " ", element("span", `change change-${item.dataset.change}`, changeText(change)));
    return item;
  }));
  laterIntro.textContent = items.length ? text.laterIntro : text.laterNone;
  laterIntro.hidden = !items.length && profile.months === null;
  laterHint.hidden = profile.months !== null;
  later.hidden = false;
}

// The statistics count a profile once per page, however often it is shown again (back, forward).
let lastLogged = null;

function countProfile(profile) {
  const signature = `${profile.kommun}|${profile.status}`;
  if (signature === lastLogged) return;
  lastLogged = signature;
  logProfile({ municipality: profile.kommun, status: profile.status, lang: pageLanguage });
}

async function run(profile, { focus }) {
  const current = ++generation;
  countProfile(profile);
  app.dataset.state = "loading";
  describeAnswers(profile);
  lead.hidden = true;
  questions.open = false;
  now.hidden = false;
  nowStatus.textContent = text.loading;
  groups.setAttribute("aria-busy", "true");
  try {
    const results = await find(profile, filtersFor(profile, setup));
    const entries = await Promise.all(results.map((result) => result.data()));
    if (current !== generation) return;
    showGroups(entries);
    nowStatus.textContent = entries.length ? format(text.count, { count: entries.length }) : text.none;
    groups.removeAttribute("aria-busy");
    if (focus) nowHeading.focus();
    await showLater(profile, results);
  } catch (error) {
    nowStatus.textContent = text.failed;
    app.dataset.state = "failed";
    throw error;
  }
  if (current === generation) app.dataset.state = "done";
}

function showForm() {
  generation++;
  answersLine.hidden = true;
  lead.hidden = false;
  questions.open = true;
  now.hidden = true;
  later.hidden = true;
  app.dataset.state = "form";
}

function showUrl({ focus }) {
  const params = new URLSearchParams(window.location.search);
  fillForm(params);
  const { profile, errors, asked } = readAnswers(params, setup);
  showErrors(asked ? errors : {});
  if (Object.keys(errors).length) showForm();
  else run(profile, { focus });
}

function bind() {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const { profile, errors } = readAnswers(new FormData(form), setup);
    showErrors(errors);
    if (Object.keys(errors).length) {
      firstInvalid(errors).focus();
      return;
    }
    const url = urlFromProfile(profile);
    if (url !== window.location.pathname + window.location.search) window.history.pushState(null, "", url);
    keepQueryInLanguageLinks();
    run(profile, { focus: true });
  });
  window.addEventListener("popstate", () => {
    keepQueryInLanguageLinks();
    showUrl({ focus: false });
  });
}

app.hidden = false;
bind();
showUrl({ focus: false });
