"""Make an entry's URLs absolute, for feed readers, which show it away from the site.

Every link and media address is made absolute (``/2026/…`` or ``#section`` would point
nowhere). That needs the page's final address, known only once the site is linked, and
the addresses written in raw HTML, so the fragment is parsed with a real HTML parser
(lxml's, libxml2: this runs for every feed entry, and BeautifulSoup's pure-Python tree
cost ten times as much) and written back as XHTML-style markup: void elements closed
(``<br/>``), every other element with its end tag, attributes in their written order, in
double quotes. (Markup after a stray ``</html>`` would be lost; the sanitiser never leaves
one.) Nothing is removed here: the page's section anchors are left out before, by the
renderer that added them (``markdown_reader.without_section_anchors``).
"""

from __future__ import annotations

from urllib.parse import urljoin

from lxml import etree, html

__all__ = ["absolutise"]

_URL_ATTRIBUTES = ("href", "src", "cite", "poster", "data")
_HAS_URL = "//*[" + " or ".join(f"@{name}" for name in (*_URL_ATTRIBUTES, "srcset")) + "]"
# Written ``<br/>``; any other element keeps its end tag even when empty (``<a id="x"></a>``:
# ``<a/>`` would open an element that never closes, for an HTML parser).
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# HTML5's void elements libxml2's parser does not know: it reads what follows into them.
_UNKNOWN_VOID = ("embed", "source", "track", "wbr")
# The fragment is parsed inside an element of no meaning to the parser, so that nothing in
# it closes the wrapper and its whitespace is kept as written, then unwrapped.
_WRAPPER = "newsdigest-entry"


def _join(base: str, url: str) -> str:
    url = url.strip()
    return urljoin(base, url) if url else url


def _absolute_srcset(base: str, srcset: str) -> str:
    candidates = []
    for candidate in srcset.split(","):
        parts = candidate.strip().split(maxsplit=1)
        if parts:
            parts[0] = _join(base, parts[0])
            candidates.append(" ".join(parts))
    return ", ".join(candidates)


def _close(void: html.HtmlElement) -> None:
    """Move what the parser read into ``void`` out, right after it (``<wbr>`` holds nothing)."""
    parent = void.getparent()
    children = list(void)
    text, tail = void.text, void.tail
    void.text = None
    void.tail = text
    at = parent.index(void)
    for offset, child in enumerate(children, start=1):
        parent.insert(at + offset, child)
    last = children[-1] if children else void
    if tail:
        last.tail = (last.tail or "") + tail


def absolutise(fragment: str, base: str) -> str:
    """Resolve every relative URL in ``fragment`` against ``base`` (the page's own address)."""
    if not fragment or not base or fragment.isspace():
        return fragment
    document = html.document_fromstring(f"<{_WRAPPER}>{fragment}</{_WRAPPER}>")
    root = document.body
    root[0].drop_tag()
    for stray in list(root.itersiblings()):  # markup after a stray </body>
        root.append(stray)
    for void in list(root.iter(*_UNKNOWN_VOID)):
        if void.text or len(void):
            _close(void)
    for element in root.xpath(_HAS_URL):
        for name in _URL_ATTRIBUTES:
            value = element.get(name)
            if value is not None:
                element.set(name, _join(base, value))
        srcset = element.get("srcset")
        if srcset is not None:
            element.set("srcset", _absolute_srcset(base, srcset))
    for element in root.iter(etree.Element):
        if element.text is None and not len(element) and element.tag not in _VOID:
            element.text = ""  # an end tag, not ``<p/>``
    text: str = etree.tostring(root, encoding="unicode", method="xml", with_tail=False)
    return text[len("<body>") : -len("</body>")]
