// The search as data: the URL (?q=svenska&kommun=haninge&kommun=nacka) <-> { query, filters, exact }.
// Pure functions, so the page, the back button and later features (beacons, "för mig") share them.
// `exact` (?exakt=1) searches the query as typed, without correcting its spelling; `region` (?lan=01,
// ?lan=alla) is the part of the country searched (partitions.js), empty for the default. The parameters'
// names are the site's contract (site.js).

import { site } from "./site.js";

const { query: QUERY, exact: EXACT, region: REGION } = site.parameters;

export function stateFromParams(params, filterKeys) {
  const filters = {};
  for (const key of filterKeys) {
    const values = [...new Set(params.getAll(key).flatMap((value) => value.split(",")).filter(Boolean))];
    if (values.length) filters[key] = values;
  }
  return {
    query: (params.get(QUERY) || "").trim(), filters, exact: params.get(EXACT) === "1", region: params.get(REGION) || "",
  };
}

export function paramsFromState(state) {
  const params = new URLSearchParams();
  if (state.query) params.set(QUERY, state.query);
  for (const [key, values] of Object.entries(state.filters)) {
    for (const value of values) params.append(key, value);
  }
  if (state.exact && state.query) params.set(EXACT, "1");
  if (state.region) params.set(REGION, state.region);
  return params;
}

export function urlFromState(state, path = window.location.pathname) {
  const query = paramsFromState(state).toString();
  return query ? `${path}?${query}` : path;
}

export function isEmpty(state) {
  return !state.query && Object.keys(state.filters).length === 0;
}

// Any of the chosen values within one filter, all filters together.
export function pagefindFilters(state) {
  const filters = {};
  for (const [key, values] of Object.entries(state.filters)) filters[key] = { any: values };
  return filters;
}
