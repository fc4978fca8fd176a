"""The Pelican reader for ``.md`` files, on markdown-it-py."""

from __future__ import annotations

import os
from typing import Any

from pelican.readers import BaseReader

from content_errors import FrontMatterError
from markdown_reader.front_matter import split_front_matter
from markdown_reader.renderer import NewsParser, build_parser, render

# Pelican parses these from strings; YAML may hand us lists (tags, authors) which
# Pelican's processors accept too.
_LIST_KEYS = {"tags", "authors"}


class NewsMarkdownReader(BaseReader):
    """Markdown with YAML or Pelican-style metadata; raw HTML sanitised."""

    enabled = True
    file_extensions = ["md", "markdown", "mkd", "mdown"]

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        # One parser per Readers instance (i.e. per generator), never per file.
        self.parser: NewsParser = build_parser(settings)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        path = self._display_path(source_path)
        try:
            with open(source_path, encoding="utf-8") as handle:
                text = handle.read()
        except UnicodeDecodeError as error:
            raise FrontMatterError(path, f"not UTF-8 text (byte {error.start})",
                                   hint="save the file as UTF-8") from None  # fmt: skip
        if "\x00" in text:
            raise FrontMatterError(path, "binary file, not Markdown text",
                                   hint="remove it from content/")  # fmt: skip
        front = split_front_matter(text, path)
        env: dict[str, Any] = {"source_path": path, "line_offset": front.body_line}
        result = render(self.parser, front.body, env)
        metadata = self._process(front.metadata, path)
        metadata["sections"] = result.sections
        for key, value in env.get("metadata", {}).items():
            metadata.setdefault(key, value)
        return result.html, metadata

    def _display_path(self, source_path: str) -> str:
        """The path as the editor knows it: relative to the project, if inside it."""
        root = os.path.dirname(os.path.abspath(self.settings.get("PATH", ".")))
        relative = os.path.relpath(os.path.abspath(source_path), root)
        return source_path if relative.startswith("..") else relative

    def _process(self, raw: dict[str, Any], path: str) -> dict[str, Any]:
        metadata: dict[str, Any] = {}
        for key, value in raw.items():
            if key in self.settings.get("FORMATTED_FIELDS", []) and isinstance(value, str):
                html = render(self.parser, value).html.strip()
                metadata[key] = html
                continue
            if value is None:
                continue
            if isinstance(value, list) and key not in _LIST_KEYS:
                metadata[key] = value
                continue
            if isinstance(value, bool | int | float | dict):
                metadata[key] = value
                continue
            try:
                if isinstance(value, list):
                    value = [str(item) for item in value]
                else:
                    value = str(value)
                metadata[key] = self.process_metadata(key, value)
            except (ValueError, TypeError, OverflowError) as error:
                raise FrontMatterError(path, f"invalid value for '{key}': {value!r} ({error})",
                                       hint=_hint_for(key)) from None  # fmt: skip
        return metadata


def _hint_for(key: str) -> str | None:
    if key in {"date", "modified"}:
        return "write it as 2026-01-25 or 2026-01-25T14:05:00+00:00"
    return None
