"""Say where a problem is: a source file as the editor knows it, and a metadata key's line.

A key's line is found in one way for every message: in the source's header as
:mod:`content_errors.headers` cuts it, the last line that starts with ``key:`` (the value
a reader keeps when a key is repeated).

A path is printed with its control characters escaped (``\\n``, ``\\x1b``, ``\\u202e``):
a file named ``a.md\\nerror: b.md`` must not print a second, forged line in the
build's report, nor an escape sequence that rewrites the terminal.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from content_errors.headers import split_header

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


def project_root(settings: Mapping[str, object]) -> str:
    """The folder that holds content/: paths in messages are relative to it."""
    return os.path.dirname(os.path.abspath(str(settings.get("PATH", "."))))


def display_path(source_path: str, settings: Mapping[str, object]) -> str:
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


# A key at the start of a line: a plain key (``title``, ``exclude phrases``) or a quoted
# one (``"title"``) as YAML writes it; Pelican's ``Key: value`` lines are plain keys.
_KEY = re.compile(r"""(?:"(?P<double>[^"]+)"|'(?P<single>[^']+)'|(?P<plain>\w[\w -]*?))[ \t]*:""")


def key_lines(header: str, *, fold_case: bool = True) -> dict[str, int]:
    """The 1-based line of each key that starts a line of ``header`` (lines as
    ``str.splitlines`` and YAML count them); a repeated key's last line, as the value
    read is the last one. ``fold_case``: keys lower-cased, as the Markdown reader and
    Pelican read them; without it, case kept, as YAML reads a topic file."""
    lines: dict[str, int] = {}
    for number, line in enumerate(header.splitlines(), start=1):
        match = _KEY.match(line)
        if match:
            key = match["plain"] or match["double"] or match["single"]
            lines[key.lower() if fold_case else key] = number
    return lines


def key_line(header: str, key: str, *, fold_case: bool = True) -> int | None:
    """The 1-based line where ``key`` is set in ``header`` (see :func:`key_lines`)."""
    return key_lines(header, fold_case=fold_case).get(key.lower() if fold_case else key)


def metadata_line(source_path: str, key: str) -> int | None:
    """The 1-based line where ``key:`` is set in the file's header, if it is there
    (keys of any case: the readers lower-case them)."""
    try:
        with open(source_path, encoding="utf-8", errors="replace") as handle:
            header = split_header(handle.read())
    except OSError:
        return None
    return key_line(header.header, key) if header else None
