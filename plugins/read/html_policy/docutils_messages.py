"""reStructuredText read safely, and docutils' messages turned into errors that name the file.

Pelican's ``RstReader`` hands docutils the site's ``DOCUTILS_SETTINGS``. Three settings are
ours whatever the site says (:data:`SAFE_DOCUTILS_SETTINGS`):

* ``file_insertion_enabled`` off: ``.. include::``, ``.. raw:: :file:``/``:url:`` and
  ``.. csv-table:: :file:`` would copy any file the build can read (or a web page) into a
  page. They become errors.
* ``raw_enabled`` on: ``.. raw:: html`` is kept, as raw HTML is in Markdown, and goes through
  the same allow-list (:func:`~html_policy.policy.sanitise`) with the rest of the page.
* ``warning_stream``: docutils writes each system message it reports (warning and above,
  as ``source:line: (LEVEL/n) text``) to a :class:`MessageLog`, read back after each file;
  otherwise they are printed on stderr, or end a read in a ``SystemMessage`` exception
  that Pelican reports as "Could not process" without the reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from content_errors import ContentError

__all__ = ["SAFE_DOCUTILS_SETTINGS", "MessageLog", "docutils_settings"]

SAFE_DOCUTILS_SETTINGS: Mapping[str, Any] = {
    "file_insertion_enabled": False,
    "raw_enabled": True,
}

# The first line of docutils' system message text (nodes.system_message.astext); the
# line is empty when docutils does not know it.
_MESSAGE = re.compile(
    r"^(?P<source>.*?):(?P<line>\d*): \((?P<type>DEBUG|INFO|WARNING|ERROR|SEVERE)/(?P<level>\d)\)"
    r" (?P<text>.*)$",
    re.MULTILINE,
)
_WARNING_LEVEL = 2


class MessageLog:
    """A stream docutils writes its system messages to, read back once per file."""

    def __init__(self) -> None:
        self._parts: list[str] = []

    def write(self, text: str) -> int:
        self._parts.append(text)
        return len(text)

    def flush(self) -> None:
        """Streams are flushed; nothing is buffered here."""

    def take_errors(self, path: str) -> list[ContentError]:
        """The messages written since the last call, as errors naming ``path``."""
        text = "".join(self._parts)
        self._parts.clear()
        return message_errors(text, path)


def message_errors(text: str, path: str) -> list[ContentError]:
    """docutils' system messages in ``text`` (warnings and above) as ContentErrors."""
    errors = []
    for match in _MESSAGE.finditer(text):
        if int(match.group("level")) < _WARNING_LEVEL:
            continue
        line = int(match.group("line")) if match.group("line") else None
        message = match.group("text").strip()
        errors.append(
            ContentError(
                path,
                f"reStructuredText {match.group('type').lower()}: {message}",
                line=line,
                hint=_hint_for(message),
            )
        )
    return errors


def _hint_for(message: str) -> str:
    if "directive disabled" in message or "insertion" in message:
        return (
            "newsdigest does not copy other files into a page; paste the text in, or link"
            " the file with {static}"
        )
    return "fix the markup at that line; docutils names what it expected"


def docutils_settings(settings: Mapping[str, Any], log: MessageLog) -> dict[str, Any]:
    """The site's ``DOCUTILS_SETTINGS`` with ours on top (a new dict)."""
    return {
        **(settings.get("DOCUTILS_SETTINGS") or {}),
        **SAFE_DOCUTILS_SETTINGS,
        "warning_stream": log,
    }
