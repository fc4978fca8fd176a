"""Saved pages: the article without the site around it, and nothing that runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_fixtures_paths import FIXTURES

PAGE = FIXTURES / "html-article-embeds/input.html"


@pytest.fixture
def imported(run_import):
    run = run_import(PAGE)
    assert run.code == 0, run.stderr
    return run, run.written()[0].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "furniture",
    [
        "cookie",  # the banner
        "Weather",  # navigation
        "Most read",
        "Another synthetic story",
        "newsletter",
        "All rights reserved",  # footer
        "Advertisement",
        "tracker.example.net",
        "dataLayer",
        "View this post",
    ],
)
def test_page_furniture_is_left_out(furniture: str, imported) -> None:
    assert furniture.lower() not in imported[1].lower()


@pytest.mark.parametrize(
    "active", ["<script", "onclick", "onerror", "onload", "javascript:", "<iframe", "alert("]
)
def test_nothing_that_runs_survives(active: str, imported) -> None:
    assert active not in imported[1]


def test_report_lists_what_was_left_out(imported) -> None:
    report = imported[0].stdout
    assert "1 image(s)" in report
    assert "1 link(s) to javascript: or another unsafe target (kept their words)" in report
    assert "script(s), iframe(s)" in report
    assert (
        "embedded posts: 3 (x @example, bluesky @example.bsky.social, "
        "mastodon @example@example.social)" in report
    )


def test_relative_links_are_made_absolute_from_the_canonical_url(run_import, tmp_path) -> None:
    page = tmp_path / "relative.html"
    words = "A synthetic sentence about an example town and its example harbour. " * 3
    page.write_text(
        "<html><head><title>Example article 13</title>"
        "<link rel='canonical' href='https://news.example.com/world/a13'></head><body><article>"
        f"<h1>Example article 13</h1><p>{words} See <a href='/world/a12'>the earlier story</a>.</p>"
        f"<p>{words}</p></article></body></html>",
        encoding="utf-8",
    )
    run = run_import(page, "--date", "2026-01-20")
    assert run.code == 0, run.stderr
    text = run.written()[0].read_text(encoding="utf-8")
    assert "[the earlier story](https://news.example.com/world/a12)" in text


def test_embed_without_text_keeps_its_link(imported) -> None:
    assert (
        "::: post\nplatform: mastodon\nhandle: example@example.social\n"
        "url: https://example.social/@example/110000000000000001\n:::"
    ) in imported[1]


def test_post_text_is_markdown_not_html(run_import, tmp_path: Path) -> None:
    words = "A synthetic sentence about an example town and its example harbour. " * 3
    page = tmp_path / "hostile.html"
    page.write_text(
        "<html><head><title>Example article 14</title></head><body><article>"
        f"<h1>Example article 14</h1><p>{words}</p>"
        '<blockquote class="twitter-tweet"><p>Hostile &lt;img src=x onerror=alert(1)&gt; '
        '<a href="javascript:alert(2)">text</a> <b onmouseover="x()">bold</b></p>&mdash; '
        'Example Person (@example) <a href="https://x.com/example/status/42">January 25, 2026</a>'
        f"</blockquote><p>{words}</p></article></body></html>",
        encoding="utf-8",
    )
    run = run_import(page, "--date", "2026-01-25")
    assert run.code == 0, run.stderr
    text = run.written()[0].read_text(encoding="utf-8")
    assert "Hostile \\<img src=x onerror=alert(1)\\> text **bold**" in text
    assert "javascript" not in text
    assert "onmouseover" not in text


def test_report_asks_for_the_text_of_a_mastodon_post(imported) -> None:
    report = imported[0].stdout
    section = report.split("Not in the source, add by hand:\n", 1)[1]
    asked = [line for line in section.splitlines() if line.startswith("  - ")]
    # Only the Mastodon post: the X and Bluesky embeds carried their text.
    assert asked == [
        "  - the text of the embedded post (mastodon @example@example.social): Mastodon and"
        " Threads embeds carry none, so its card will say the text was not kept. Copy it from"
        " https://example.social/@example/110000000000000001 into its ::: post block, after a"
        " blank line"
    ]


def test_report_asks_for_the_text_of_a_threads_post(run_import, tmp_path: Path) -> None:
    words = "A synthetic sentence about an example town and its example harbour. " * 3
    page = tmp_path / "threads.html"
    page.write_text(
        "<html><head><title>Example article 15</title></head><body><article>"
        f"<h1>Example article 15</h1><p>{words}</p>"
        '<blockquote class="text-post-media" data-text-post-permalink='
        '"https://www.threads.net/@example/post/C15example" data-text-post-version="0">'
        '<a href="https://www.threads.net/@example/post/C15example">View on Threads</a>'
        '</blockquote><script async src="https://www.threads.net/embed.js"></script>'
        f"<p>{words}</p></article></body></html>",
        encoding="utf-8",
    )
    run = run_import(page, "--date", "2026-01-25")
    assert run.code == 0, run.stderr
    assert "Not in the source, add by hand:" in run.stdout
    assert (
        "the text of the embedded post (threads @example): Mastodon and Threads embeds carry none"
        in run.stdout
    )
    assert "https://www.threads.net/@example/post/C15example into its ::: post block" in run.stdout


def test_report_asks_for_no_text_when_every_post_kept_its_own(run_import, tmp_path) -> None:
    words = "A synthetic sentence about an example town and its example harbour. " * 3
    page = tmp_path / "x.html"
    page.write_text(
        "<html><head><title>Example article 16</title></head><body><article>"
        f"<h1>Example article 16</h1><p>{words}</p>"
        '<blockquote class="twitter-tweet"><p>Example post 16.</p>&mdash; Example Person '
        '(@example) <a href="https://x.com/example/status/16">January 25, 2026</a></blockquote>'
        f"<p>{words}</p></article></body></html>",
        encoding="utf-8",
    )
    run = run_import(page, "--date", "2026-01-25")
    assert run.code == 0, run.stderr
    assert "embedded posts: 1 (x @example)" in run.stdout
    assert "add by hand" not in run.stdout
