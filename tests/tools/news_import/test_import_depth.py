"""A page nested thousands of tags deep is refused at once, not extracted for minutes."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from news_import.html_page import MAX_TAG_DEPTH, tag_depth


def _page(depth: int) -> str:
    return (
        "<html><head><title>Example article 1701</title>"
        '<meta property="article:published_time" content="2026-01-24T09:00:00Z"></head>'
        "<body><article><h1>Example article 1701</h1>"
        "<p>Example opening paragraph of a synthetic report about a council budget.</p>"
        + "<div>" * depth
        + "<p>Example text at the deepest level of the page.</p>"
        + "</div>" * depth
        + "</article></body></html>"
    )


def test_tag_depth_counts_levels_without_recursion() -> None:
    # 20,000 levels: a recursive walk would exceed Python's recursion limit.
    soup = BeautifulSoup("<div>" * 20_000 + "</div>" * 20_000, "html.parser")
    assert tag_depth(soup) == 20_000
    assert tag_depth(BeautifulSoup("<p>a</p><p><b>b</b></p>", "html.parser")) == 2


def test_a_page_five_thousand_divs_deep_is_refused_naming_the_depth(run_import, tmp_path: Path):
    source = tmp_path / "deep.html"
    source.write_text(_page(5_000), encoding="utf-8")
    run = run_import(source)
    assert run.code == 1
    assert run.stderr.startswith(f"error: {source}: the page nests tags 5004 levels deep")
    assert f"more than the {MAX_TAG_DEPTH} the importer reads" in run.stderr
    assert "Traceback" not in run.stderr
    assert run.written() == []


def test_a_page_just_under_the_limit_is_imported_whole(run_import, tmp_path: Path):
    # html, body, article and the deepest <p> add four levels to the <div>s.
    source = tmp_path / "deep-enough.html"
    source.write_text(_page(MAX_TAG_DEPTH - 4), encoding="utf-8")
    run = run_import(source)
    assert run.code == 0, run.stderr
    [written] = run.written()
    assert "Example text at the deepest level of the page." in written.read_text(encoding="utf-8")
