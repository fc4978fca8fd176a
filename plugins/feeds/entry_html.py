"""Prepare an entry's HTML for feed readers, which show it away from the site.

Every link and media address is made absolute (``/2026/…`` or ``#section`` would point
nowhere), and the page's own chrome is dropped: elements hidden from assistive
technology (``aria-hidden="true"``, e.g. the ``#`` section anchors) are navigation aids
of the web page, not content. The fragment is parsed with a real HTML parser.
"""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

__all__ = ["absolutise"]

_URL_ATTRIBUTES = ("href", "src", "cite", "poster", "data")


def _join(base: str, url: str) -> str:
    url = url.strip()
    return urljoin(base, url) if url else url


def absolutise(html: str, base: str) -> str:
    """Resolve every relative URL in ``html`` against ``base`` (the page's own address)."""
    if not html or not base:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select('[aria-hidden="true"]'):
        hidden.decompose()
    for element in soup.find_all(True):
        if not isinstance(element, Tag):
            continue
        for name in _URL_ATTRIBUTES:
            value = element.get(name)
            if isinstance(value, str):
                element[name] = _join(base, value)
        srcset = element.get("srcset")
        if isinstance(srcset, str):
            candidates = []
            for candidate in srcset.split(","):
                parts = candidate.strip().split(maxsplit=1)
                if parts:
                    parts[0] = _join(base, parts[0])
                    candidates.append(" ".join(parts))
            element["srcset"] = ", ".join(candidates)
    return str(soup)
