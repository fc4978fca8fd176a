"""The ``::: entry`` blocks of a live article: checked, put in page order, and recorded.

A core rule (after news_blocks' rule, so key points and posts inside entries are already
cards; before the reader's section collector) finds the top-level ``::: entry`` blocks,
reads each one's fields (:mod:`live_coverage.fields`), checks them against the article's
coverage window and each other, then rewrites the document as the page shows it: the
text above the first entry, the pinned entry, the "Key events" list, then the other
entries newest first. Each entry becomes ``live_entry_open`` … ``live_entry_close``
around its own tokens (so links, ids and headings inside it are seen by every other
rule) and is a section of its own (its anchor, its headline; ``listed`` only when it is
a key event: hubs' timelines list key events). ``env["metadata"]`` gets ``live_entries``
(page order) and ``live_window``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup
from mdit_py_plugins.container import container_plugin

from html_policy import sanitise
from live_coverage.coverage import Coverage, coverage_of, is_live
from live_coverage.fields import Where, flag, moment, read_fields
from live_coverage.render import CLOSE, KEY_EVENTS, OPEN, add_render_rules
from markdown_reader.front_matter import FRONT_MATTER_KEY

__all__ = ["CONTAINER", "live_coverage_plugin", "time_anchor"]

CONTAINER = "entry"
_OPENING = f"container_{CONTAINER}_open"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HEADLINE_LENGTH = 110
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def time_anchor(moment_: dt.datetime) -> str:
    """An entry's anchor from its time (in UTC): ``entry-20260125-1405`` (seconds if any)."""
    utc = moment_.astimezone(dt.UTC)
    return "entry-" + utc.strftime("%Y%m%d-%H%M" + ("%S" if utc.second else ""))


def time_label(moment_: dt.datetime, zone: dt.tzinfo) -> str:
    local = moment_.astimezone(zone)
    return f"{local.day} {local:%B %Y}, {local:%H:%M} {local.tzname() or ''}".strip()


@dataclass
class _Entry:
    index: int
    line: int | None
    time: dt.datetime
    anchor: str
    entry_id: str | None
    key: bool
    pinned: bool
    author: str
    headline: str
    text: str
    html: Markup
    tokens: list[Token]
    opening: Token
    closing: Token

    def data(self, zone: dt.tzinfo) -> dict[str, Any]:
        return {
            "anchor": self.anchor,
            "id": self.entry_id,
            "time": self.time.isoformat(),
            "time_label": time_label(self.time, zone),
            "headline": self.headline,
            "text": self.text,
            "html": self.html,
            "key": self.key,
            "pinned": self.pinned,
            "author": self.author,
            "line": self.line,
        }


def _closing(tokens: Sequence[Token], start: int) -> int:
    for index in range(start + 1, len(tokens)):
        if tokens[index].type == f"container_{CONTAINER}_close" and tokens[index].level == 0:
            return index
    return len(tokens) - 1


def _is_closed(close: Token) -> bool:
    markup = close.markup.strip()
    return len(markup) >= 3 and set(markup) == {":"}


