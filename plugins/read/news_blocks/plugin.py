"""The markdown-it plugin: container rules, and the core rule that makes news blocks.

``::: key-points`` and ``::: post`` are parsed by mdit-py-plugins' container rule. A
core rule then replaces, anywhere in the token stream (in lists and blockquotes too):

* a key-points container by one ``news_key_points`` token (its points in ``meta``);
* a post container, a pasted embed (``html_block``) and a paragraph holding only a
  post's address by ``news_post`` tokens (the :class:`~news_blocks.post.Post`);

and records what it found in ``env["metadata"]`` (``key_points``, ``key_points_box``,
``embedded_posts``), which the reader turns into the article's metadata. The core rule
runs before the reader's section collector, so post fields never count as text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import unescape
from typing import Any

from jinja2 import Environment
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup
from mdit_py_plugins.container import container_plugin

from html_policy import sanitise
from news_blocks.key_points import points_from_box
from news_blocks.pasted_embeds import posts_from_embed
from news_blocks.post import Location, Post, check_complete
from news_blocks.post_block import post_from_fields, read_fields
from news_blocks.post_links import bare_link_post
from news_blocks.render import (
    KEY_POINTS_TOKEN,
    POST_TOKEN,
    add_render_rules,
    template_environment,
)

PLUGIN_NAME = "news_blocks"
KEY_POINTS = "key-points"
POST = "post"
# The reader's rule that collects sections' text; ours must run before it.
_SECTIONS_RULE = "newsdigest_sections"


def _named(name: str) -> Any:
    def validate(params: str, *args: Any) -> bool:
        return params.strip() == name

    return validate


def _closing(tokens: Sequence[Token], start: int) -> int:
    """The index of the token that closes ``tokens[start]`` (a container)."""
    opening = tokens[start]
    close_type = opening.type.removesuffix("_open") + "_close"
    for index in range(start + 1, len(tokens)):
        if tokens[index].type == close_type and tokens[index].level == opening.level:
            return index
    return len(tokens) - 1  # markdown-it always closes what it opens


def _is_closed(close: Token) -> bool:
    # The container rule runs an unclosed container to the end of its parent; then the
    # close token's markup is not a ':::' line.
    markup = close.markup.strip()
    return len(markup) >= 3 and set(markup) == {":"}


def _inline_text(children: Sequence[Token]) -> str:
    parts = []
    for child in children:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))  # its alt text, as shown
        elif child.type == "html_inline" and child.content[:4].lower() == "<img":
            parts.append(unescape(sanitise(child.content, images=False)))
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append("\n" if child.type == "hardbreak" else " ")
    return "".join(parts)


def _plain_text(tokens: Sequence[Token]) -> str:
    paragraphs = [_inline_text(t.children or []) for t in tokens if t.type == "inline"]
    return "\n".join(p for p in paragraphs if p)


class _Document:
    """What the core rule needs while it walks one document's tokens."""

    def __init__(self, state: StateCore) -> None:
        self.md = state.md
        self.env = state.env
        self.path = str(state.env.get("source_path") or "<markdown>")
        self.offset = int(state.env.get("line_offset") or 0)
        self.metadata: dict[str, Any] = state.env.setdefault("metadata", {})

    def where(self, token: Token) -> Location:
        return Location(self.path, token.map[0] + self.offset + 1 if token.map else None)

    def transform(self, tokens: Sequence[Token]) -> list[Token]:
        result: list[Token] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type in {f"container_{KEY_POINTS}_open", f"container_{POST}_open"}:
                end = _closing(tokens, index)
                if not _is_closed(tokens[end]):
                    raise self.where(token).error(
                        f"'{token.markup} {token.info.strip()}' is never closed",
                        hint=f"end it with a line '{token.markup}'",
                    )
                inner = tokens[index + 1 : end]
                if token.type.endswith(f"{KEY_POINTS}_open"):
                    result.append(self.key_points(token, inner))
                else:
                    result.append(self.post_block(token, inner))
                index = end + 1
                continue
            if token.type == "html_block":
                posts = posts_from_embed(token.content, self.where(token))
                if posts is None:
                    result.append(token)
                else:
                    result.extend(self.post_token(token, post) for post in posts)
                index += 1
                continue
            linked = bare_link_post(tokens, index)
            if linked is not None:
                linked.line, linked.source = self.where(token).line, "link"
                result.append(self.post_token(token, linked))
                index += 3
                continue
            result.append(token)
            index += 1
        return result

    def key_points(self, opening: Token, inner: Sequence[Token]) -> Token:
        where = self.where(opening)
        earlier = self.metadata.get("key_points_box")
        if earlier:
            raise where.error(
                f"a second key-points box (the first is at line {earlier['line']})",
                hint="an article has one key-points box: merge them",
            )
        points = points_from_box(self.md, inner, self.env, where, self.offset)
        box = {"heading_id": "key-points-1", "points": points}
        self.metadata["key_points"] = points
        self.metadata["key_points_box"] = {"line": where.line, "points": points}
        return self._token(KEY_POINTS_TOKEN, "aside", opening, {"box": box})

    def post_block(self, opening: Token, inner: Sequence[Token]) -> Token:
        where = self.where(opening)
        fields = read_fields(inner, where, self.offset)
        post = post_from_fields(fields, where)
        text_tokens = self.transform(inner[fields.tokens :])
        html = self.md.renderer.render(text_tokens, self.md.options, self.env)
        # Post text keeps no image at all (each becomes its alt text): see pasted_embeds.
        post.text_html = Markup(sanitise(html, images=False).strip())
        post.text = _plain_text(text_tokens)
        return self.post_token(opening, check_complete(post, where))

    def post_token(self, source: Token, post: Post) -> Token:
        self.metadata.setdefault("embedded_posts", []).append(post.as_metadata())
        return self._token(POST_TOKEN, "figure", source, {"post": post})

    @staticmethod
    def _token(kind: str, tag: str, source: Token, meta: dict[str, Any]) -> Token:
        return Token(kind, tag, 0, map=source.map, level=source.level, block=True, meta=meta)


def news_blocks_rule(state: StateCore) -> None:
    """Core rule: replace news-block syntax by news-block tokens (see module docstring)."""
    if state.inlineMode:
        return
    state.tokens = _Document(state).transform(state.tokens)


def news_blocks_plugin(md: MarkdownIt, *, templates: Environment) -> None:
    """Register the container rules, the core rule and the render rules on ``md``."""
    container_plugin(md, KEY_POINTS, validate=_named(KEY_POINTS))
    container_plugin(md, POST, validate=_named(POST))
    core_rules = [rule.name for rule in md.core.ruler.__rules__]
    if _SECTIONS_RULE in core_rules:
        md.core.ruler.before(_SECTIONS_RULE, "news_blocks", news_blocks_rule)
    else:
        md.core.ruler.push("news_blocks", news_blocks_rule)
    add_render_rules(md, templates)


def add_news_blocks(md: MarkdownIt, settings: Mapping[str, Any] | None = None) -> None:
    """``configure_markdown`` receiver (connected for the sites that use this plugin)."""
    md.use(news_blocks_plugin, templates=template_environment(settings or {}))
