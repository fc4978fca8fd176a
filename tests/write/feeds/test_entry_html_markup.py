"""Entry HTML for feed readers: the markup written back is the markup read, links aside."""

from __future__ import annotations

import pytest
from lxml import etree

from feeds.entry_html import absolutise

ROOT = "https://news.example.org/"
PAGE = f"{ROOT}2026/01/24/example-article-2/"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Attributes keep their order; values are quoted with " and escaped.
        (
            '<a title="Say &quot;hi&quot;" href="/x?a=1&amp;b=2" class="c">x</a>',
            f'<a title="Say &quot;hi&quot;" href="{ROOT}x?a=1&amp;b=2" class="c">x</a>',
        ),
        # Void elements are closed; any other element keeps its end tag, even empty.
        ("<p>a<br>b</p><hr>", "<p>a<br/>b</p><hr/>"),
        # HTML5 void elements, which libxml2's parser would read the rest into.
        ("<p>long<wbr>word <b>x</b></p> after", "<p>long<wbr/>word <b>x</b></p> after"),
        ('<a id="fnref1"></a><p></p><td></td>', '<a id="fnref1"></a><p></p><td></td>'),
        # Text and whitespace are kept as written, around and between elements.
        ("\n<p>a</p>\n  <p>b</p>\n", "\n<p>a</p>\n  <p>b</p>\n"),
        ("lead <b>bold</b> tail", "lead <b>bold</b> tail"),
        ("Just text", "Just text"),
        ("<p>a&nbsp;b &lt;c&gt; &amp; é — ✓</p>", "<p>a\xa0b &lt;c&gt; &amp; é — ✓</p>"),
        ("&nbsp;<p>x</p>", "\xa0<p>x</p>"),
        (
            "<pre><code>if a &lt; b:\n    pass\n</code></pre>",
            "<pre><code>if a &lt; b:\n    pass\n</code></pre>",
        ),
        ("<!-- note --><p>x</p>", "<!-- note --><p>x</p>"),
        # Nothing is removed here: an author's aria-hidden element is content a feed
        # reader shows too (the page's section anchors are left out before, by the renderer).
        (
            '<p>a <span aria-hidden="true">x<i aria-hidden="true">y</i></span> b</p>',
            '<p>a <span aria-hidden="true">x<i aria-hidden="true">y</i></span> b</p>',
        ),
        ('<p aria-hidden="false">kept</p>', '<p aria-hidden="false">kept</p>'),
        # Every URL attribute the entry may carry.
        (
            '<video poster="p.png" src="/v.mp4"></video><object data="o.svg"></object>',
            f'<video poster="{PAGE}p.png" src="{ROOT}v.mp4"></video><object data="{PAGE}o.svg">'
            "</object>",
        ),
        (
            '<picture><source srcset=" a.webp 1x ,b.webp 2x"><img src="" alt=""></picture>',
            f'<picture><source srcset="{PAGE}a.webp 1x, {PAGE}b.webp 2x"/><img src="" alt=""/>'
            "</picture>",
        ),
        # Nothing after a stray </body> is lost.
        ("<p>x</p></body><p>y</p>", "<p>x</p><p>y</p>"),
    ],
)
def test_markup_is_written_back_as_read(html: str, expected: str) -> None:
    assert absolutise(html, PAGE) == expected


@pytest.mark.parametrize("html", ["", "  \n", "<p>x</p>"])
def test_empty_input_or_no_base_is_returned_as_it_is(html: str) -> None:
    assert absolutise(html, "") == html
    if not html.strip():
        assert absolutise(html, PAGE) == html


def test_the_result_is_well_formed_for_xml_feeds_too() -> None:
    html = (
        '<h2 id="s">Section</h2>\n'
        '<p>Text<br>with <img src="a.png" alt="An example chart"> and <a href="#s">a link</a>'
        "&nbsp;&amp; more</p>\n<ul><li>one<li>two</ul>"
    )
    result = absolutise(html, PAGE)
    tree = etree.fromstring(f"<div>{result}</div>")
    assert [element.tag for element in tree.iter()] == [
        "div",
        "h2",
        "p",
        "br",
        "img",
        "a",
        "ul",
        "li",
        "li",
    ]
    assert tree.find("p/a").get("href") == f"{PAGE}#s"
    assert tree.find("p/img").get("src") == f"{PAGE}a.png"
    assert tree.find("h2").text == "Section"
