"""Every Pelican reader's output passes the one policy, whichever reader made it.

Pelican reads reStructuredText (docutils), HTML, and any format a site adds (``READERS``
or a plugin's ``readers_init`` receiver). Our Markdown reader sanitises its own raw HTML;
every other reader class is replaced, for the build, by a subclass of it
(:func:`sanitising_reader`, same name, so Pelican's ``reader`` metadata is unchanged)
whose ``read``:

1. checks that a text format's file is UTF-8 text without NUL bytes, control characters,
   noncharacters or lone surrogates (the Markdown reader's messages);
2. calls the reader; reStructuredText is read with file insertion off and its docutils
   messages collected (:mod:`html_policy.docutils_messages`);
3. sends :data:`html_read` with the HTML as the reader made it (strict_build records the
   links, ids and off-site images there, as its Markdown rule does);
4. returns the HTML and every ``FORMATTED_FIELDS`` value (``summary``) through
   :func:`~html_policy.policy.sanitise`.

Plain-text metadata (title, tags, ...) is made safe for every reader alike afterwards
(``html_policy.plain_metadata``, on the generator's context signal). A problem is
logged as a ContentError naming the file (and line) and raised, so Pelican counts the
file as failed.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from typing import Any, TypeVar

from blinker import signal
from pelican.readers import HTMLReader, MarkdownReader, RstReader

from content_errors import ContentError, display_path, metadata_line
from content_errors.characters import first_bad_character_in, refuse_bad_characters
from html_policy.docutils_messages import MessageLog, docutils_settings
from html_policy.policy import sanitise

__all__ = [
    "html_read",
    "sanitises_as_it_renders",
    "sanitises_output",
    "sanitising_reader",
    "wrap_readers",
]

logger = logging.getLogger(__name__)

html_read = signal("newsdigest.html_read")
"""Sent as ``html_read.send(reader, html=..., metadata=..., source_path=...,
source_text=...)`` with a reader's HTML before it is sanitised (``source_text``: the
file's text, or None for a format not known to be text). Receivers may add keys to
``metadata``."""

# Formats known to be text: their files are checked before their reader sees them.
_TEXT_FORMATS: tuple[tuple[type, str], ...] = (
    (RstReader, "reStructuredText"),
    (HTMLReader, "HTML"),
    (MarkdownReader, "Markdown"),
)
_WRAPPED = "_newsdigest_sanitised"
_RENDERS_SAFELY = "_newsdigest_sanitises_as_it_renders"

_Reader = TypeVar("_Reader", bound=type)


class _SanitisedOutput:
    """Placed before a reader class in a subclass: what its ``read`` returns is sanitised."""

    settings: Mapping[str, Any]
    text_format: str | None = None
    docutils_log: MessageLog | None = None

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        path = display_path(source_path, self.settings)
        try:
            return self._read_safely(source_path, path)
        except ContentError as error:
            logger.error("%s", error)
            raise

    def _read_safely(self, source_path: str, path: str) -> tuple[str, dict[str, Any]]:
        text = _source_text(source_path, path, self.text_format) if self.text_format else None
        try:
            content, metadata = super().read(source_path)  # type: ignore[misc]
        except Exception as error:
            _raise_first(self._messages(path))
            kind = f" as {self.text_format}" if self.text_format else ""
            raise ContentError(
                path,
                f"could not be read{kind}: {type(error).__name__}: {error}",
                hint="fix the file, or move it out of the content folder",
            ) from None
        _raise_first(self._messages(path))
        _refuse_bad_values(metadata, source_path, path)
        html_read.send(
            self, html=content, metadata=metadata, source_path=source_path, source_text=text
        )
        return _sanitised(content, metadata, self.settings)

    def _messages(self, path: str) -> list[ContentError]:
        return self.docutils_log.take_errors(path) if self.docutils_log else []


class _SafeDocutils(_SanitisedOutput):
    """For reStructuredText: docutils with our settings on top of the site's."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.docutils_log = MessageLog()
        # A copy for this reader: the site's own settings stay as they are.
        super().__init__(  # type: ignore[call-arg]
            {**settings, "DOCUTILS_SETTINGS": docutils_settings(settings, self.docutils_log)}
        )


