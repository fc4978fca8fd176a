"""Allow-list of tags, attributes and URL schemes, and the function that applies it."""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3

# Formatting and structure an article may use. Deliberately absent: script, style,
# iframe, object, embed, form controls, base, meta, link, svg and math (both can
# carry script), and every on* attribute.
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a",
        "abbr",
        "aside",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "section",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
    }
)

_GENERIC_ATTRIBUTES = {
    "id",
    "class",
    "title",
    "lang",
    "dir",
    "role",
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "aria-hidden",
}

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GENERIC_ATTRIBUTES,
    "a": {"href", "hreflang", "rel", "tabindex"},
    "img": {"src", "alt", "width", "height", "loading"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "time": {"datetime"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "figure": {"data-platform"},
    "code": {"data-lang"},
}

# data: is not here at all: data:text/html is script, and data images are not
# worth the risk of a parser disagreement.
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})

EXTERNAL_REL = "nofollow noopener"


def is_external(href: str) -> bool:
    """True for a link that leaves the site (has a scheme or a host)."""
    parts = urlsplit(href)
    return bool(parts.scheme or parts.netloc)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    # Authors may not set rel themselves: it is ours to decide (see below).
    if tag == "a" and attribute == "rel":
        return None
    return value


def sanitise(html: str) -> str:
    """Return ``html`` with everything outside the allow-list removed.

    Links to other sites get ``rel="nofollow noopener"``; links within the site keep
    no rel. Intrasite placeholders such as ``{filename}`` pass through untouched,
    since Pelican replaces them after reading.
    """
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        attribute_filter=_filter_attribute,
        strip_comments=True,
    )
    if "<a " not in cleaned:
        return cleaned
    return _add_external_rel(cleaned)


def _add_external_rel(html: str) -> str:
    """Mark links that leave the site, with a real HTML parser (no regexes)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for anchor in soup.find_all("a", href=True):
        if is_external(str(anchor["href"])):
            anchor["rel"] = EXTERNAL_REL
            changed = True
    return soup.decode(formatter="html5") if changed else html
