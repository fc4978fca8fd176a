"""The raw front matter of a source file, and the line each key is written on.

Pelican's metadata processors turn ``authors`` into names, so a mapping such as
``{name: ..., role: ...}`` arrives as the text of a dict; the raw values (and the line
numbers that make errors useful) are those the Markdown reader keeps in the article's
metadata (:class:`markdown_reader.front_matter.FrontMatterSource`). A source another
reader read has none: its front matter is read again with the reader's own splitter.
Only the header is parsed, never written HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pelican.contents import Content

from content_errors import ContentError, key_lines
from markdown_reader.front_matter import (
    FRONT_MATTER_KEY,
    FrontMatterSource,
    split_front_matter,
)

__all__ = ["RawFrontMatter", "raw_front_matter", "read_raw_front_matter"]


@dataclass
class RawFrontMatter:
    """Values as written (YAML types kept) and the 1-based line of each top-level key."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, key: str) -> int | None:
        return self.lines.get(key)


def read_raw_front_matter(source_path: str, path: str) -> RawFrontMatter:
    """The front matter of ``source_path``; empty if the file is not a Markdown source."""
    try:
        with open(source_path, encoding="utf-8") as handle:
            text = handle.read()
        front = split_front_matter(text, path)
    except (OSError, UnicodeDecodeError, ContentError):
        # The reader already read this file successfully; anything else is not ours.
        return RawFrontMatter()
    return RawFrontMatter(front.metadata, key_lines(front.header))


def raw_front_matter(article: Content, path: str | Callable[[], str]) -> RawFrontMatter:
    """What the reader kept of ``article``'s front matter; else the file, read again.

    ``path`` names the file in messages (or makes that name, only when it is needed)."""
    source = getattr(article, "metadata", {}).get(FRONT_MATTER_KEY)
    if isinstance(source, FrontMatterSource):
        return RawFrontMatter(source.values, source.lines)
    return read_raw_front_matter(article.source_path, path if isinstance(path, str) else path())
