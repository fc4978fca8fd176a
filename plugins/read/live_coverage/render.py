"""Render rules: an entry's opening and closing, and the "Key events" list, from templates.

The HTML is in ``templates/live_coverage/entry.html`` (two macros, ``open`` and
``close``, around the entry's own Markdown) and ``key_events.html``; code hands them data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererProtocol
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from news_blocks.render import template_environment

__all__ = ["add_render_rules"]

OPEN, CLOSE, KEY_EVENTS = "live_entry_open", "live_entry_close", "live_key_events"


def add_render_rules(md: MarkdownIt, settings: Mapping[str, Any]) -> None:
    templates = template_environment(settings)
    entry = templates.get_template("live_coverage/entry.html").module
    key_events = templates.get_template("live_coverage/key_events.html")

    def open_entry(
        renderer: RendererProtocol,
        tokens: Sequence[Token],
        idx: int,
        options: OptionsDict,
        env: EnvType,
    ) -> str:
        return str(entry.open(tokens[idx].meta["entry"])) + "\n"  # type: ignore[attr-defined]

    def close_entry(
        renderer: RendererProtocol,
        tokens: Sequence[Token],
        idx: int,
        options: OptionsDict,
        env: EnvType,
    ) -> str:
        return str(entry.close(tokens[idx].meta["entry"])) + "\n"  # type: ignore[attr-defined]

    def list_events(
        renderer: RendererProtocol,
        tokens: Sequence[Token],
        idx: int,
        options: OptionsDict,
        env: EnvType,
    ) -> str:
        return key_events.render(events=tokens[idx].meta["events"]) + "\n"

    md.add_render_rule(OPEN, open_entry)
    md.add_render_rule(CLOSE, close_entry)
    md.add_render_rule(KEY_EVENTS, list_events)
