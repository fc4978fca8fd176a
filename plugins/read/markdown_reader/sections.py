"""Collect an article's sections (heading id, title, plain text) for later stages.

Topics are matched per section and hubs deep-link to a section's anchor, so the
reader records, for each ``##`` heading, what the section says. The text before
the first ``##`` is the lead section, with ``id`` ``None``.

A block that is a section of its own (a live article's entry) opens with a token whose
``meta["section"]`` holds its ``id`` and ``title`` (and any other keys, kept in the
section's dict); the text up to the matching closing token is that section's, headings
inside it included (they start no section of their own).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

SECTION_LEVEL = "h2"


@dataclass
class Section:
    id: str | None
    title: str
    line: int | None = None
    paragraphs: list[str] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def as_dict(self) -> dict[str, object]:
        return {
            **self.extra,
            "id": self.id,
            "title": self.title,
            "line": self.line,
            "text": self.text,
        }


def _plain_text(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return "".join(parts)


def collect_sections(state: StateCore) -> None:
    """Core rule: store ``state.env["sections"]`` (runs after heading ids)."""
    sections = [Section(id=None, title="")]
    tokens = state.tokens
    line_offset = int(state.env.get("line_offset", 0))
    inside: list[int] = []  # the block sections the walk is in (their levels)
    for index, token in enumerate(tokens):
        block = token.meta.get("section") if token.meta else None
        if isinstance(block, dict) and token.nesting == -1:
            inside.pop()
        elif isinstance(block, dict) and token.nesting == 1:
            line = token.map[0] + 1 + line_offset if token.map else None
            extra = {k: v for k, v in block.items() if k not in {"id", "title"}}
            title = str(block.get("title") or "")
            sections.append(Section(id=block.get("id"), title=title, line=line, extra=extra))
            inside.append(token.level)
        elif token.type == "heading_open" and token.tag == SECTION_LEVEL and not inside:
            id_attr = token.attrGet("id")
            line = token.map[0] + 1 + line_offset if token.map else None
            title = _plain_text(tokens[index + 1])
            sections.append(Section(id=str(id_attr) if id_attr else None, title=title, line=line))
        elif token.type == "inline" and tokens[index - 1].type != "heading_open":
            text = _plain_text(token).strip()
            if text:
                sections[-1].paragraphs.append(text)
        elif token.type == "heading_open":
            continue
    if not sections[0].paragraphs:
        sections.pop(0)
    state.env["sections"] = [section.as_dict() for section in sections]
