"""Say where a problem is: a source file as the editor knows it, and a metadata key's line.

A path is printed with its control characters escaped (``\\n``, ``\\x1b``, ``\\u202e``):
a file named ``a.md\\nerror: b.md`` must not print a second, forged line in the
build's report, nor an escape sequence that rewrites the terminal.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

# C0 and C1 controls, line and paragraph separators, and the bidirectional overrides
# and isolates (which make a terminal show text in another order than it is).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``'a.md\\nerror: x'`` -> ``'a.md\\\\nerror: x'``: control characters escaped, one line."""
    if text.isascii() and text.isprintable():
        return text
    return _UNPRINTABLE.sub(_escaped, text).replace("\\x0a", "\\n").replace("\\x0d", "\\r")


# Metadata sits in the first lines; a key further down would be body text.
_HEADER_SCAN_LINES = 200


def project_root(settings: Mapping[str, Any]) -> str:
    """The folder that holds content/: paths in messages are relative to it."""
    return os.path.dirname(os.path.abspath(str(settings.get("PATH", "."))))


def display_path(source_path: str, settings: Mapping[str, Any]) -> str:
    """``/site/content/articles/x.md`` -> ``content/articles/x.md``: the path as the editor
    knows it, from the folder that holds content/ (:func:`project_root`)."""
    return display_path_in(source_path, project_root(settings))


def display_path_in(source_path: str, root: str) -> str:
    """``source_path`` relative to the folder ``root``, with ``/`` separators and printable
    (:func:`printable`); a file outside ``root`` by its absolute path.

    The one place a source path becomes the path a message prints. Called for every source
    by the site checks and the tally (5,000 articles: about 15,000 calls), so the common
    case takes a short way: an absolute path inside an absolute root is the normalised path
    after the root's prefix, which is what ``relpath`` computes component by component.
    """
    path = os.fspath(source_path)
    if os.path.isabs(path) and os.path.isabs(root):
        prefix = os.path.normpath(root)
        prefix = prefix if prefix.endswith(os.sep) else prefix + os.sep
        absolute = os.path.normpath(path)
        relative = absolute[len(prefix) :] if absolute.startswith(prefix) else ""
        # ".." (relpath's "outside", or a name starting so) and a doubled leading separator
        # (POSIX keeps "//" in normpath) take relpath's way.
        if relative and not relative.startswith(("..", os.sep)):
            return printable(relative.replace(os.sep, "/"))
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.path.abspath(root))
    return printable(absolute if relative.startswith("..") else relative.replace(os.sep, "/"))


def metadata_line(source_path: str, key: str) -> int | None:
    """The 1-based line where ``key:`` is set in the file's header, if it is there."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*:", re.IGNORECASE)
    try:
        with open(source_path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if number > _HEADER_SCAN_LINES:
                    break
                if pattern.match(line):
                    return number
    except OSError:
        return None
    return None
