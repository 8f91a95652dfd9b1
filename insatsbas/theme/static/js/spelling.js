// Spelling correction for the search page, in the browser: "svenks" -> "svenska", "bibliotk" -> "bibliotek".
//
// Two sources, both built from the catalogue: the known misspellings of catalogue/synonyms.yml (on the
// search page itself) and the word list of the catalogue's own words with the number of entries that
// use each (sok/ordlista.json, fetched only when a search finds (almost) nothing). A word is corrected
// to the list word that is closest and most used: edit distance (insert, delete, substitute, swap two
// neighbours) of at most 1 for words of four or five letters and 2 for longer ones, where a letter for
// its accented form (a for å or ä, o for ö, e for é, Arabic alef forms ...) costs half an edit, and
// every edit must be paid for with eight times as many entries, as in `insatsbas search`.

const MIN_LENGTH = 4;
const ACCENT_COST = 0.5;
const EDIT_PENALTY = Math.log(8);
const LETTERS = /\p{L}+/gu;
const NUMBERS = /\p{N}{4,}/gu;

// Letters and the base letter they are a variant of; a substitution within one base costs ACCENT_COST.
const BASE = new Map(Object.entries({
  å: "a", ä: "a", à: "a", á: "a", â: "a", æ: "a", ö: "o", ø: "o", ó: "o", ò: "o", ô: "o",
  é: "e", è: "e", ê: "e", ë: "e", ü: "u", ú: "u", ù: "u", û: "u", í: "i", ì: "i", ï: "i", î: "i",
  ç: "c", ñ: "n", ý: "y",
  "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ة": "ه", "ؤ": "و",
}));

function base(letter) {
  return BASE.get(letter) || letter;
}

function substitution(a, b) {
  if (a === b) return 0;
  return base(a) === base(b) ? ACCENT_COST : 1;
}

export function maxEdits(word) {
  const length = [...word].length;
  if (length < MIN_LENGTH) return 0;
  return length < 6 ? 1 : 2;
}

// Weighted optimal string alignment distance, or Infinity once it must exceed `limit`.
export function distance(typed, word, limit = 2) {
  const a = [...typed];
  const b = [...word];
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution(a[i - 1], b[j - 1]));
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        cost = Math.min(cost, before[j - 2] + 1);
      }
      current.push(cost);
      rowMinimum = Math.min(rowMinimum, cost);
    }
    if (rowMinimum > limit) return Infinity;
    before = previous;
    previous = current;
  }
  return previous[b.length] <= limit ? previous[b.length] : Infinity;
}

// The word list as built: { words: [[count, "word word ..."], ...] }, most used first.
export function parseWordList(data) {
  const counts = new Map();
  for (const [count, words] of data.words) {
    for (const word of words.split(" ")) counts.set(word, count);
  }
  return counts;
}

export function normalise(text) {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

// A word as Pagefind compares it by default: lower case, without accents or punctuation.
export function fold(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

// The words of a query that a correction may change: runs of letters, at least MIN_LENGTH long.
export function correctableWords(query) {
  return [...new Set(normalise(query).match(LETTERS) || [])].filter((word) => [...word].length >= MIN_LENGTH);
}

// The words and numbers of a query, at least MIN_LENGTH long, that must be in the index to be found.
export function significantWords(query) {
  return [...correctableWords(query), ...new Set(normalise(query).match(NUMBERS) || [])];
}

// Whether the list knows `word`: as a word, or as the beginning of one (Pagefind finds words by their beginning).
export function knownIn(word, counts) {
  const typed = normalise(word);
  if (counts.has(typed)) return true;
  for (const known of counts.keys()) if (known.startsWith(typed)) return true;
  return false;
}

// The best list word for `typed`, or null when the word is fine (in the list, or the start of a list
// word: Pagefind finds words by their beginning) or nothing is close enough.
export function correctWord(typed, counts) {
  if (counts.has(typed)) return null;
  const limit = maxEdits(typed);
  if (!limit) return null;
  let best = null;
  let bestScore = -Infinity;
  for (const [word, count] of counts) {
    if (word.startsWith(typed)) return null;
    const edits = distance(typed, word, limit);
    if (edits === Infinity) continue;
    const score = Math.log(count) - edits * EDIT_PENALTY;
    if (score > bestScore || (score === bestScore && word < best)) {
      best = word;
      bestScore = score;
    }
  }
  return best;
}

// The query with its known misspellings replaced (a whole phrase of the map first, then each word);
// the query itself when it has none.
export function knownCorrection(query, misspellings) {
  return correctQuery(query, misspellings, null);
}

// The query corrected from the known misspellings and then from the word list (`counts`, or null when
// it is not loaded): every word that is not in the catalogue is replaced by its best correction.
export function correctQuery(query, misspellings, counts) {
  const text = normalise(query);
  if (misspellings[text]) return misspellings[text];
  return text.replace(LETTERS, (word) => misspellings[word] || (counts && correctWord(word, counts)) || word);
}
