"""Split a Markdown source into its metadata and its body.

Two header styles are accepted so existing Pelican content keeps working (the text is cut
by :func:`content_errors.headers.split_header`, which says where each ends):

* YAML front matter between ``---`` lines at the very top;
* Pelican's ``Key: value`` lines at the top, ended by a blank line (indented lines
  continue the previous value).

YAML anchors and aliases (``&name`` / ``*name``) are refused before anything expands
them: a 1.4 KB header of nested aliases ("billion laughs") otherwise stands for
billions of values. Control characters, noncharacters and lone surrogates are refused
with their line, in the text as written and in values made by YAML escapes
(``"\\u001b"``, ``"\\ud800"``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import yaml

from content_errors import FrontMatterError, key_lines
from content_errors.characters import first_bad_character_in, refuse_bad_characters
from content_errors.headers import split_header
from content_lists import content_lists


class _AliasRefused(yaml.composer.ComposerError):
    """An anchor or alias in front matter."""


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing anchors and aliases as the parser meets them.

    The check is in the compose step, event by event: nothing after the first anchor is
    parsed, let alone expanded. Front matter never needs either (one value per key).
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # PyYAML is untyped
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _AliasRefused(
                None,
                None,
                "anchors and aliases ('&name', '*name') are not allowed",
                event.start_mark,
            )
        return super().compose_node(parent, index)


def _refuse_bad_values(metadata: dict[str, Any], header: str, path: str) -> None:
    """Refuse a value that YAML escapes made into a character that is not text."""
    for key, value in metadata.items():
        bad = first_bad_character_in(key) or first_bad_character_in(value)
        if bad is not None:
            raise FrontMatterError(
                path,
                f"'{key}' holds {bad.name}, which is not text",
                line=key_lines(header).get(key, 1),
                hint="remove the escape that makes it",
            )


@dataclass
class FrontMatter:
    metadata: dict[str, Any]
    body: str
    body_line: int  # 0-based line number of the body's first line in the file
    header: str  # the text before the body (fences included), for key lines


@dataclass(frozen=True)
class FrontMatterSource:
    """A source's front matter as written, for plugins that need more than Pelican keeps.

    The reader hands it on as the metadata key :data:`FRONT_MATTER_KEY` (so it reaches
    ``article.metadata`` whichever process parsed the file): ``values`` are the header's
    values as YAML gave them (Pelican's processors turn a list of mappings into text, for
    one) and ``lines`` the 1-based line of each top-level key, lower-cased, for messages.
    """

    values: dict[str, Any]
    lines: dict[str, int]


FRONT_MATTER_KEY = "front_matter_source"


def drop_front_matter_sources(generators: Any) -> None:
    """``all_generators_finalized`` receiver: every source is read and linked by now.

    Messages about a file's front matter are made while it is read and linked; kept for
    the writing, every article's copy of its header (≈ 0.9 KB) would stay to the end.
    """
    for generator in generators:
        for items in content_lists(generator):
            for content in items:
                metadata = getattr(content, "metadata", None)
                if isinstance(metadata, dict) and FRONT_MATTER_KEY in metadata:
                    del metadata[FRONT_MATTER_KEY]
                    vars(content).pop(FRONT_MATTER_KEY, None)


def split_front_matter(text: str, path: str) -> FrontMatter:
    """Return metadata (keys lower-cased, values as written) and the body."""
    text = text.removeprefix("\ufeff")
    refuse_bad_characters(text, path)
    header = split_header(text)
    if header is None:
        raise FrontMatterError(
            path,
            "front matter opened with '---' is never closed",
            line=1,
            hint="add a line '---' after the metadata",
        )
    if header.yaml is None:
        return FrontMatter(dict(header.fields), header.body, header.body_line, header.header)
    metadata = _load_yaml(header.yaml, path)
    _refuse_bad_values(metadata, header.header, path)
    return FrontMatter(metadata, header.body, header.body_line, header.header)


def _load_yaml(raw: str, path: str) -> dict[str, Any]:
    """The YAML between the fences as metadata: keys lower-cased, dates as ISO text."""
    try:
        data = yaml.load(raw, Loader=_NoAliasLoader)  # a SafeLoader: builds no objects
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # At the end of the stream ("expected ']' but got <stream end>") the line that
        # opened the unfinished construct is the one the editor must fix.
        if mark and error.context_mark and mark.line >= raw.count("\n"):
            mark = error.context_mark
        line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the '---' line
        problem = error.problem or "invalid YAML"
        raise FrontMatterError(
            path,
            f"invalid YAML front matter: {problem}",
            line=line,
            hint="write each value out in full"
            if isinstance(error, _AliasRefused)
            else "check quoting and indentation",
        ) from None
    except ValueError as error:
        # PyYAML builds dates while loading: an impossible one (2026-02-30) is a
        # ValueError without a position, so find the scalar that fails.
        date_line, value = _bad_timestamp(raw)
        raise FrontMatterError(
            path,
            f"invalid date {value!r} in front matter: {error}",
            line=date_line,
            hint="use a real date such as 2026-01-25",
        ) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(path, f"invalid YAML front matter: {error}", line=1) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(path, "front matter must be a mapping of 'key: value' lines", line=2)
    return {str(key).lower(): _plain_value(value) for key, value in data.items()}


def _bad_timestamp(raw: str) -> tuple[int | None, str]:
    """The 1-based file line and text of the first date scalar PyYAML cannot build."""
    constructor = yaml.constructor.SafeConstructor()
    nodes = [yaml.compose(raw, Loader=_NoAliasLoader)]
    while nodes:
        node = nodes.pop(0)
        if isinstance(node, yaml.MappingNode):
            nodes.extend(value for pair in node.value for value in pair)
        elif isinstance(node, yaml.SequenceNode):
            nodes.extend(node.value)
        elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(":timestamp"):
            try:
                constructor.construct_yaml_timestamp(node)
            except ValueError:
                return int(node.start_mark.line) + 2, str(node.value)  # after the '---' line
    return None, ""


def _plain_value(value: Any) -> Any:
    # YAML turns unquoted dates into date objects; Pelican parses strings (and then
    # applies the site's time zone), so dates go back to ISO strings.
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value
