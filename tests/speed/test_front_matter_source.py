"""The reader keeps each source's front matter and key lines: newsroom reads no file again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pelican.settings import DEFAULT_CONFIG

from content_errors import ContentError, key_lines
from markdown_reader import NewsMarkdownReader
from markdown_reader.front_matter import (
    FRONT_MATTER_KEY,
    FrontMatterSource,
    split_front_matter,
)
from newsroom import publication
from newsroom.source_lines import raw_front_matter, read_raw_front_matter

ROOT = Path(__file__).resolve().parents[2]
# Every Markdown source the project has: real content and the test suites' fixtures
# (malformed ones included: those the reader refuses are skipped).
SOURCES = sorted(
    path
    for folder in ("content", "tests")
    for path in (ROOT / folder).rglob("*.md")
    if ".tools" not in path.parts and "node_modules" not in path.parts
)


def _reader() -> NewsMarkdownReader:
    return NewsMarkdownReader({**DEFAULT_CONFIG, "PATH": str(ROOT / "content")})


def test_there_are_sources_of_both_header_styles() -> None:
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in SOURCES]
    assert sum(text.startswith("---") for text in texts) > 20
    assert any(text.startswith("Title:") for text in texts)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_values_and_lines_as_reading_the_file_again(path: Path) -> None:
    try:
        _, metadata = _reader().read(str(path))
    except (ContentError, UnicodeDecodeError):
        pytest.skip("the reader refuses this file (a malformed fixture)")
    source = metadata[FRONT_MATTER_KEY]
    assert isinstance(source, FrontMatterSource)
    again = read_raw_front_matter(str(path), "x.md")
    assert source.values == again.values
    assert source.lines == again.lines


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: A\nauthors:\n  - {name: B, role: Editor}\n---\nbody: not a key\n",
        "\ufeffTitle: A\nDate: 2026-01-25\n\nBody: text\n",
        "Title: A\r\nDateline: X\r\n\r\nBody\r\n",
        "---\ntitle: A\n\n\ndateline: X\n---\n\nsource: body\n",
        "---\ntitle: A\nTitle: B\n---\nBody\n",
        "Title: A\nSummary: one\n  two\nTags: a",
        "---\ntitle: 'A\u2028B'\nsource: x\n---\nText\n",
        "No header at all\n",
        "",
    ],
)
def test_key_lines_read_only_the_header(text: str) -> None:
    front = split_front_matter(text, "x.md")
    lines = text.removeprefix("\ufeff").splitlines()
    expected: dict[str, int] = {}
    for number, line in enumerate(lines[: front.body_line], start=1):
        key = line.split(":", 1)[0]
        if ":" in line and key.rstrip(" \t") and key.rstrip(" \t").replace("-", "_").isidentifier():
            expected[key.rstrip(" \t").lower()] = number  # a repeated key: its last line
    assert key_lines(front.header) == expected


def test_newsroom_uses_the_readers_front_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    path = ROOT / "content" / "articles"
    source = next(p for p in sorted(path.glob("*.md")))
    _, metadata = _reader().read(str(source))

    class _Article:
        source_path = str(source)

    article: Any = _Article()
    article.metadata = metadata

    def refuse(*_: Any) -> Any:
        raise AssertionError("read the file again")

    monkeypatch.setattr("newsroom.source_lines.read_raw_front_matter", refuse)
    raw = raw_front_matter(article, "content/articles/x.md")
    assert raw.values == metadata[FRONT_MATTER_KEY].values
    assert publication.raw_front_matter is raw_front_matter


def test_kept_while_read_and_linked_then_dropped_before_writing(
    build_site: Any,
) -> None:
    from pelican import signals

    seen: dict[str, list[bool]] = {"linked": [], "writing": []}

    def linked(generator: Any) -> None:
        seen["linked"] += [FRONT_MATTER_KEY in a.metadata for a in generator.articles]

    def writing(generator: Any, writer: Any = None) -> None:
        seen["writing"] += [
            FRONT_MATTER_KEY in a.metadata or hasattr(a, FRONT_MATTER_KEY)
            for a in generator.articles
        ]

    header = "---\ntitle: Example article {n}\ndate: 2026-01-2{n}\n---\nBody.\n"
    files = {f"articles/example-{n}.md": header.format(n=n) for n in (1, 2)}
    signals.article_generator_finalized.connect(linked)
    signals.article_writer_finalized.connect(writing)
    try:
        assert build_site(files)[1] == []
    finally:
        signals.article_generator_finalized.disconnect(linked)
        signals.article_writer_finalized.disconnect(writing)
    assert seen == {"linked": [True, True], "writing": [False, False]}
