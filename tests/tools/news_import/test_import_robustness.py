"""Any text or page either imports or is refused with one line: the recognisers never crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from news_import.cli import main

# Lines built from the pieces the recognisers look for, in any order and number.
_PIECES = st.sampled_from(
    [
        "KEY POINTS",
        "Key points:",
        "- a synthetic point",
        "• another point",
        "1. a numbered step",
        "EXAMPLEVILLE: A synthetic opening paragraph about an example town and its harbour.",
        "A section heading",
        "I call on:",
        "➡️the example council to act",
        "A synthetic sentence about an example town, long enough to be a paragraph here.",
        "— Example Person (@example) January 25, 2026",
        "text https://t.co/abc— Example Org (@example.bsky.social) Jan 2, 2026",
        "https://x.com/example/status/123",
        "This post can't be displayed because of your cookie settings.",
        "Title: Example",
        "Date: 2026-01-25",
        "",
        "# *_[<>`\\",
        ":::",
        "::: post",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=25).map("\n".join)
_PAGE = st.lists(
    st.sampled_from(
        [
            "<p>A synthetic sentence about an example town, long enough to be a paragraph.</p>",
            "<h2>A heading</h2>",
            "<ul><li>item</li></ul>",
            '<blockquote class="twitter-tweet"><p>post</p>&mdash; A (@a) '
            '<a href="https://x.com/a/status/1">January 1, 2026</a></blockquote>',
            '<iframe class="mastodon-embed" src="https://e.social/@a/1/embed"></iframe>',
            "<h3>Key points</h3>",
            "<script>alert(1)</script>",
            '<a href="javascript:x()">x</a>',
            "<table><tr><td>1</td></tr></table>",
            "<time datetime='not a date'>x</time>",
            "</div>",
        ]
    ),
    max_size=15,
).map(lambda parts: "<html><body><article>" + "".join(parts) + "</article></body></html>")


def _check(source: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code = main([str(source), "--output-dir", str(out_dir), "--force"])
    assert code in {0, 1}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TEXT)
def test_any_text_imports_or_is_refused(text: str, tmp_path: Path, capsys) -> None:
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8")
    _check(source, tmp_path)
    err = capsys.readouterr().err
    assert err.count("\n") <= 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(page=_PAGE)
def test_any_page_imports_or_is_refused(page: str, tmp_path: Path, capsys) -> None:
    source = tmp_path / "input.html"
    source.write_text(page, encoding="utf-8")
    _check(source, tmp_path)
    err = capsys.readouterr().err
    assert err.count("\n") <= 1
