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
    """``/site/content/articles/x.md`` -> ``content/articles/x.md``."""
    absolute = os.path.abspath(source_path)
    relative = os.path.relpath(absolute, project_root(settings))
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
