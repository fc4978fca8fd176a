"""Entry HTML for feed readers: absolute URLs, without the page's section anchors."""

from __future__ import annotations

import pytest

from feeds.entries import entry_html
from feeds.entry_html import absolutise
from markdown_reader import build_parser, render

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


def test_the_page_s_section_anchors_are_left_out_by_the_renderer_that_added_them():
    md = build_parser({})
    body = render(md, "Lead.\n\n## Later\n\nText [back](#later).\n\n### Sub part\n").html
    assert 'class="heading-anchor"' in body  # the page shows them
    assert entry_html(body, PAGE) == (
        "<p>Lead.</p>\n"
        '<h2 id="later">Later </h2>\n'
        f'<p>Text <a href="{PAGE}#later">back</a>.</p>\n'
        '<h3 id="sub-part">Sub part </h3>\n'
    )


def test_an_author_s_hidden_element_stays_in_the_entry():
    html = '<p>Rated <span aria-hidden="true">★★★</span> three stars</p>'
    assert entry_html(html, PAGE) == html
