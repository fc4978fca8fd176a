"""The checker the safety tests rely on finds what it must (and passes the theme's own)."""

from __future__ import annotations

import pytest
from executable_constructs import feed_problems, html_problems, json_problems


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        '<script src="https://cdn.example/x.js"></script>',
        "<img src=x onerror=alert(1)>",
        '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        '<iframe src="https://example.org"></iframe>',
        "<style>p{}</style>",
        '<p style="color:red">x</p>',
        '<meta http-equiv="refresh" content="0;url=https://example.org">',
        '<base href="https://example.org/">',
        '<script type="application/ld+json">{"a": "</script><script>alert(1)"}</script>',
    ],
)
def test_each_executable_construct_is_found(html):
    assert html_problems(html) != []


def test_the_sites_own_scripts_data_blocks_and_forms_pass():
    page = (
        '<script src="../../theme/js/search.js" defer></script>'
        '<script type="application/ld+json">{"headline": "x \\u003c/script"}</script>'
        '<form action="../search/" method="get"><input name="q"></form>'
    )
    assert html_problems(page) == []


def test_html_in_feeds_and_json_feeds_is_checked_where_it_is_html():
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lt;script&gt;</title>'
        '<content type="html">&lt;img src=x onerror=alert(1)&gt;</content></entry></feed>'
    )
    assert len(feed_problems(atom)) == 1  # the text title is text; the HTML content is not
    feed = '{"items": [{"title": "<script>", "content_html": "<script>alert(1)</script>"}]}'
    assert len(json_problems(feed)) == 1
