"""Cut a source's text into its header (the metadata lines at the top) and its body.

The one place the header's extent is decided: the Markdown reader and topic files split
their sources here (the reader then reads the YAML with its own safety rules), and a
message that names a metadata key's line looks for the key in the same header
(:func:`content_errors.locations.metadata_line`). Two header styles, so existing Pelican
content keeps working:

* YAML front matter between ``---`` lines at the very top (closed by ``---`` or ``...``);
* Pelican's ``Key: value`` lines at the top, ended by a blank line (indented lines
  continue the previous value).

Nothing here parses YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["SourceHeader", "split_header"]

_YAML_FENCE = re.compile(r"\A---[ \t]*\r?\n")
_YAML_END = re.compile(r"^(---|\.\.\.)[ \t]*$", re.MULTILINE)
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^[ \t]+\S")


@dataclass(frozen=True)
class SourceHeader:
    """A source cut in two. ``header`` is the text before the body, fences included, so a
    line counted in it is the file's line; empty when the source has no header."""

    header: str
    body: str
    body_line: int  # 0-based line number of the body's first line in the file
    yaml: str | None = None  # YAML front matter: the text between the fences
    fields: dict[str, str] = field(default_factory=dict)  # Pelican's header, keys lower-cased


def split_header(text: str) -> SourceHeader | None:
    """``text`` (without its byte-order mark) cut into header and body; None when front
    matter opened with ``---`` is never closed (the caller says so in its own error)."""
    text = text.removeprefix("\ufeff")
    start = _YAML_FENCE.match(text)
    if start is None:
        return _split_pelican_header(text)
    end = _YAML_END.search(text, start.end())
    if end is None:
        return None
    # The body starts on the line after the closing fence; blank lines are kept so
    # that line numbers in later messages stay true.
    body_start = end.end()
    body_start += 2 if text.startswith("\r\n", body_start) else text.startswith("\n", body_start)
    return SourceHeader(
        header=text[:body_start],
        body=text[body_start:],
        body_line=text.count("\n", 0, end.end()) + 1,
        yaml=text[start.end() : end.start()],
    )


def _split_pelican_header(text: str) -> SourceHeader:
    lines = text.splitlines(keepends=True)
    fields: dict[str, str] = {}
    last_key: str | None = None
    for number, line in enumerate(lines):
        stripped = line.rstrip("\r\n")
        if not stripped.strip():
            if fields:
                return SourceHeader(
                    "".join(lines[: number + 1]),
                    "".join(lines[number + 1 :]),
                    number + 1,
                    fields=fields,
                )
            break
        match = _HEADER_LINE.match(stripped)
        if match:
            last_key = match.group("key").lower()
            fields[last_key] = match.group("value").strip()
        elif last_key and _CONTINUATION.match(stripped):
            fields[last_key] += " " + stripped.strip()
        else:
            break
    # Not a header block (e.g. a body that opens with "WASHINGTON: ..." and no
    # blank line after): the whole file is body.
    if (
        fields
        and len(lines)
        and all(
            _HEADER_LINE.match(line.rstrip("\r\n")) or _CONTINUATION.match(line)
            for line in lines
            if line.strip()
        )
    ):
        return SourceHeader(text, "", len(lines), fields=fields)
    return SourceHeader("", text, 0)
