"""Catalogue Markdown to safe HTML: rendered with Python-Markdown, then sanitised with nh3.

Editors write Markdown, and Markdown passes raw HTML through; nh3 (the Rust `ammonia` sanitiser) keeps
only harmless tags and attributes, so no script, event handler or javascript: URL survives.

A backslash at the end of a line is a hard line break, as in CommonMark: the web editor's Markdown widget
writes line breaks that way, and the catalogue's written form turns two trailing spaces into one
(insatsbas/sources/canonical.py). Python-Markdown only knows the trailing spaces, so a small inline pattern adds it.
"""

from __future__ import annotations

from functools import lru_cache

import markdown
import nh3
from markdown.extensions import Extension
from markdown.inlinepatterns import SubstituteTagInlineProcessor

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote",
    "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


class BackslashLineBreaks(Extension):
    """`\\` before a line break is `<br>` (CommonMark); before the escape pattern (180), which would keep it."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.inlinePatterns.register(SubstituteTagInlineProcessor(r"\\\n", "br"), "backslash_break", 185)


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["sane_lists", "tables", BackslashLineBreaks()], output_format="html")


# The database and the three languages of the site show the same descriptions: each text is rendered once
# per process. Bounded, so a long-lived process does not grow without end; the HTML is about 1.5 KB a text.
@lru_cache(maxsize=65_536)
def render_markdown(text: str) -> str:
    converter = _markdown()
    converter.reset()
    html = converter.convert(text)
    return sanitize_html(html)


def sanitize_html(html: str) -> str:
    # Headings in a description sit under the page's own h1, so they start at h2.
    return nh3.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
