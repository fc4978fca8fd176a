"""Allow-list of tags, attributes and URL schemes, and the function that applies it."""

from __future__ import annotations

import re
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
        # docutils' HTML writer (reStructuredText) marks inline literals with it.
        "tt",
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


# What a browser ignores in an address before reading it (the WHATWG URL parser): C0
# controls and spaces at either end, tabs and newlines anywhere.
_URL_EDGE = "".join(chr(code) for code in range(0x21))
_URL_DROPPED = str.maketrans("", "", "\t\n\r")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def is_external(href: str) -> bool:
    """True for a link that leaves the site (has a scheme or a host)."""
    parts = urlsplit(href)
    return bool(parts.scheme or parts.netloc)


def is_offsite(src: str) -> bool:
    r"""True for an address that is not a path on this site, read as a browser reads it.

    That is an address with a scheme (``https:``, ``data:``, ``javascript:``...) or a
    network-path reference (``//host/…``; browsers take ``\`` for ``/`` there, so
    ``\host`` and ``/\host`` too). Relative and root-relative paths and Pelican's
    ``{static}``/``{filename}`` placeholders are on the site. Pages load images only
    from the site itself (Content-Security-Policy ``img-src 'self'``), so this decides
    which images are kept: :func:`sanitise`, the Markdown image rule and strict_build's
    report all ask it.
    """
    text = src.translate(_URL_DROPPED).strip(_URL_EDGE)
    return bool(_SCHEME.match(text)) or (len(text) >= 2 and set(text[:2]) <= {"/", "\\"})


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    # Authors may not set rel themselves: it is ours to decide (see below).
    if tag == "a" and attribute == "rel":
        return None
    # An image from another site loses its address; _finish then shows its alt text.
    if tag == "img" and attribute == "src" and is_offsite(value):
        return None
    return value


def sanitise(html: str, *, images: bool = True) -> str:
    """Return ``html`` with everything outside the allow-list removed.

    Links to other sites get ``rel="nofollow noopener"``; links within the site keep
    no rel. Intrasite placeholders such as ``{filename}`` pass through untouched,
    since Pelican replaces them after reading.

    An image is kept only when it is on the site (see :func:`is_offsite`); any other
    ``<img>`` (from another site, a ``data:`` address, or none) becomes its alt text,
    so what it showed is still said and nothing is fetched. With ``images=False``
    (the text of embedded posts) every ``<img>`` becomes its alt text.
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
    if "<a " not in cleaned and "<img" not in cleaned:
        return cleaned
    return _finish(cleaned, images=images)


def _finish(html: str, *, images: bool) -> str:
    """Mark links that leave the site and replace images not shown, with a real HTML
    parser (no regexes) on nh3's own well-formed output."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for anchor in soup.find_all("a", href=True):
        if is_external(str(anchor["href"])):
            anchor["rel"] = EXTERNAL_REL
            changed = True
    for image in soup.find_all("img"):
        if images and image.get("src"):
            continue
        alt = image.get("alt")
        image.replace_with(alt if isinstance(alt, str) else "")
        changed = True
    return soup.decode(formatter="html5") if changed else html
