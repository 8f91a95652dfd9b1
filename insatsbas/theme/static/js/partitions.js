// The search index is partitioned (insatsbas/site/partitions.py): one Pagefind bundle per county
// (/pagefind/lan-01/) and one for entries open to residents of more than one county (/pagefind/riket/).
// A search loads the bundles of its region and merges them (Pagefind's mergeIndex):
//   ?lan=alla                      every bundle ("hela landet", slower: one index per county)
//   ?lan=<county> and/or kommun=   the chosen county and the counties of the chosen municipalities
//   otherwise                      the home county (the one with most entries, chosen at build time)
// always with the national bundle, when there is one.

let pagefindModule;
const instances = new Map();

function countyKey(setup, code) {
  return setup.countyPrefix + code;
}

// The county codes a search covers (null for every county), from the region and the municipality filter.
export function searchedCounties(setup, region, municipalities = []) {
  if (region === setup.everywhere) return null;
  const existing = new Set(setup.counties.map(([code]) => code));
  const chosen = new Set(municipalities.map((slug) => setup.municipalities[slug]).filter(Boolean));
  if (region && existing.has(region)) chosen.add(region);
  if (!chosen.size && setup.home) chosen.add(setup.home);
  return [...chosen].filter((code) => existing.has(code)).sort();
}

// The bundles to load for those counties.
export function partitionKeys(setup, counties) {
  const codes = counties === null ? setup.counties.map(([code]) => code) : counties;
  const keys = codes.map((code) => countyKey(setup, code));
  if (setup.national) keys.push(setup.national);
  return keys;
}

// Nothing to search (a county without entries and no national bundle): no results, no filter counts.
const NOTHING = {
  search: async () => ({ results: [], filters: {}, unfilteredResultCount: 0 }),
  preload: async () => {},
  filters: async () => ({}),
};

// Pagefind picks a bundle's index by the page's <html lang> when an instance is created, and takes no
// language option there; an instance over another language's index (an English query on the Swedish page)
// is created with the attribute set to that language for the moment of the (synchronous) call.
function createInLanguage(module, options, language) {
  const html = document.documentElement;
  const own = html.getAttribute("lang");
  if (!language || language === own) return module.createInstance(options);
  html.setAttribute("lang", language);
  try {
    return module.createInstance(options);
  } finally {
    html.setAttribute("lang", own);
  }
}

// One Pagefind instance over the bundles, created once per set of bundles and language (the page's unless
// `language` is given). The script, its worker and the WebAssembly come from the first bundle loaded; each
// merged bundle adds its entry file, metadata and index.
export function pagefindOver(setup, keys, options = {}, language = null) {
  if (!keys.length) return Promise.resolve(NOTHING);
  const id = `${language || ""}:${keys.join(" ")}`;
  if (!instances.has(id)) {
    const created = (async () => {
      pagefindModule ??= import(`${setup.bundles}${keys[0]}/pagefind.js`);
      const module = await pagefindModule;
      const instance = createInLanguage(module, { basePath: `${setup.bundles}${keys[0]}/` }, language);
      await instance.options(options);
      await instance.init();
      const merged = language ? { ...options, language } : options;
      await Promise.all(keys.slice(1).map((key) => instance.mergeIndex(`${setup.bundles}${key}/`, merged)));
      return instance;
    })();
    created.catch(() => instances.delete(id)); // try again next time
    instances.set(id, created);
  }
  return instances.get(id);
}

// "Stockholms län och Uppsala län" in the page's language.
export function countyNames(setup, counties, lang) {
  const labels = new Map(setup.counties.map(([code, label]) => [code, label]));
  return new Intl.ListFormat(lang, { type: "conjunction" }).format(counties.map((code) => labels.get(code)));
}
