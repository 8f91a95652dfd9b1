// The site's contract (insatsbas/urls.py): where pages and beacons are, and the names of filters and
// parameters. Every page carries it as JSON (`site-setup`, written by base.html), so no script keeps a copy.

import { strings } from "./strings.js";

export const site = strings("site-setup");

// "/" for Swedish, "/en/" for English.
export function languagePrefix(lang) {
  return site.languages[lang];
}
