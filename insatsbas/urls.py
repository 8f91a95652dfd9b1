"""The site's contract, defined once: where things are on the published site and in the output folder, the
language prefixes, the beacons the search page requests and the word lists it fetches, and the names of
the filters and parameters in its addresses.

The projections take their addresses from here (the database's `url` column, the site's pages, the open
data, the Whoosh hits, the reminders' links); the statistics read the beacons' requests by these names;
and the site's scripts read the same names from the setup JSON every page carries (`script_setup()`,
written by theme/templates/base.html), so that no script keeps a copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from insatsbas.model import UI_LANGUAGES

# The interface languages (insatsbas.model.UI_LANGUAGES): Swedish, English, Arabic, and the sample's largest
# newcomer groups' Dari, Somali, Tigrinya and Ukrainian (whose catalogues say a translator has not checked them).
LANGUAGES = UI_LANGUAGES
SOURCE_LANGUAGE = "sv"
RIGHT_TO_LEFT = frozenset({"ar", "prs"})

# The output folder: the database beside the site, and the open data under /data/.
DATABASE_NAME = "insatsbas.db"
DATA_DIR = "data"

# Pages, as language-neutral paths ("insats/a/b/"); `url()` puts a language's prefix before them.
ENTRY_DIR = "insats"
SEARCH_PAGE = "sok/"
LIST_PAGE = "lista/"
FOR_ME_PAGE = "for-mig/"

# What the search page requests beside Pagefind's files, in each language's /sok/ (the beacons only at /sok/).
# /for-mig/ and /lista/ send their beacons to the same folder: one place for the web server's rules.
SEARCH_BEACON = "sok/logg.gif"
CLICK_BEACON = "sok/klick.gif"
PROFILE_BEACON = "sok/profil.gif"  # a /for-mig/ profile shown: municipality and status only
HANDOUT_BEACON = "sok/lista.gif"  # a handout printed or its link copied: the number of entries
BEACONS = (SEARCH_BEACON, CLICK_BEACON, PROFILE_BEACON, HANDOUT_BEACON)
WORD_LIST = "sok/ordlista.json"

# For search engines, at the root: every page with its language alternates, and what not to crawl (the web editor,
# which insatsbas.editor.page publishes at /redigera/).
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
EDITOR_PAGE = "redigera/"

# Filters: each is a Pagefind filter on the entry pages, a parameter of /sok/'s address and of the search
# beacon, and (with a vocabulary) the first part of the browse pages' paths (/kommun/huddinge/).
MUNICIPALITY = "kommun"
CATEGORY = "kategori"
TARGET_GROUP = "malgrupp"
LANGUAGE = "sprak"
FREE = "avgiftsfri"
FREE_VALUE = "ja"
# The provider's name: a Pagefind filter on the entry pages (not shown on /sok/).
PROVIDER = "anordnare"
# /for-mig/'s filters: on the entry pages, but neither on /sok/ nor in the statistics.
RESIDENCE_STATUS = "uppehallsstatus"
AGE = "alder"
MONTHS = "manader"
# The filters a search beacon carries, and the one that is yes or no.
TERM_FILTERS = (MUNICIPALITY, CATEGORY, TARGET_GROUP, LANGUAGE)

# Parameters of /sok/'s address and of the beacons.
QUERY = "q"
RESULTS = "n"
INTERFACE_LANGUAGE = "lang"
CLICKED_ENTRY = "to"
POSITION = "pos"
CORRECTED = "corrected"
EXACT = "exakt"
REGION = "lan"
ENTRIES = "antal"
HANDOUT_USE = "satt"
HANDOUT_USES = ("utskrift", "delning")  # printed, link copied


def language_prefix(lang: str) -> str:
    """"/" for Swedish, "/en/" for English: where a language's pages are."""
    return "/" if lang == SOURCE_LANGUAGE else f"/{lang}/"


def url(path: str = "", lang: str = SOURCE_LANGUAGE) -> str:
    """The root-relative address of a language-neutral path ("insats/a/b/") in a language."""
    return language_prefix(lang) + path.lstrip("/")


def language_root(out: Path, lang: str) -> Path:
    """The folder of a language's pages in the output."""
    return out if lang == SOURCE_LANGUAGE else out / lang


def absolute_url(site_url: str | None, path: str = "", lang: str = SOURCE_LANGUAGE) -> str:
    """The page's address with the site's public URL (region.yml's `site_url`) before it, or the root-relative
    address when the site's URL is not known."""
    return (site_url or "").rstrip("/") + url(path, lang)


def entry_path(intervention_id: str) -> str:
    """The entry's stable language-neutral path, derived from its id."""
    return f"{ENTRY_DIR}/{intervention_id}/"


def intervention_path(intervention_id: str) -> str:
    """The entry's stable address on the site (in Swedish), derived from its id."""
    return url(entry_path(intervention_id))


def script_setup() -> dict[str, Any]:
    """The contract as the site's scripts read it (the `site-setup` JSON of every page)."""
    return {
        "languages": {lang: language_prefix(lang) for lang in LANGUAGES},
        "entries": ENTRY_DIR + "/",
        "list": LIST_PAGE,
        "beacons": {"search": url(SEARCH_BEACON), "click": url(CLICK_BEACON), "profile": url(PROFILE_BEACON),
                    "handout": url(HANDOUT_BEACON)},
        "parameters": {"query": QUERY, "results": RESULTS, "language": INTERFACE_LANGUAGE, "entry": CLICKED_ENTRY,
                       "position": POSITION, "corrected": CORRECTED, "exact": EXACT, "region": REGION,
                       "entries": ENTRIES, "handoutUse": HANDOUT_USE},
        "handoutUses": {"print": HANDOUT_USES[0], "share": HANDOUT_USES[1]},
        "filters": {"municipality": MUNICIPALITY, "category": CATEGORY, "targetGroup": TARGET_GROUP,
                    "language": LANGUAGE, "free": FREE, "residenceStatus": RESIDENCE_STATUS, "age": AGE,
                    "months": MONTHS, "provider": PROVIDER},
    }
