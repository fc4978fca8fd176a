"""Check intrasite links, heading anchors and images once every source is read.

The reader cannot know whether ``{filename}other.md#background`` exists: the other
file may not be read yet. So a markdown-it core rule records, per document, the links
that point into the site and the element ids it defines (article metadata
``intrasite_links`` and ``anchor_ids``); :func:`link_errors` checks them against the
other documents' metadata once everything is read. Written HTML is never parsed.
For the other readers (reStructuredText, HTML), :func:`record_read_links` records the
same from the HTML the reader made, before it is sanitised (html_policy's ``html_read``),
each on the line of the source where the address is first written.

The same rule notes images from other sites (``foreign_images``), before the
sanitiser replaces them by their alt text: the site's Content-Security-Policy would
block them, so they are reported instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from html import escape, unescape
from typing import Any
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from pelican.contents import Content

from content_errors import ContentError
from html_policy import is_offsite
from strict_build.source_paths import display_path

LINKS_KEY = "intrasite_links"
IDS_KEY = "anchor_ids"
FOREIGN_IMAGES_KEY = "foreign_images"

# Pelican's placeholders: {filename}path, |filename|path (the older spelling).
_INTRASITE = re.compile(r"^(?:\{(?P<what>\w+)\}|\|(?P<old>\w+)\|)(?P<rest>.*)$", re.DOTALL)
_SOURCE_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".rst", ".html", ".htm")
_CHECKED_PLACEHOLDERS = {"filename", "static", "attach"}


def collect_links_plugin(md: MarkdownIt) -> None:
    """Add the core rule that records links and ids (last, after heading ids are set)."""
    md.core.ruler.push("strict_build_links", _collect_links)


def _html_ids_and_images(html: str) -> tuple[list[str], list[str]]:
    # Imported for the first raw HTML parsed: a build served by the content cache parses
    # none, and BeautifulSoup costs ~8 MB and 0.1 s to import.
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    ids = [str(tag["id"]) for tag in soup.find_all(id=True)]
    images = [str(tag["src"]) for tag in soup.find_all("img", src=True)]
    return ids, [src for src in images if _is_foreign(src)]


def _is_foreign(src: str) -> bool:
    """An image the site's Content-Security-Policy (img-src 'self') will not load.

    Which addresses are off the site is html_policy's decision (``is_offsite``, which
    reads them as a browser does): pages show such an image as its alt text, so the
    build reports exactly those. Other schemes (javascript:, ...) are hostile
    markup for the sanitiser to remove, not an image to fix.
    """
    if not is_offsite(src):
        return False
    return urlsplit(src.strip()).scheme.lower() in {"", "http", "https", "data"}


def record_read_links(html: Any, metadata: dict[str, Any], source_text: str | None = None) -> None:
    """Record a reader's links, ids and off-site images in ``metadata``, as the Markdown
    rule does: from the reader's HTML, with the source line where each address appears."""
    from bs4 import BeautifulSoup  # see _html_ids_and_images

    soup = BeautifulSoup(html if isinstance(html, str) else "", "html.parser")
    links: list[dict[str, Any]] = []
    foreign: list[dict[str, Any]] = []
    for tag in soup.find_all(["a", "img"]):
        address = tag.get("href" if tag.name == "a" else "src")
        if not isinstance(address, str):
            continue
        line = _line_of(address, source_text)
        if tag.name == "img" and _is_foreign(address):
            foreign.append({"src": address, "line": line})
        elif tag.name == "a" and _is_checked(address):
            links.append({"href": address, "line": line})
    metadata[LINKS_KEY] = links
    metadata[IDS_KEY] = [str(tag["id"]) for tag in soup.find_all(id=True)]
    metadata[FOREIGN_IMAGES_KEY] = foreign


def _line_of(address: str, source_text: str | None) -> int | None:
    """The line where ``address`` is first written (as is, or HTML-escaped)."""
    if not source_text:
        return None
    for written in dict.fromkeys((address, escape(address), escape(address, quote=False))):
        index = source_text.find(written)
        if index >= 0:
            return source_text.count("\n", 0, index) + 1
    return None