def _raise_first(errors: list[ContentError]) -> None:
    """Log every error but the first, and raise that one (read logs it)."""
    if not errors:
        return
    for error in errors[1:]:
        logger.error("%s", error)
    raise errors[0]


def _source_text(source_path: str, path: str, text_format: str) -> str:
    """The file's text; an error like the Markdown reader's when it is not UTF-8 text."""
    try:
        with open(source_path, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError as error:
        raise ContentError(
            path, f"not UTF-8 text (byte {error.start})", hint="save the file as UTF-8"
        ) from None
    except OSError as error:
        raise ContentError(path, f"cannot be read: {error.strerror}") from None
    if "\x00" in text:
        raise ContentError(
            path, f"binary file, not {text_format} text", hint="remove it from content/"
        )
    refuse_bad_characters(text, path)
    return text


def _refuse_bad_values(metadata: Mapping[str, Any], source_path: str, path: str) -> None:
    """A metadata value the reader made into a character that is not text (an escape, a
    substitution), whatever the format: refused like one written in the file."""
    for key, value in metadata.items():
        bad = first_bad_character_in(value)
        if bad is not None:
            raise ContentError(
                path,
                f"{key!r} holds {bad.name}, which is not text",
                line=metadata_line(source_path, key),
                hint="remove what makes it",
            )


def _sanitised(
    content: Any, metadata: dict[str, Any], settings: Mapping[str, Any]
) -> tuple[Any, dict[str, Any]]:
    html = sanitise(content) if isinstance(content, str) else content
    for key in settings.get("FORMATTED_FIELDS") or ():
        value = metadata.get(key)
        if isinstance(value, str):
            metadata[key] = sanitise(value)
    return html, metadata


@functools.cache
def sanitising_reader(reader_class: type) -> type:
    """``reader_class`` with its output sanitised (one class per reader class)."""
    mixin = _SafeDocutils if issubclass(reader_class, RstReader) else _SanitisedOutput
    text_format = next(
        (name for base, name in _TEXT_FORMATS if issubclass(reader_class, base)), None
    )
    namespace = {
        "__module__": reader_class.__module__,
        "__qualname__": reader_class.__qualname__,
        "__doc__": reader_class.__doc__,
        "text_format": text_format,
        _WRAPPED: True,
    }
    return type(reader_class.__name__, (mixin, reader_class), namespace)


def sanitises_output(reader_class: type) -> bool:
    """True for a class made by :func:`sanitising_reader`."""
    return bool(getattr(reader_class, _WRAPPED, False))


def sanitises_as_it_renders(reader_class: _Reader) -> _Reader:
    """Class decorator for a reader that applies the policy itself as it renders (the
    Markdown reader): :func:`wrap_readers` leaves that class alone. Only that class: a
    subclass a site makes may render differently, so it is wrapped like any other.

    The reader declares this itself, so this package never imports the reader (the reader
    imports the policy)."""
    setattr(reader_class, _RENDERS_SAFELY, reader_class)
    return reader_class


def _trusted(reader_class: type) -> bool:
    return getattr(reader_class, _RENDERS_SAFELY, None) is reader_class


def wrap_readers(reader_classes: dict[str, Any]) -> None:
    """Replace each reader class in ``reader_classes`` (extension -> class, or None for a
    format turned off) by its sanitising subclass, except classes marked with
    :func:`sanitises_as_it_renders`."""
    for extension, reader_class in list(reader_classes.items()):
        if not isinstance(reader_class, type) or sanitises_output(reader_class):
            continue
        if _trusted(reader_class):
            continue
        reader_classes[extension] = sanitising_reader(reader_class)
