"""Entry HTML for feed readers: absolute URLs, without the page's aria-hidden chrome."""

from __future__ import annotations

import pytest

from feeds.entry_html import absolutise

ROOT = "https://news.example.org/"
PAGE = f"{ROOT}2026/01/24/example-article-2/"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="#later">x</a>', f'<a href="{PAGE}#later">x</a>'),
        ('<a href="/tags/a/">x</a>', '<a href="https://news.example.org/tags/a/">x</a>'),
        ('<a href="../x/">x</a>', '<a href="https://news.example.org/2026/01/24/x/">x</a>'),
        (
            '<a href="https://other.example.net/">x</a>',
            '<a href="https://other.example.net/">x</a>',
        ),
        ('<a href="mailto:desk@example.org">x</a>', '<a href="mailto:desk@example.org">x</a>'),
        (
            '<blockquote cite="/s/1"></blockquote>',
            '<blockquote cite="https://news.example.org/s/1"></blockquote>',
        ),
        (
            '<img alt="" src="a.png" srcset="a.png 1x, /b.png 2x"/>',
            f'<img alt="" src="{PAGE}a.png" srcset="{PAGE}a.png 1x, {ROOT}b.png 2x"/>',
        ),
        ("<p>No links &amp; text</p>", "<p>No links &amp; text</p>"),
    ],
)
def test_relative_urls_become_absolute(html, expected):
    assert absolutise(html, PAGE) == expected


def test_the_preview_build_resolves_against_the_root_relative_page():
    assert absolutise('<a href="#s">x</a>', "/2026/01/24/a/") == '<a href="/2026/01/24/a/#s">x</a>'


def test_the_page_s_hidden_section_anchors_are_left_out():
    html = (
        '<h2 id="later">Later <a aria-hidden="true" class="heading-anchor" href="#later">#</a></h2>'
    )
    assert absolutise(html, PAGE) == '<h2 id="later">Later </h2>'
