"""The raw front matter of a source file, and the line each key is written on.

Pelican's metadata processors turn ``authors`` into names, so a mapping such as
``{name: ..., role: ...}`` arrives as the text of a dict; the raw values (and the line
numbers that make errors useful) come from reading the file's front matter again with
the reader's own splitter. Only the header is parsed, never written HTML.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from content_errors import ContentError
from markdown_reader.front_matter import split_front_matter

__all__ = ["RawFrontMatter", "display_path", "read_raw_front_matter"]

_KEY = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*)[ \t]*:")


@dataclass
class RawFrontMatter:
    """Values as written (YAML types kept) and the 1-based line of each top-level key."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, key: str) -> int | None:
        return self.lines.get(key)


def display_path(source_path: str, settings: dict[str, Any]) -> str:
    """The path as the editor knows it (``content/articles/x.md``), as the reader names it."""
    root = os.path.dirname(os.path.abspath(settings.get("PATH", ".")))
    relative = os.path.relpath(os.path.abspath(source_path), root)
    return source_path if relative.startswith("..") else relative


def read_raw_front_matter(source_path: str, path: str) -> RawFrontMatter:
    """The front matter of ``source_path``; empty if the file is not a Markdown source."""
    try:
        with open(source_path, encoding="utf-8") as handle:
            text = handle.read()
        front = split_front_matter(text, path)
    except (OSError, UnicodeDecodeError, ContentError):
        # The reader already read this file successfully; anything else is not ours.
        return RawFrontMatter()
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines()[: front.body_line], start=1):
        match = _KEY.match(line)
        if match:
            lines.setdefault(match.group("key").lower(), number)
    return RawFrontMatter(front.metadata, lines)