def _plain(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return "".join(parts).strip()


def _headline(body: Sequence[Token]) -> str:
    """The entry's heading if it opens with one, else its first sentence (shortened)."""
    if len(body) > 1 and body[0].type == "heading_open":
        return _plain(body[1])
    first = next((_plain(t) for t in body if t.type == "inline" and _plain(t)), "")
    sentence = _SENTENCE_END.split(first, maxsplit=1)[0]
    if len(sentence) <= _HEADLINE_LENGTH:
        return sentence
    return sentence[: _HEADLINE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


class _Document:
    """One document's entries, while the rule reads them."""

    def __init__(self, state: StateCore, site_zone: str) -> None:
        self.md = state.md
        self.env = state.env
        self.path = str(state.env.get("source_path") or "<markdown>")
        self.offset = int(state.env.get("line_offset") or 0)
        front = state.env.get(FRONT_MATTER_KEY)
        self.values: Mapping[str, Any] = getattr(front, "values", None) or {}
        self.lines: Mapping[str, int] = getattr(front, "lines", None) or {}
        self.site_zone = site_zone

    def where(self, token: Token) -> Where:
        return Where(self.path, token.map[0] + self.offset + 1 if token.map else None)

    def rewrite(self, tokens: list[Token]) -> list[Token] | None:
        """The document in page order, or None when it is not a live article."""
        live = is_live(self.values)
        first = next((t for t in tokens if t.type == _OPENING), None)
        if first is None and not live:
            return None
        if first is not None and not live:
            raise self.where(first).error(
                "'::: entry' blocks are for a live article",
                hint="add 'live: true' to the front matter",
            )
        coverage = coverage_of(self.values, self.lines, self.path, self.site_zone)
        intro, entries = self._split(tokens, coverage)
        if not entries:
            raise Where(self.path, coverage.live_line).error(
                "a live article with no '::: entry' block",
                hint="write each update as '::: entry', a 'time:' line, a blank line, "
                "its text, then ':::'",
            )
        self._check_distinct(entries)
        pinned = self._pinned(entries, coverage)
        metadata = self.env.setdefault("metadata", {})
        ordered = sorted(
            (e for e in entries if e is not pinned),
            key=lambda e: (e.time, e.index),
            reverse=True,
        )
        page = [*([pinned] if pinned else []), *ordered]
        metadata["live_entries"] = [entry.data(coverage.zone) for entry in page]
        metadata["live_window"] = {
            "start": coverage.start.isoformat() if coverage.start else None,
            "start_label": time_label(coverage.start, coverage.zone) if coverage.start else "",
            "end": coverage.end.isoformat() if coverage.end else None,
            "end_label": time_label(coverage.end, coverage.zone) if coverage.end else "",
        }
        result = list(intro)
        if pinned is not None:
            result.extend(self._entry_tokens(pinned, coverage))
        events = [entry.data(coverage.zone) for entry in page if entry.key]
        if events:
            result.append(Token(KEY_EVENTS, "section", 0, block=True, meta={"events": events}))
        for entry in ordered:
            result.extend(self._entry_tokens(entry, coverage))
        return result

    def _split(self, tokens: list[Token], coverage: Coverage) -> tuple[list[Token], list[_Entry]]:
        intro: list[Token] = []
        entries: list[_Entry] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == _OPENING and token.level == 0:
                end = _closing(tokens, index)
                if not _is_closed(tokens[end]):
                    raise self.where(token).error(
                        f"'{token.markup} {token.info.strip()}' is never closed",
                        hint=f"end it with a line '{token.markup}'",
                    )
                inner = tokens[index + 1 : end]
                entries.append(self._entry(len(entries), token, inner, tokens[end], coverage))
                index = end + 1
                continue
            if token.type == _OPENING:
                raise self.where(token).error(
                    "an entry inside another block (a list, a quote or an entry)",
                    hint="write '::: entry' at the start of a line, outside other blocks",
                )
            if entries and token.level == 0:
                raise self.where(token).error(
                    "text after the first entry that is in no entry",
                    hint="move it into an entry, or above the first '::: entry'",
                )
            intro.append(token)
            index += 1
        return intro, entries

    def _entry(
        self, index: int, opening: Token, inner: list[Token], closing: Token, coverage: Coverage
    ) -> _Entry:
        where = self.where(opening)
        fields = read_fields(inner, where, self.offset)
        values = fields.values
        if not values.get("time"):
            raise where.error(
                "an entry without a time",
                hint="start the entry with a line 'time: 2026-01-25T14:05+00:00'",
            )
        at_time = fields.at("time", where)
        time = moment(values["time"], coverage.zone, at_time)
        label = time.isoformat(timespec="minutes")
        if coverage.start is not None and time < coverage.start:
            raise at_time.error(
                f"the entry's time {label} is before the coverage starts "
                f"({coverage.start.isoformat(timespec='minutes')})",
                hint="correct the time, or coverage_start in the front matter",
            )
        if coverage.end is not None and time > coverage.end:
            raise at_time.error(
                f"the entry's time {label} is after the coverage ended "
                f"({coverage.end.isoformat(timespec='minutes')})",
                hint="correct the time, or coverage_end in the front matter",
            )
        entry_id = values.get("id") or None
        if entry_id is not None and not _ID.match(entry_id):
            raise fields.at("id", where).error(
                f"the entry id {entry_id!r} is not lower-case letters, digits and hyphens",
                hint="for example 'id: second-statement'",
            )
        body = inner[fields.tokens :]
        if not body:
            raise where.error("an entry with no text", hint="write the update after the fields")
        nested = next((t for t in body if t.type == _OPENING), None)
        if nested is not None:
            raise self.where(nested).error(
                "an entry inside another entry", hint="close the first entry with ':::' before"
            )
        html = self.md.renderer.render(body, self.md.options, self.env)
        return _Entry(
            index=index,
            line=where.line,
            time=time,
            anchor=f"entry-{entry_id}" if entry_id else time_anchor(time),
            entry_id=entry_id,
            key=flag(values.get("key", "false"), "key", fields.at("key", where)),
            pinned=flag(values.get("pinned", "false"), "pinned", fields.at("pinned", where)),
            author=values.get("author", ""),
            headline=_headline(body),
            text="\n".join(_plain(t) for t in body if t.type == "inline" and _plain(t)),
            html=Markup(sanitise(html).strip()),
            tokens=body,
            opening=opening,
            closing=closing,
        )

    def _check_distinct(self, entries: Sequence[_Entry]) -> None:
        by_time: dict[dt.datetime, _Entry] = {}
        by_anchor: dict[str, _Entry] = {}
        for entry in entries:
            earlier = by_time.get(entry.time)
            if earlier is not None and not (earlier.entry_id and entry.entry_id):
                raise Where(self.path, entry.line).error(
                    f"two entries at the same time, {entry.time.isoformat(timespec='minutes')} "
                    f"(the other at line {earlier.line})",
                    hint="give each an 'id:' (for example 'id: second-statement') "
                    "to tell them apart, or correct the time",
                )
            by_time.setdefault(entry.time, entry)
            twin = by_anchor.get(entry.anchor)
            if twin is not None:
                raise Where(self.path, entry.line).error(
                    f"two entries have the anchor '#{entry.anchor}' "
                    f"(the other at line {twin.line})",
                    hint="give one a different 'id:'",
                )
            by_anchor[entry.anchor] = entry

    def _pinned(self, entries: Sequence[_Entry], coverage: Coverage) -> _Entry | None:
        marked = [entry for entry in entries if entry.pinned]
        if len(marked) > 1:
            raise Where(self.path, marked[1].line).error(
                f"more than one pinned entry (the other at line {marked[0].line})",
                hint="a live article pins one entry: remove 'pinned: true' from the others",
            )
        if coverage.pinned_id is None:
            return marked[0] if marked else None
        wanted = coverage.pinned_id
        named = next((e for e in entries if wanted in {e.entry_id, e.anchor}), None)
        if named is None:
            ids = ", ".join(e.entry_id for e in entries if e.entry_id) or "none has an 'id:'"
            raise Where(self.path, coverage.pinned_line).error(
                f"'pinned: {wanted}' names no entry",
                hint=f"use an entry's id (the entries' ids: {ids})",
            )
        if marked and marked[0] is not named:
            raise Where(self.path, marked[0].line).error(
                f"more than one pinned entry (the front matter pins '{wanted}')",
                hint="pin one entry: in the front matter or with 'pinned: true', not both",
            )
        named.pinned = True
        return named

    def _entry_tokens(self, entry: _Entry, coverage: Coverage) -> list[Token]:
        data = entry.data(coverage.zone)
        section = {"id": entry.anchor, "title": entry.headline, "listed": entry.key}
        opening = Token(
            OPEN,
            "article",
            1,
            attrs={"id": entry.anchor},
            map=entry.opening.map,
            level=0,
            block=True,
            meta={"entry": data, "section": section},
        )
        closing = Token(
            CLOSE,
            "article",
            -1,
            map=entry.closing.map,
            level=0,
            block=True,
            meta={"entry": data, "section": {"id": entry.anchor}},
        )
        return [opening, *entry.tokens, closing]


def _validate(params: str, *args: Any) -> bool:
    return params.strip() == CONTAINER


def live_coverage_plugin(md: MarkdownIt, *, settings: Mapping[str, Any]) -> None:
    """Register the ``::: entry`` container, the core rule and the render rules on ``md``."""
    container_plugin(md, CONTAINER, validate=_validate)
    site_zone = str(settings.get("TIMEZONE") or "UTC")

    def live_entries(state: StateCore) -> None:
        if state.inlineMode:
            return
        rewritten = _Document(state, site_zone).rewrite(state.tokens)
        if rewritten is not None:
            state.tokens = rewritten

    rules = [rule.name for rule in md.core.ruler.__rules__]
    if "news_blocks" in rules:
        md.core.ruler.after("news_blocks", "live_entries", live_entries)
    elif "newsdigest_sections" in rules:
        md.core.ruler.before("newsdigest_sections", "live_entries", live_entries)
    else:
        md.core.ruler.push("live_entries", live_entries)
    add_render_rules(md, settings)
