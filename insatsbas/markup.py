"""Catalogue Markdown to safe HTML: rendered with Python-Markdown, then sanitised with nh3.

Editors write Markdown, and Markdown passes raw HTML through; nh3 (the Rust `ammonia` sanitiser) keeps
only harmless tags and attributes, so no script, event handler or javascript: URL survives.
"""

from __future__ import annotations

from functools import lru_cache

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote",
    "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")


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
