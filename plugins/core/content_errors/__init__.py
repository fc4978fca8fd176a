"""Errors about content, shared by every plugin.

    ContentError            a problem in one source file, with its line when known
    ├── FrontMatterError    metadata that cannot be read or has the wrong shape
    ├── MarkupError         Markdown that a news-block rule cannot accept
    ├── TopicError          an unknown topic, or a topic file that is wrong
    └── SettingsError       a setting in pelicanconf.py that is unknown, mistyped or conflicting

Every message names the file (and line), says what is wrong and what to do; the
build collects them and reports them together.
"""

from __future__ import annotations

from content_errors.locations import (
    display_path,
    display_path_in,
    key_line,
    key_lines,
    metadata_line,
    printable,
    project_root,
)

__all__ = [
    "ContentError",
    "FrontMatterError",
    "MarkupError",
    "SettingsError",
    "TopicError",
    "display_path",
    "display_path_in",
    "key_line",
    "key_lines",
    "metadata_line",
    "printable",
    "project_root",
]


class ContentError(Exception):
    """A problem an editor can fix in ``path`` (at ``line``, 1-based, if known)."""

    def __init__(
        self, path: str, message: str, *, line: int | None = None, hint: str | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class FrontMatterError(ContentError):
    """Metadata that cannot be read, or a value of the wrong type."""


class MarkupError(ContentError):
    """Markdown that a rule (key points, embedded posts, ...) cannot accept."""


class TopicError(ContentError):
    """An unknown topic slug, or a topic definition that is wrong."""


class SettingsError(ContentError):
    """A setting that is unknown (a typo), of the wrong type, or in conflict with another.

    The file is the site's settings (``pelicanconf``); ``key`` is the setting's name.
    """

    def __init__(self, key: str, message: str, *, hint: str | None = None) -> None:
        self.key = key
        super().__init__("pelicanconf", message, hint=hint)
