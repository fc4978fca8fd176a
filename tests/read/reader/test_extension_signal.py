"""Plugins extend the Markdown syntax through `configure_markdown`, once per parser."""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from markdown_reader import build_parser, configure_markdown, render


def _shout_plugin(md: MarkdownIt) -> None:
    def shout(state: StateCore) -> None:
        for token in state.tokens:
            for child in token.children or []:
                if child.type == "text":
                    child.content = child.content.upper()
        state.env.setdefault("metadata", {})["shouted"] = True

    md.core.ruler.push("example_shout", shout)


def test_a_receiver_adds_rules_and_metadata():
    calls: list[dict[str, Any]] = []

    def receiver(md: MarkdownIt, settings: dict[str, Any]) -> None:
        calls.append(settings)
        md.use(_shout_plugin)

    configure_markdown.connect(receiver)
    try:
        parser = build_parser({"EXAMPLE": 1})
        first = render(parser, "example text")
        second = render(parser, "more")
    finally:
        configure_markdown.disconnect(receiver)
    assert calls == [{"EXAMPLE": 1}]  # once per parser, not per document
    assert first.html == "<p>EXAMPLE TEXT</p>\n"
    assert second.html == "<p>MORE</p>\n"
    assert first.env["metadata"] == {"shouted": True}
    assert render(build_parser({}), "example text").html == "<p>example text</p>\n"
