"""Write text and inline HTML as inline Markdown: escaping, autolinks, links, emphasis.

Only what would change the meaning is escaped, so the source stays readable for the
editor who reviews it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import Tag
from bs4.element import NavigableString

URL = re.compile(r"https?://[^\s<>\"]+")
# Characters that end a sentence rather than a URL copied into running text.
_URL_TRAILING = ".,;:!?)]”’'\"…"
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_BLOCK_START = re.compile(
    r"^(\s*)(#{1,6}(?=\s|$)|>|[-+*](?=\s)|\d{1,9}(?=[.)](?:\s|$))|:::|=+\s*$)"
)
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def escape(text: str) -> str:
    """Escape characters Markdown would read as inline syntax."""
    return _ENTITY.sub("&amp;", _INLINE_SPECIAL.sub(r"\\\1", text))


def escape_block_start(text: str) -> str:
    """Escape a start that would turn a paragraph into a heading, list or container."""
    match = _BLOCK_START.match(text)
    if not match:
        return text
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        rest = text[match.end() :]
        return f"{indent}{marker}\\{rest}"
    return f"{indent}\\{text[len(indent) :]}"


def split_url(candidate: str) -> tuple[str, str]:
    """``'https://e.org/a).'`` -> ``('https://e.org/a', ').')``; keeps balanced parentheses."""
    url = candidate
    while url and url[-1] in _URL_TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url, candidate[len(url) :]


def plain_to_markdown(text: str) -> str:
    """Escape running text and turn bare URLs into ``<autolinks>``."""
    parts: list[str] = []
    position = 0
    for match in URL.finditer(text):
        url, trailing = split_url(match.group(0))
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<{url}>")
        parts.append(escape(trailing))
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def safe_href(href: str) -> str | None:
    """The link target if it is a web or mail link; ``javascript:`` and the like are not."""
    href = href.strip()
    if not href or any(ord(ch) < 32 for ch in href):
        return None
    scheme = urlsplit(href).scheme.lower()
    if scheme and scheme not in _LINK_SCHEMES:
        return None
    return href


def link(text: str, href: str) -> str:
    if text == escape(href) or not text:
        return f"<{href}>" if URL.fullmatch(href) else f"[{escape(href)}]({_destination(href)})"
    return f"[{text}]({_destination(href)})"


def _destination(href: str) -> str:
    if re.search(r"[\s()<>]", href):
        return "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"
    return href


def html_to_markdown(node: Tag | NavigableString, *, base_url: str | None = None) -> str:
    """Inline Markdown for the children of ``node``; unknown tags keep only their text."""
    if isinstance(node, NavigableString):
        return escape(_collapse(str(node)))
    return _normalise_spaces("".join(_inline(child, base_url) for child in node.children))


def _inline(node: object, base_url: str | None) -> str:
    if isinstance(node, NavigableString):
        if type(node) is not NavigableString:  # comments, CDATA, doctype
            return ""
        return escape(_collapse(str(node)))
    if not isinstance(node, Tag):
        return ""
    name = node.name.lower()
    if name in {"script", "style", "noscript", "template", "iframe", "button", "svg"}:
        return ""
    if name == "br":
        return "\\\n"
    inner = "".join(_inline(child, base_url) for child in node.children)
    if name in {"strong", "b"}:
        return _wrap(inner, "**")
    if name in {"em", "i"}:
        return _wrap(inner, "*")
    if name == "code":
        code = node.get_text()
        fence = "``" if "`" in code else "`"
        return f"{fence}{code}{fence}" if code else ""
    if name == "a":
        href = safe_href(str(node.get("href") or ""))
        if href and base_url and not urlsplit(href).scheme:
            from urllib.parse import urljoin

            href = urljoin(base_url, href)
        text = inner.strip()
        if href is None or href.startswith("#"):
            return inner
        if not urlsplit(href).scheme:
            # A site-relative link would point into our own site: keep the words only.
            return inner
        # "word<a> link </a>word" reads "word link word": the spaces stay outside the link.
        lead = " " if inner[:1].isspace() else ""
        tail = " " if inner[-1:].isspace() and text else ""
        return f"{lead}{link(text, href)}{tail}"
    return inner


def _wrap(inner: str, marker: str) -> str:
    stripped = inner.strip()
    if not stripped:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    tail = inner[len(inner.rstrip()) :]
    return f"{lead}{marker}{stripped}{marker}{tail}"


def _collapse(text: str) -> str:
    return re.sub(r"[ \t\r\n\f]+", " ", text)


def _normalise_spaces(text: str) -> str:
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\\\n")]
    # Empty lines (from <br><br> or a trailing <br>) would leave a stray backslash.
    return "\\\n".join(line for line in lines if line)
