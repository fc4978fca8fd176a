"""Read the topic definitions in ``content/topics/*.md`` and check them.

A topic file is YAML front matter followed by a Markdown introduction::

    ---
    title: Rafah crossing
    slug: rafah-crossing          # optional; the file name's stem by default
    phrases: [Rafah crossing, Rafah]
    aliases: [Rafah border crossing]
    exclude_phrases: []           # optional
    ---
    A short introduction, in *Markdown*.

Every problem becomes a :class:`~content_errors.TopicError` naming the file and line;
a bad file is left out and the others still load, so all problems are reported together.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from content_errors import ContentError, TopicError, display_path_in, key_lines, metadata_line
from content_errors.headers import split_header
from markdown_reader import build_parser, render
from markdown_reader.slugs import data_file_slug
from topic_hubs.model import Topic

__all__ = ["TOPIC_KEYS", "LoadedTopics", "load_topics", "read_topic_file"]

# Every key a topic file may set; any other is a mistake the editor is told about.
TOPIC_KEYS = ("title", "slug", "phrases", "aliases", "exclude_phrases")
_LIST_KEYS = ("phrases", "aliases", "exclude_phrases")


@dataclass
class LoadedTopics:
    """The topics that loaded, the errors found, and the slugs of files that failed."""

    topics: list[Topic] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    failed_slugs: set[str] = field(default_factory=set)


def load_topics(folder: str, display_root: str, settings: Mapping[str, Any]) -> LoadedTopics:
    """Read every ``*.md`` in ``folder`` (sorted by name); a missing folder means no topics.

    Paths in messages are relative to ``display_root`` (the folder holding content/).
    """
    loaded = LoadedTopics()
    if not os.path.isdir(folder):
        return loaded
    parser = build_parser(settings)  # one parser for all topic files
    by_slug: dict[str, Topic] = {}
    for path in sorted(Path(folder).glob("*.md")):
        shown = display_path_in(str(path), display_root)
        try:
            topic = read_topic_file(path, shown, parser)
        except ContentError as error:  # TopicError, or a MarkupError from the introduction
            loaded.errors.append(error)
            loaded.failed_slugs.add(path.stem)
            continue
        if topic.slug in by_slug:
            loaded.errors.append(
                TopicError(
                    shown,
                    f"duplicate topic slug '{topic.slug}', already used by "
                    f"{by_slug[topic.slug].source_path}",
                    line=metadata_line(str(path), "slug") or 1,
                    hint="give each topic its own slug",
                )
            )
            continue
        by_slug[topic.slug] = topic
        loaded.topics.append(topic)
    return loaded


def read_topic_file(path: Path, shown: str, parser: Any) -> Topic:
    """One topic from its file; raises TopicError naming ``shown`` and the line."""
    try:
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise TopicError(
            shown, f"not UTF-8 text (byte {error.start})", hint="save the file as UTF-8"
        ) from None
    header = split_header(text)
    if header is None:
        raise TopicError(
            shown,
            "front matter opened with '---' is never closed",
            line=1,
            hint="add a line '---' after the metadata",
        )
    if header.yaml is None:
        raise TopicError(
            shown,
            "a topic file must start with YAML front matter ('---' on the first line)",
            line=1,
            hint="add '---', then title: and phrases:, then '---'",
        )
    data = _construct(_compose(header.yaml, shown), shown)
    lines = key_lines(header.header, fold_case=False)  # YAML keys keep their case
    _check_keys(data, lines, shown)
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise TopicError(
            shown,
            "the topic has no title" if title is None else f"'title' must be text, not {title!r}",
            line=lines.get("title", 2),
            hint="add a line like 'title: Rafah crossing'",
        )
    slug = data_file_slug(
        data, path, lines, shown, kind="topic", example="rafah-crossing", error=TopicError
    )
    lists = {key: _phrase_list(data, key, lines, shown) for key in _LIST_KEYS}
    # Blank lines before the introduction are kept: its lines in messages stay the file's.
    env: dict[str, Any] = {"source_path": shown, "line_offset": header.body_line}
    body = header.body
    intro = render(parser, body, env).html.strip() if body.strip() else ""
    return Topic(
        slug=slug,
        title=title.strip(),
        source_path=shown,
        intro_html=intro,
        phrases=lists["phrases"],
        aliases=lists["aliases"],
        exclude_phrases=lists["exclude_phrases"],
    )


def _compose(raw: str, shown: str) -> yaml.MappingNode:
    try:
        node = yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # At the end of the text ("expected ']' but got <stream end>") the line that
        # opened the unfinished construct is the one to fix.
        if mark and error.context_mark and mark.line >= raw.count("\n"):
            mark = error.context_mark
        line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the opening '---'
        raise TopicError(
            shown,
            f"invalid YAML front matter: {error.problem or 'cannot be read'}",
            line=line,
            hint="check quoting and indentation",
        ) from None
    except yaml.YAMLError as error:
        raise TopicError(shown, f"invalid YAML front matter: {error}", line=1) from None
    if not isinstance(node, yaml.MappingNode):
        raise TopicError(
            shown,
            "front matter must be a mapping of 'key: value' lines",
            line=2,
            hint="start with 'title: ...'",
        )
    return node


def _construct(node: yaml.MappingNode, shown: str) -> dict[str, Any]:
    try:
        data = yaml.SafeLoader("").construct_document(node)
    except yaml.YAMLError as error:
        raise TopicError(shown, f"invalid YAML front matter: {error}", line=2) from None
    return {str(key): value for key, value in data.items()}


def _check_keys(data: dict[str, Any], lines: dict[str, int], shown: str) -> None:
    for key in data:
        if key in TOPIC_KEYS:
            continue
        close = difflib.get_close_matches(key.lower(), TOPIC_KEYS, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(TOPIC_KEYS)}"
        raise TopicError(shown, f"unknown key '{key}'", line=lines.get(key), hint=hint)


def _phrase_list(
    data: dict[str, Any], key: str, lines: dict[str, int], shown: str
) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(item, str | int | float) and str(item).strip() for item in value
    ):
        raise TopicError(
            shown,
            f"'{key}' must be a list of phrases, not {value!r}",
            line=lines.get(key),
            hint=f"write it as '{key}: [first phrase, second phrase]'",
        )
    return tuple(str(item).strip() for item in value)
