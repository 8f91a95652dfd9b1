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
