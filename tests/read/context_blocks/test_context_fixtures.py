"""Fixture-driven checks of context files and of ``::: context`` blocks: each case is a
file's text (or a document's body) and the one message the editor gets, with its line
(fixtures/*.md, read with markdown-it's fixture reader)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from markdown_it.utils import read_fixture_file
from tests.stage_plugins import READ_PLUGINS

import context_blocks
from content_errors import ContentError
from context_blocks.context_files import load_context_files
from markdown_reader import build_parser, render

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SITE = HERE / "site" / "content"


def _settings(content: Path) -> dict[str, Any]:
    # Connected as a build connects it (connect() is idempotent: once per process).
    context_blocks.register()
    return {"PLUGINS": list(READ_PLUGINS), "PATH": str(content), "TIMEZONE": "UTC"}


@pytest.mark.parametrize(
    ("line", "title", "text", "expected"),
    read_fixture_file(FIXTURES / "bad_context_files.md"),
    ids=lambda value: value if isinstance(value, str) and "\n" not in value else "",
)
def test_a_bad_context_file_is_one_clear_error(
    tmp_path: Path, line: int, title: str, text: str, expected: str
) -> None:
    content = tmp_path / "content"
    folder = content / "context"
    folder.mkdir(parents=True)
    (folder / "example.md").write_text(text, encoding="utf-8")
    (folder / "example-other.md").write_text(
        "---\ntitle: Another example\nkind: guide\nreviewed: 2026-01-25\n---\n- A point.\n",
        encoding="utf-8",
    )
    settings = _settings(content)
    loaded = load_context_files(str(folder), str(tmp_path), build_parser(settings), settings)
    assert [str(error) for error in loaded.errors] == [expected.strip()]
    # The bad file is left out, the good one loads; the bad one's slug is known as failed.
    assert sorted(loaded.blocks) == ["example-other"]
    assert loaded.failed == {"example": "content/context/example.md"}


@pytest.fixture(scope="module")
def site_parser() -> Any:
    """The site's parser, its context blocks the fixture site's (content/context)."""
    return build_parser(_settings(SITE))


@pytest.mark.parametrize(
    ("line", "title", "text", "expected"),
    read_fixture_file(FIXTURES / "placement_errors.md"),
    ids=lambda value: value if isinstance(value, str) and "\n" not in value else "",
)
def test_a_misplaced_context_block_is_one_clear_error(
    site_parser: Any, line: int, title: str, text: str, expected: str
) -> None:
    env = {"source_path": "content/articles/example.md", "line_offset": 5}
    with pytest.raises(ContentError) as raised:
        render(site_parser, text, env)
    assert str(raised.value) == expected.strip()


def test_a_placed_block_is_recorded_with_the_file_it_shows(site_parser: Any) -> None:
    env: dict[str, Any] = {"source_path": "content/articles/example.md", "line_offset": 5}
    html = render(site_parser, "Lead.\n\n::: context example-person\n:::\n", env).html
    assert html.count('<aside aria-labelledby="context-example-person"') == 1
    metadata = env["metadata"]
    assert metadata["context_blocks"] == [
        {"slug": "example-person", "reviewed": "2026-02-01", "line": 8}
    ]
    ((path, digest),) = metadata["read_dependencies"].files
    assert Path(path) == (SITE / "context" / "example-person-profile.md").resolve()
    assert len(digest) == 64
    # Not a section of the document: topics are matched against the article's own text.
    assert [section["title"] for section in env["sections"]] == [""]
