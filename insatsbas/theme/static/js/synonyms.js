// Query-time synonyms (catalogue/synonyms.yml, on the search page as JSON): "sfi" also searches "svenska för
// invandrare", "svenskkurs" ...; the results of every form of the query are merged, each entry once with
// its best score. Nothing is added to the entry pages, so an entry is found only by words it uses, and
// its snippet shows only its own text.

import { normalise } from "./spelling.js";

// At most this many other forms of a query are searched (a query with several synonyms multiplies them).
const MAX_FORMS = 12;

function escaped(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// `member` as a whole word or phrase in `text`.
function wholeWords(member) {
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped(member)}(?=$|[^\\p{L}\\p{N}])`, "u");
}

// Pagefind finds a typed word by its beginning ("vux" finds "vuxna"), so a short synonym inside a longer
// query would find too much; it is searched only as the whole query, and then as an exact word.
const MIN_INNER_LENGTH = 4;

function isShortOrPhrase(word) {
  return word.includes(" ") || [...word].length < MIN_INNER_LENGTH;
}

// The other forms of `query`: each group member it uses replaced by each other member of its group that the
// entries use (`present`; a word no entry has would be searched as the start of another word). A
// query that is a member searches the others, phrases and short ones exactly (in quotes: "svenska för
// invandrare" as a phrase, "vux" as a word); inside a longer query only members of one word of at least
// MIN_INNER_LENGTH letters stand in.
export function queryForms(query, groups, present = null) {
  const typed = normalise(query);
  const forms = new Set();
  for (const group of groups) {
    for (const member of group) {
      const pattern = wholeWords(member);
      if (!pattern.test(typed)) continue;
      for (const other of group) {
        if (other === member || (present && !present.has(other))) continue;
        if (typed === member) forms.add(isShortOrPhrase(other) ? `"${other}"` : other);
        else if (!isShortOrPhrase(other)) {
          forms.add(typed.replace(pattern, (_, before) => `${before}${other}`));
        }
      }
    }
  }
  forms.delete(typed);
  return [...forms].slice(0, MAX_FORMS);
}

// Whether `word` is a member (or a word of a member) of a group: a word the search knows.
export function isSynonymWord(word, groups) {
  const typed = normalise(word);
  return groups.some((group) => group.some((member) => member === typed || member.split(" ").includes(typed)));
}

// Pagefind responses merged: every result once, with its best score, best first; the filter counts of the
// response with the most results (exact counts would need every result's data).
export function mergeResponses(responses) {
  const found = responses.filter(Boolean);
  if (found.length <= 1) return found[0] || null;
  const best = new Map();
  for (const response of found) {
    for (const result of response.results) {
      const known = best.get(result.id);
      if (!known || result.score > known.score) best.set(result.id, result);
    }
  }
  const widest = found.reduce((a, b) => (b.results.length > a.results.length ? b : a));
  return { ...widest, results: [...best.values()].sort((a, b) => b.score - a.score) };
}

// `first`'s results, then those of `then` that `first` does not have, each part best first.
export function appendResponses(first, then) {
  if (!then) return first;
  const seen = new Set(first.results.map((result) => result.id));
  return { ...first, results: [...first.results, ...then.results.filter((result) => !seen.has(result.id))] };
}

// --- what the query names comes first ----------------------------------------------------------------
// Pagefind ranks by where a word is (the title above the category label),
// so for "svenska" a title that merely says the word outranks an SFI course, whose category is "SFI – svenska
// för invandrare"; and "af" (Arbetsförmedlingen) finds the pages that mention the agency before its own
// entries, since a provider's name is weighted lowest. So, among the results the query found:
//   1. the entries of the provider the whole query (or one of its synonym forms) names, then
//   2. the entries in a category whose label has a word of the query (or of a synonym form), then
//   3. the rest, each part in Pagefind's order.
// The categories are the category filter's values, with their labels on the page; the providers are those whose
// name is a member of a synonym group (also on the page), so "af" names Arbetsförmedlingen.

const WORDS = /[\p{L}\p{N}]+/gu;
// Shorter query words name nothing inside a longer query ("i", "på"); a word this long or longer may name a
// label word it begins, as Pagefind finds a typed word by its beginning ("mentor" names "Mentorskap").
const MIN_WORD = 3;
const MIN_PREFIX = 4;
// The tiers as score factors, so that merged responses (the query's forms, another language's index) keep them.
const PROVIDER_TIER = 1e6;
const CATEGORY_TIER = 1e3;

function words(text) {
  return normalise(text).match(WORDS) || [];
}

// [[value, label], ...] -> [[value, Set of the label's own words]]: a word that several labels share ("och",
// "and") says nothing about which category is meant.
export function labelWords(labels) {
  const uses = new Map();
  const split = labels.map(([value, label]) => [value, new Set(words(label))]);
  for (const [, set] of split) for (const word of set) uses.set(word, (uses.get(word) || 0) + 1);
  return split.map(([value, set]) => [value, new Set([...set].filter((word) => uses.get(word) === 1))]);
}

// A label word this long or longer names a query word it begins: a compound is about its first part
// ("föräldraskapsstöd" names "Föräldraskap och familj"); shorter ones ("för") begin too many words.
const MIN_HEAD = 5;

function namesWord(typed, own) {
  const length = [...typed].length;
  if (length < MIN_WORD) return false;
  return own.has(typed) || [...own].some((word) => (length >= MIN_PREFIX && word.startsWith(typed))
    || ([...word].length >= MIN_HEAD && typed.startsWith(word)));
}

// The category values whose label has a word of one of the query's forms.
export function namedCategories(forms, labels) {
  const typed = new Set(forms.flatMap(words));
  return labels.filter(([, own]) => [...typed].some((word) => namesWord(word, own))).map(([value]) => value);
}

// The values (providers' names) that one of the query's forms names as a whole.
export function namedValues(forms, values) {
  const typed = new Set(forms.map((form) => normalise(form.replace(/"/g, ""))));
  return values.filter((value) => typed.has(normalise(value)));
}

// `response` with the results in `providerIds` first, then those in `categoryIds`, each part in score order.
export function rankNamedFirst(response, providerIds, categoryIds) {
  if (!response || (!providerIds.size && !categoryIds.size)) return response;
  const tier = (id) => (providerIds.has(id) ? PROVIDER_TIER : categoryIds.has(id) ? CATEGORY_TIER : 1);
  const results = response.results.map((result) => ({ ...result, score: result.score * tier(result.id) }));
  return { ...response, results: results.sort((a, b) => b.score - a.score) };
}
