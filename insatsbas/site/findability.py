"""What search engines read beside the pages: `sitemap.xml` (every page of the site with its addresses in the
other interface languages, as `xhtml:link` alternates) and `robots.txt` (which keeps the web editor out and
names the sitemap). The pages' own canonical and hreflang links come from the same addresses
(`SiteView.absolute_url`).

The sitemap protocol needs absolute addresses, so it is written only when region.yml gives the site's
`site_url`; without it, robots.txt is written without a Sitemap line and the pages' links are root-relative.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from insatsbas import urls
from insatsbas.urls import LANGUAGES, SOURCE_LANGUAGE, language_root

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# Folders of the output that hold no pages of the site (the other languages' folders are added to these).
NOT_PAGES = frozenset({urls.DATA_DIR, "pagefind", "theme", urls.EDITOR_PAGE.strip("/")})


def site_paths(out: Path) -> list[str]:
    """The language-neutral paths ("insats/a/b/") of every page the Swedish site has, in order."""
    skip = NOT_PAGES | {lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE}
    paths = []
    for page in out.rglob("index.html"):
        relative = page.parent.relative_to(out)
        if relative.parts and relative.parts[0] in skip:
            continue
        paths.append("" if not relative.parts else relative.as_posix() + "/")
    return sorted(paths, key=lambda path: (path.count("/"), path))


def sitemap_xml(out: Path, site_url: str) -> bytes:
    """A <url> per page and language, each listing the page in every language (Google's hreflang sitemap)."""
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for path in site_paths(out):
        languages = [lang for lang in LANGUAGES if (language_root(out, lang) / path / "index.html").is_file()]
        for lang in languages:
            entry = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ElementTree.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = urls.absolute_url(site_url, path, lang)
            for other in [*languages, "x-default"]:
                ElementTree.SubElement(entry, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=other,
                                       href=urls.absolute_url(site_url, path, SOURCE_LANGUAGE if other == "x-default"
                                                              else other))
    ElementTree.indent(urlset)
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def robots_txt(site_url: str | None) -> str:
    lines = ["User-agent: *", f"Disallow: {urls.url(urls.EDITOR_PAGE)}"]
    if site_url:
        lines.append(f"Sitemap: {urls.absolute_url(site_url, urls.SITEMAP)}")
    return "\n".join(lines) + "\n"


def write_findability(out: Path, site_url: str | None) -> None:
    """robots.txt, and sitemap.xml when the site's public URL is known (a stale sitemap is removed otherwise)."""
    (out / urls.ROBOTS).write_text(robots_txt(site_url), encoding="utf-8")
    sitemap = out / urls.SITEMAP
    if site_url:
        sitemap.write_bytes(sitemap_xml(out, site_url))
    else:
        sitemap.unlink(missing_ok=True)