def _is_checked(href: str) -> bool:
    if href.startswith("#") or _INTRASITE.match(href):
        return True
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc and parts.path.endswith(_SOURCE_SUFFIXES)


def _flatten(tokens: list[Token]) -> Iterator[tuple[Token, Token]]:
    """Each token with the block-level token that holds it (for its line)."""
    for token in tokens:
        yield token, token
        for child in token.children or []:
            yield child, token


def _collect_links(state: StateCore) -> None:
    links: list[dict[str, Any]] = []
    ids: list[str] = []
    foreign: list[dict[str, Any]] = []
    offset = int(state.env.get("line_offset", 0))
    for token, block in _flatten(state.tokens):
        line = block.map[0] + 1 + offset if block.map else None
        element_id = token.attrGet("id")
        if element_id:
            ids.append(str(element_id))
        if token.type in {"html_block", "html_inline"}:
            found_ids, images = _html_ids_and_images(token.content)
            ids.extend(found_ids)
            foreign.extend({"src": src, "line": line} for src in images)
            continue
        href = token.attrGet("href") if token.type == "link_open" else None
        if token.type == "image":
            href = token.attrGet("src")
            if isinstance(href, str) and _is_foreign(href):
                foreign.append({"src": href, "line": line})
        if isinstance(href, str) and _is_checked(href):
            links.append({"href": href, "line": line})
    metadata = state.env.setdefault("metadata", {})
    metadata[LINKS_KEY] = links
    metadata[IDS_KEY] = ids
    metadata[FOREIGN_IMAGES_KEY] = foreign


def known_ids(content: Content) -> set[str] | None:
    """The ids a document defines, or None when it was not read by our reader."""
    metadata: Mapping[str, Any] = getattr(content, "metadata", {}) or {}
    ids = metadata.get(IDS_KEY)
    sections = metadata.get("sections")
    if ids is None and sections is None:
        return None
    found = {str(i) for i in ids or []}
    found.update(str(s["id"]) for s in sections or [] if isinstance(s, dict) and s.get("id"))
    return found


def _candidates(content: Content, path: str) -> list[str]:
    """Pelican's own lookups: as written, unquoted, HTML-unescaped; relative or from /."""
    found = []
    for variant in dict.fromkeys((path, unquote(path), unescape(path))):
        if variant.startswith("/"):
            found.append(os.path.normpath(variant[1:]).replace(os.sep, "/"))
        else:
            found.append(
                content.get_relative_source_path(os.path.join(content.relative_dir, variant))
            )
    return found


def _section_list(ids: set[str]) -> str:
    shown = sorted(ids)[:6]
    more = ", ..." if len(ids) > len(shown) else ""
    return ", ".join(f"#{i}" for i in shown) + more if shown else "none"


def _unpublished_target(content: Content, target: Content | None) -> bool:
    """A page this build writes links to content it gives no address (make publish: a draft
    or hidden article); Pelican would make the link point at the site's home page."""
    return bool(getattr(content, "save_as", None)) and not getattr(target, "url", None)


