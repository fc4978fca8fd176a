"""The Pelican reader for ``.md`` files, on markdown-it-py."""

from __future__ import annotations

import logging
from typing import Any

from pelican.readers import METADATA_PROCESSORS, BaseReader

from content_errors import ContentError, FrontMatterError, display_path, key_lines, printable
from html_policy import sanitises_as_it_renders
from markdown_reader.front_matter import (
    FRONT_MATTER_KEY,
    FrontMatterSource,
    split_front_matter,
)
from markdown_reader.renderer import NewsParser, build_parser, render

logger = logging.getLogger(__name__)

# Pelican parses these from strings; YAML may hand us lists (tags, authors) which
# Pelican's processors accept too. Other known keys must be single values.
_LIST_KEYS = {"tags", "authors"}
_SCALAR_KEYS = {"title", "status", "save_as", "url", "template", "lang", "translation"}


@sanitises_as_it_renders  # html_policy leaves it unwrapped: render() applies the policy
class NewsMarkdownReader(BaseReader):  # type: ignore[misc]  # Pelican is untyped
    """Markdown with YAML or Pelican-style metadata; raw HTML sanitised."""

    enabled = True
    file_extensions = ("md", "markdown", "mkd", "mdown")

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        # One parser per Readers instance (i.e. per generator), never per file.
        self.parser: NewsParser = build_parser(settings)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        # Pelican logs only "Could not process <file>" for a reader's exception (the
        # reason only with DEBUG), so the reason is logged here, then re-raised so
        # Pelican still counts the file as failed.
        path = display_path(source_path, self.settings)
        try:
            return self._read(source_path, path)
        except ContentError as error:
            logger.error("%s", error)
            raise
        except Exception as error:
            logger.error(
                "%s: could not be read: %s: %s (this is a bug in newsdigest; "
                "please report it with the file)",
                path,
                type(error).__name__,
                error,
            )
            raise

    def _read(self, source_path: str, path: str) -> tuple[str, dict[str, Any]]:
        if printable(source_path) != source_path:
            raise FrontMatterError(
                printable(path),
                "the file name contains a control character (shown escaped here)",
                hint="rename the file with letters, digits and hyphens",
            )
        try:
            with open(source_path, encoding="utf-8") as handle:
                text = handle.read()
        except UnicodeDecodeError as error:
            raise FrontMatterError(
                path, f"not UTF-8 text (byte {error.start})", hint="save the file as UTF-8"
            ) from None
        if "\x00" in text:
            raise FrontMatterError(
                path, "binary file, not Markdown text", hint="remove it from content/"
            )
        front = split_front_matter(text, path)
        written = FrontMatterSource(dict(front.metadata), key_lines(front.header))
        # Rules may read the front matter as written (a live article's coverage window).
        env: dict[str, Any] = {
            "source_path": path,
            "line_offset": front.body_line,
            FRONT_MATTER_KEY: written,
        }
        result = render(self.parser, front.body, env)
        metadata = self._process(front.metadata, path)
        metadata["sections"] = result.sections
        metadata[FRONT_MATTER_KEY] = written
        for key, value in env.get("metadata", {}).items():
            metadata.setdefault(key, value)
        return result.html, metadata

    def _process(self, raw: dict[str, Any], path: str) -> dict[str, Any]:
        return {
            key: self._process_value(key, value, path)
            for key, value in raw.items()
            if value is not None
        }

    def _process_value(self, key: str, value: Any, path: str) -> Any:
        if key in self.settings.get("FORMATTED_FIELDS", []) and isinstance(value, str):
            return render(self.parser, value).html.strip()
        if key not in METADATA_PROCESSORS and key not in _SCALAR_KEYS:
            return value  # a key for plugins and templates, kept as written
        if isinstance(value, dict) or (isinstance(value, list) and key not in _LIST_KEYS):
            raise FrontMatterError(path, f"'{key}' must be a single value, not {value!r}")
        text = [str(item) for item in value] if isinstance(value, list) else str(value)
        try:
            return self.process_metadata(key, text)
        except (ValueError, TypeError, OverflowError) as error:
            raise FrontMatterError(
                path, f"invalid value for '{key}': {value!r} ({error})", hint=_hint_for(key)
            ) from None


def _hint_for(key: str) -> str | None:
    if key in {"date", "modified"}:
        return "write it as 2026-01-25 or 2026-01-25T14:05:00+00:00"
    return None
