// Search statistics: the search page requests two tiny images from its own server, whose access log
// `insatsbas stats ingest` reads. Their addresses and parameter names are the site's contract (site.js). Nothing else is sent: no cookie, no identifier, no referrer, no other host.
//
//   /sok/logg.gif?q=<typed>&n=<results>&lang=<interface>&<filters>[&corrected=<searched>]   a settled search
//   /sok/klick.gif?q=<typed>&to=<entry id>&pos=<rank>                                        a click on a result
//   /sok/profil.gif?kommun=<municipality>&uppehallsstatus=<status>&lang=<interface>           a /for-mig/ profile
//   /sok/lista.gif?antal=<entries>&satt=utskrift|delning&lang=<interface>                     a handout used
//
// A profile sends its municipality and status only: never the age or the months in Sweden, which together
// with the municipality could single a person out.
//
// `_` only stops a browser or proxy from answering a repeated request from its cache (ingest ignores it).

import { paramsFromState } from "./search-state.js";
import { site } from "./site.js";

const { beacons, parameters, filters, handoutUses } = site;

// A GET that survives the page being left (keepalive), so a click is recorded without delaying the
// link. navigator.sendBeacon would POST, which an access log shows without its parameters.
function send(path, params) {
  params.set("_", Date.now().toString(36));
  fetch(`${path}?${params}`, {
    keepalive: true, credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer",
  }).catch(() => {});
}

export function searchSignature(state, corrected) {
  return JSON.stringify([state.query, state.filters, corrected || ""]);
}

export function logSearch({ state, count, corrected, lang }) {
  const params = new URLSearchParams({
    [parameters.query]: state.query, [parameters.results]: String(count), [parameters.language]: lang,
  });
  for (const [key, value] of paramsFromState({ query: "", filters: state.filters })) params.append(key, value);
  if (corrected) params.set(parameters.corrected, corrected);
  send(beacons.search, params);
}

export function logClick({ query, id, position }) {
  send(beacons.click, new URLSearchParams({
    [parameters.query]: query, [parameters.entry]: id, [parameters.position]: String(position),
  }));
}

export function logProfile({ municipality, status, lang }) {
  send(beacons.profile, new URLSearchParams({
    [filters.municipality]: municipality, [filters.residenceStatus]: status, [parameters.language]: lang,
  }));
}

// `use` is "print" or "share".
export function logHandout({ entries, use, lang }) {
  send(beacons.handout, new URLSearchParams({
    [parameters.entries]: String(entries), [parameters.handoutUse]: handoutUses[use], [parameters.language]: lang,
  }));
}
