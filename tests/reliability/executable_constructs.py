"""Find constructs in built output that a browser (or feed reader) would execute.

Used by the corpus, property-based and site tests: pages, feeds (the HTML inside
their entries) and JSON files are all checked with one function per format.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup

# The site's own scripts: loaded from its theme folder, never inline.
_OWN_SCRIPT = re.compile(
    r"^(\.\./)*(\./)?(/|https?://[^/]+/)?(\.\./)*theme/js/[\w.-]+\.js$|^(\.\./)*theme/js/"
)
_DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "background", "poster", "cite"}
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg", "livescript:")
_FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "base", "applet"}


def _bad_url(value: str) -> bool:
    compact = _IGNORED_IN_SCHEME.sub("", value).lower()
    return compact.startswith(_BAD_SCHEMES)


def html_problems(html: str, *, own_scripts: bool = True) -> list[str]:
    """Executable constructs in an HTML document or fragment."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        name = tag.name.lower()
        if name == "script":
            kind = str(tag.get("type", "")).lower()
            src = str(tag.get("src", ""))
            if kind in _DATA_SCRIPT_TYPES and not src:
                text = tag.string or ""
                if "</script" in text.lower() or "<!--" in text:
                    found.append(f"data script that can break out: {text[:80]!r}")
                else:
                    try:
                        json.loads(text)  # a data block must be data
                    except json.JSONDecodeError:
                        found.append(f"data script that is not JSON: {text[:80]!r}")
            elif not (own_scripts and src and _OWN_SCRIPT.search(src)):
                found.append(f"script: {str(tag)[:100]}")
        elif name in _FORBIDDEN_TAGS:
            found.append(f"<{name}>: {str(tag)[:100]}")
        elif name == "meta" and str(tag.get("http-equiv", "")).lower() == "refresh":
            found.append(f"meta refresh: {str(tag)[:100]}")
        elif name == "style":
            found.append(f"<style>: {str(tag)[:100]}")
        for attribute, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.lower().startswith("on"):
                found.append(f"{attribute}= on <{name}>: {text[:80]}")
            elif attribute.lower() == "style":
                found.append(f"style= on <{name}>: {text[:80]}")
            elif attribute.lower() in _URL_ATTRIBUTES | {"srcset"} and _bad_url(text):
                found.append(f"{attribute}={text[:80]!r} on <{name}>")
    return found


_RSS_HTML_ELEMENTS = {"description", "{http://purl.org/rss/1.0/modules/content/}encoded"}
_ATOM = "{http://www.w3.org/2005/Atom}"
# Elements whose text is a URL: Atom <uri>, RSS <link>/<comments>, sitemap <loc>.
_URL_ELEMENTS = {
    _ATOM + "uri",
    "link",
    "comments",
    "{http://www.sitemaps.org/schemas/sitemap/0.9}loc",
}
_JSON_URL_KEYS = {"url", "external_url", "image", "banner_image", "avatar", "icon", "favicon"}


def feed_problems(xml: str) -> list[str]:
    """Executable constructs in the HTML an RSS or Atom feed carries.

    HTML travels in Atom elements with type="html" or "xhtml" and in RSS
    <description>/<content:encoded>; other elements are plain text (a feed reader
    shows "<script>" in a text title as those characters).
    """
    found = []
    root = ElementTree.fromstring(xml)
    for element in root.iter():
        kind = element.attrib.get("type", "")
        if element.tag.startswith(_ATOM) and kind == "xhtml":
            markup = "".join(ElementTree.tostring(c, encoding="unicode") for c in element)
            found.extend(html_problems(markup, own_scripts=False))
        elif (element.tag.startswith(_ATOM) and kind == "html") or (
            element.tag in _RSS_HTML_ELEMENTS
        ):
            found.extend(html_problems(element.text or "", own_scripts=False))
        for name, value in element.attrib.items():
            if name in {"href", "src", "uri"} and _bad_url(value):
                found.append(f"{name}={value!r} in <{element.tag}>")
        if element.tag in _URL_ELEMENTS and _bad_url(element.text or ""):
            found.append(f"URL {element.text!r} in <{element.tag}>")
    return found


def json_problems(text: str) -> list[str]:
    """Executable constructs in a JSON document: HTML in ``*_html`` keys, URLs in URL keys."""
    found: list[str] = []

    def walk(value: object, key: str = "") -> None:
        if isinstance(value, dict):
            for name, item in value.items():
                walk(item, str(name))
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif isinstance(value, str):
            if key.endswith("_html"):
                found.extend(html_problems(value, own_scripts=False))
            elif key in _JSON_URL_KEYS and _bad_url(value):
                found.append(f"{key}: {value[:80]!r}")

    walk(json.loads(text))
    return found


def site_problems(output: Path) -> dict[str, list[str]]:
    """Every executable construct in a built site: relative path -> problems."""
    problems = {}
    for path in sorted(output.rglob("*")):
        if not path.is_file() or "pagefind" in path.parts:
            continue
        relative = path.relative_to(output).as_posix()
        if path.suffix == ".html":
            found = html_problems(path.read_text(encoding="utf-8"))
        elif path.suffix in {".xml", ".atom", ".rss"}:
            found = feed_problems(path.read_text(encoding="utf-8"))
        elif path.suffix == ".json":
            found = json_problems(path.read_text(encoding="utf-8"))
        else:
            continue
        if found:
            problems[relative] = found
    return problems
