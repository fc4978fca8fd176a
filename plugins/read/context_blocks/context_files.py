"""Read the explainers in ``content/context/*.md`` and check them.

A context file is front matter followed by a Markdown body::

    ---
    title: The crossing, explained
    kind: qa                    # qa, guide, profile or timeline
    reviewed: 2026-01-25        # when the text was last checked (a date, or date and time)
    slug: crossing-explained    # optional; the file name's stem by default
    ---
    ## What is the crossing?
    The answer, in *Markdown*.

The body is Markdown for every kind: a ``qa``'s questions are its ``##`` headings, a
``timeline`` is a list of dated items (:mod:`context_blocks.context_bodies` checks both).
Every problem becomes a :class:`~content_errors.ContentError` naming the file and line;
a bad file is left out and the others still load, so all problems are reported together.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from content_errors import ContentError, FrontMatterError, display_path_in, key_lines
from context_blocks.context_bodies import CONTEXT_KIND_ENV, CONTEXT_SLUG_ENV
from context_blocks.model import KINDS, ContextBlock
from markdown_reader import render
from markdown_reader.front_matter import split_front_matter
from markdown_reader.slugs import data_file_slug
from read_dependencies import digest_of

__all__ = ["CONTEXT_KEYS", "LoadedContext", "load_context_files", "read_context_file"]

# Every key a context file may set; any other is a mistake the editor is told about.
CONTEXT_KEYS = ("title", "kind", "reviewed", "slug")


@dataclass
class LoadedContext:
    """The blocks that loaded (by slug), the errors found, and the slugs (file stems too)
    of the files that failed, with the file each names."""

    blocks: dict[str, ContextBlock] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def load_context_files(
    folder: str, display_root: str, parser: Any, settings: Mapping[str, Any]
) -> LoadedContext:
    """Read every ``*.md`` in ``folder`` (sorted by name); a missing folder means none.

    Paths in messages are relative to ``display_root`` (the folder holding content/).
    """
    loaded = LoadedContext()
    if not os.path.isdir(folder):
        return loaded
    zone = str(settings.get("TIMEZONE") or "UTC")
    for path in sorted(Path(folder).glob("*.md")):
        shown = display_path_in(str(path), display_root)
        try:
            block = read_context_file(path, shown, parser, zone)
        except ContentError as error:  # FrontMatterError, or a MarkupError from the body
            loaded.errors.append(error)
            loaded.failed[path.stem] = shown
            continue
        earlier = loaded.blocks.get(block.slug)
        if earlier is not None:
            loaded.errors.append(
                FrontMatterError(
                    shown,
                    f"duplicate context slug '{block.slug}', already used by {earlier.source_path}",
                    hint="give each context file its own slug",
                )
            )
            loaded.failed[block.slug] = shown
            continue
        loaded.blocks[block.slug] = block
    return loaded


def read_context_file(path: Path, shown: str, parser: Any, zone: str) -> ContextBlock:
    """One block from its file (its card not yet made); raises a ContentError naming
    ``shown`` and the line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FrontMatterError(
            shown, f"not UTF-8 text (byte {error.start})", hint="save the file as UTF-8"
        ) from None
    front = split_front_matter(text, shown)  # FrontMatterError with the line
    values = front.metadata
    lines = key_lines(front.header, fold_case=False)  # YAML keys keep their case
    _check_keys(values, lines, shown)
    title = _title(values, lines, shown)
    kind = _kind(values, lines, shown)
    reviewed, reviewed_iso = _reviewed(values, lines, shown, zone)
    slug = data_file_slug(
        values,
        path,
        lines,
        shown,
        kind="context",
        example="crossing-explained",
        error=FrontMatterError,
    )
    if not front.body.strip():
        raise FrontMatterError(
            shown,
            "the context file has no text after its front matter",
            line=front.body_line + 1,
            hint="write the explainer in Markdown below the closing '---'",
        )
    env: dict[str, Any] = {
        "source_path": shown,
        "line_offset": front.body_line,
        CONTEXT_SLUG_ENV: slug,
        CONTEXT_KIND_ENV: kind,
    }
    html = render(parser, front.body, env).html.strip()
    return ContextBlock(
        slug=slug,
        title=title,
        kind=kind,
        reviewed=reviewed,
        reviewed_iso=reviewed_iso,
        body_html=Markup(html),
        source_path=shown,
        path=str(path.resolve()),
        digest=digest_of(data),
    )


def _check_keys(values: Mapping[str, Any], lines: Mapping[str, int], shown: str) -> None:
    for key in values:
        if key in CONTEXT_KEYS:
            continue
        close = difflib.get_close_matches(key, CONTEXT_KEYS, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(CONTEXT_KEYS)}"
        raise FrontMatterError(shown, f"unknown key '{key}'", line=lines.get(key), hint=hint)


def _title(values: Mapping[str, Any], lines: Mapping[str, int], shown: str) -> str:
    title = values.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    raise FrontMatterError(
        shown,
        "the context file has no title"
        if title is None or title == ""
        else f"'title' must be text, not {title!r}",
        line=lines.get("title", 1),
        hint="add a line like 'title: The crossing, explained'",
    )


def _kind(values: Mapping[str, Any], lines: Mapping[str, int], shown: str) -> str:
    kind = values.get("kind")
    known = ", ".join(KINDS)
    if kind is None:
        raise FrontMatterError(
            shown, "the context file has no kind", line=1, hint=f"add 'kind:' with one of {known}"
        )
    if isinstance(kind, str) and kind in KINDS:
        return kind
    close = difflib.get_close_matches(str(kind).strip().lower(), KINDS, n=1)
    raise FrontMatterError(
        shown,
        f"unknown kind {kind!r}",
        line=lines.get("kind"),
        hint=f"did you mean '{close[0]}'?" if close else f"use one of {known}",
    )


def _reviewed(
    values: Mapping[str, Any], lines: Mapping[str, int], shown: str, zone: str
) -> tuple[dt.datetime, str]:
    """The moment of ``reviewed`` (a date: the start of that day in ``zone``), and the
    value for a ``<time datetime>``."""
    value = values.get("reviewed")
    hint = "write when the text was last checked, like 'reviewed: 2026-01-25'"
    if value is None or value == "":
        raise FrontMatterError(shown, "the context file has no 'reviewed' date", line=1, hint=hint)
    text = str(value).strip()
    try:
        if len(text) == 10:  # a date alone (front matter gives YAML's dates back as text)
            day = dt.date.fromisoformat(text)
            moment = dt.datetime(day.year, day.month, day.day)
        else:
            moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise FrontMatterError(
            shown,
            f"'reviewed' must be a date, not {value!r}",
            line=lines.get("reviewed"),
            hint=hint,
        ) from None
    if moment.tzinfo is None:
        try:
            moment = moment.replace(tzinfo=zoneinfo.ZoneInfo(zone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            moment = moment.replace(tzinfo=dt.UTC)
    return moment, text
