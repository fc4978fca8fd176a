"""The section anchors the renderer adds to h2 and h3, and the same HTML without them."""

from __future__ import annotations

import pytest

from html_policy import sanitise
from markdown_reader import build_parser, render, section_anchor, without_section_anchors

DOCUMENT = (
    "# Title\n\nLead.\n\n## Later & after\n\nText.\n\n### Sub part\n\n#### Deeper\n\n"
    "## Later & after\n"
)


@pytest.fixture(scope="module")
def md():
    return build_parser({})


def test_the_renderer_writes_the_anchor_it_knows(md):
    html = render(md, DOCUMENT).html
    assert f'<h2 id="later-after">Later &amp; after {section_anchor("later-after")}</h2>' in html
    assert f"Sub part {section_anchor('sub-part')}</h3>" in html
    assert html.count('class="heading-anchor"') == 3  # two h2, one h3; not h1 or h4
    assert section_anchor('a"b') == (
        '<a class="heading-anchor" href="#a&quot;b" aria-hidden="true" tabindex="-1">#</a>'
    )


def test_without_anchors_only_the_anchors_go(md):
    html = render(md, DOCUMENT).html
    stripped = without_section_anchors(html)
    assert "heading-anchor" not in stripped
    assert stripped == (
        '<h1 id="title">Title</h1>\n<p>Lead.</p>\n'
        '<h2 id="later-after">Later &amp; after </h2>\n<p>Text.</p>\n'
        '<h3 id="sub-part">Sub part </h3>\n<h4 id="deeper">Deeper</h4>\n'
        '<h2 id="later-after-1">Later &amp; after </h2>\n'
    )
    assert without_section_anchors(stripped) == stripped


def test_anchors_written_again_by_beautifulsoup_go_too(md):
    """A document with raw HTML may be re-serialised with BeautifulSoup (attributes in
    alphabetical order): its anchors are still recognised."""
    html = render(md, "## Part one\n\n<p>raw <img alt='gone'></p>\n").html
    assert '<a aria-hidden="true" class="heading-anchor" href="#part-one" tabindex="-1">' in html
    assert without_section_anchors(html) == '<h2 id="part-one">Part one </h2>\n<p>raw gone</p>\n'


def test_other_links_and_lookalikes_stay():
    html = (
        '<p><a class="heading-anchor" href="#x">#</a> <a href="#x">#</a>'
        '<a class="heading-anchor" href="#x" aria-hidden="true" tabindex="-1">more</a></p>'
    )
    assert without_section_anchors(html) == html
    assert without_section_anchors(sanitise(html)) == sanitise(html)