class _LinkChecker:
    def __init__(self, context: Mapping[str, Any], settings: Mapping[str, object]) -> None:
        self.generated: Mapping[str, Content] = context.get("generated_content", {})
        self.static: Mapping[str, Content] = context.get("static_content", {})
        self.settings = settings
        self.content_path = str(settings["PATH"])

    def errors(self, content: Content) -> list[ContentError]:
        metadata: Mapping[str, Any] = getattr(content, "metadata", {}) or {}
        # (message, line, hint) of each problem; the file is named only when there is one.
        found: list[tuple[str, Any, str]] = [
            (
                f"image {str(image['src'])[:80]!r} is not on this site, and pages load nothing"
                " from other sites (see the Content-Security-Policy in docs/reliability.md)",
                image.get("line"),
                "save it in content/images/ and link it as {static}/images/<name>",
            )
            for image in metadata.get(FOREIGN_IMAGES_KEY) or []
            if isinstance(image, dict) and isinstance(image.get("src"), str)
        ]
        for link in metadata.get(LINKS_KEY) or []:
            if not isinstance(link, dict) or not isinstance(link.get("href"), str):
                continue
            problem = self._problem(content, link["href"])
            if problem:
                message, hint = problem
                found.append((message, link.get("line"), hint))
        if not found:
            return []
        path = display_path(content.source_path, self.settings)
        return [ContentError(path, message, line=line, hint=hint) for message, line, hint in found]

    def _problem(self, content: Content, href: str) -> tuple[str, str] | None:
        match = _INTRASITE.match(href)
        if href.startswith("#"):
            return self._fragment_problem(content, unquote(href[1:]), href, "this page")
        if not match:
            # A plain relative link to a source file works in an editor, not on the site.
            path = urlsplit(href).path
            if path.startswith("/") or not any(
                isinstance(self.generated.get(c), Content) for c in _candidates(content, path)
            ):
                return None
            return (
                f"link to {href!r} points at a source file, which is not on the site",
                f"write it as {{filename}}{href} so it links to the page made from it",
            )
        what = match.group("what") or match.group("old")
        if what not in _CHECKED_PLACEHOLDERS:
            return None
        url = urlsplit(match.group("rest"))
        candidates = _candidates(content, url.path)
        if any(c == ".." or c.startswith("../") or os.path.isabs(c) for c in candidates):
            return (
                f"link to {href!r} leads out of the content folder: files from outside it"
                " are never published",
                "copy the file into content/images/ and link it as {static}/images/<name>",
            )
        for candidate in candidates:
            if candidate in self.generated:
                target = self.generated[candidate]
                if target is None:
                    return (
                        f"link to {href!r}: {candidate} could not be built",
                        "fix the errors reported for that file",
                    )
                if what == "filename" and _unpublished_target(content, target):
                    return (
                        f"link to {href!r}: {candidate} is not published (a draft, hidden, or"
                        " dated after the build), so this build gives it no page to link to",
                        "remove the link until that article is published",
                    )
                if what == "filename" and url.fragment:
                    where = display_path(target.source_path, self.settings)
                    return self._fragment_problem(target, unquote(url.fragment), href, where)
                return None
            # Pelican lists every {static} target as static content, found or not.
            if os.path.isfile(os.path.join(self.content_path, candidate)):
                if what == "filename":
                    return (
                        f"link to {href!r}: {candidate} is not an article or page",
                        f"link files with {{static}}{url.path}",
                    )
                return None
        missing = display_path(os.path.join(self.content_path, candidates[0]), self.settings)
        return (
            f"link to {href!r}: there is no file {missing}",
            "check the file name; paths are relative to this file, or to the content"
            " folder when they start with /",
        )

    def _fragment_problem(
        self, target: Content, fragment: str, href: str, where: str
    ) -> tuple[str, str] | None:
        ids = known_ids(target)
        if not fragment or ids is None or fragment in ids:
            return None
        return (
            f"link to {href!r}: {where} has no heading or anchor #{fragment}",
            f"use one of its anchors: {_section_list(ids)}; or fix the heading",
        )


def link_errors(
    contents: list[Content], context: Mapping[str, Any], settings: Mapping[str, object]
) -> list[ContentError]:
    """Every broken intrasite link and anchor in ``contents``, in order."""
    checker = _LinkChecker(context, settings)
    return [error for content in contents for error in checker.errors(content)]


def forget_link_records(contents: list[Content]) -> None:
    """Drop what the reader recorded for the checks, once they ran (kept, every article's
    lists would stay in memory while the pages are written)."""
    keys = (LINKS_KEY, IDS_KEY, FOREIGN_IMAGES_KEY)
    for content in contents:
        metadata = getattr(content, "metadata", None)
        if isinstance(metadata, dict):
            for key in keys:
                metadata.pop(key, None)
        attributes = vars(content)
        for key in keys:
            attributes.pop(key, None)
