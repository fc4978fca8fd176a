"""The imported article as data, between the recognisers and the Markdown writer.

Text fields hold Markdown (already escaped); the writer only arranges them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    text: str


@dataclass
class Heading:
    text: str
    level: int = 2
    # Line of a plain-text heading: only a guess there (a short line), so the report lists it.
    guessed_at_line: int | None = None


@dataclass
class ListBlock:
    items: list[str]
    ordered: bool = False


@dataclass
class Quote:
    paragraphs: list[str]


@dataclass
class CodeBlock:
    code: str


@dataclass
class RawHtml:
    """HTML kept as it is (tables); always passed through ``html_policy.sanitise`` first."""

    html: str


@dataclass
class Post:
    """An embedded social-media post; ``paragraphs`` are lists of hard-broken lines."""

    platform: str
    author: str | None = None
    handle: str | None = None
    url: str | None = None
    date: str | None = None
    media_alt: str | None = None
    context: str | None = None
    paragraphs: list[list[str]] = field(default_factory=list)

    def describe(self) -> str:
        who = f"@{self.handle}" if self.handle else (self.author or self.url or "unknown author")
        return f"{self.platform} {who}"


Block = Paragraph | Heading | ListBlock | Quote | CodeBlock | RawHtml | Post


@dataclass
class Report:
    """What the importer recognised, and what it had to guess or leave out."""

    recognised: list[str] = field(default_factory=list)
    guessed: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    # What the source did not hold and the editor should add (a post's text).
    to_add: list[str] = field(default_factory=list)


@dataclass
class Article:
    title: str | None = None
    date: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    # Wire credit lines ("Editing by ...") name people with a role: (name, role).
    contributors: list[tuple[str, str]] = field(default_factory=list)
    summary: str | None = None
    lang: str | None = None
    source: str | None = None
    url: str | None = None
    topics: list[str] = field(default_factory=list)
    # Pelican tags (free keywords), unlike topics which must name a topic file.
    tags: list[str] = field(default_factory=list)
    dateline: str | None = None
    key_points: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    report: Report = field(default_factory=Report)

    def posts(self) -> list[Post]:
        return [block for block in self.blocks if isinstance(block, Post)]

    def headings(self) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)]

    def word_count(self) -> int:
        texts = [b.text for b in self.blocks if isinstance(b, Paragraph)]
        texts += [item for b in self.blocks if isinstance(b, ListBlock) for item in b.items]
        texts += [p for b in self.blocks if isinstance(b, Quote) for p in b.paragraphs]
        return sum(len(text.split()) for text in texts)
