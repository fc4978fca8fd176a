"""Pages show only the site's own images: html_policy decides, for raw HTML and Markdown.

An image from another site (or a ``data:`` one) would be blocked by the
Content-Security-Policy (``img-src 'self'``) and would tell that site who reads the page;
the sanitiser and the Markdown image rule replace it by its alt text.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

import html_policy
from html_policy import is_offsite, sanitise
from markdown_reader import build_parser, render

OFFSITE = [
    "https://img.example.org/a.png",
    "http://img.example.org/a.png",
    "HTTPS://img.example.org/a.png",
    "//img.example.org/a.png",
    " //img.example.org/a.png",
    "\t//img.example.org/a.png",
    "/\\img.example.org/a.png",
    "\\\\img.example.org/a.png",
    "\\/img.example.org/a.png",
    "data:image/png;base64,iVBORw0KGgo=",
    "ht\ntps://img.example.org/a.png",
]
ON_SITE = [
    "/images/a.png",
    "images/a.png",
    "../images/a.png",
    "{static}/images/a.png",
    "|static|/images/a.png",
    "{attach}a.png",
    "images/a:b.png",
]


@pytest.mark.parametrize("src", OFFSITE)
def test_an_address_with_a_scheme_or_a_host_is_offsite(src: str) -> None:
    assert is_offsite(src)


@pytest.mark.parametrize("src", ON_SITE)
def test_a_path_on_the_site_is_not_offsite(src: str) -> None:
    assert not is_offsite(src)


def _images(html: str) -> list[dict[str, str]]:
    soup = BeautifulSoup(html, "html.parser")
    return [{k: str(v) for k, v in img.attrs.items()} for img in soup.find_all("img")]


@pytest.mark.parametrize(
    "src",
    [
        *OFFSITE,
        "ht&#x74;ps://img.example.org/a.png",
        "&#x2F;&#x2F;img.example.org/a.png",
        "&#47;\\img.example.org/a.png",
    ],
)
def test_raw_html_image_from_elsewhere_becomes_its_alt_text(src: str) -> None:
    html = f'<p>Before <img src="{src}" alt="A chart of example figures"> after.</p>'
    assert sanitise(html) == "<p>Before A chart of example figures after.</p>"


def test_an_image_without_alt_text_leaves_nothing() -> None:
    assert sanitise('<p>A<img src="https://img.example.org/a.png">B</p>') == "<p>AB</p>"


def test_alt_text_stays_text() -> None:
    html = '<p><img src="//img.example.org/a.png" alt="&lt;script&gt;x&lt;/script&gt; &amp;"></p>'
    soup = BeautifulSoup(sanitise(html), "html.parser")
    assert [tag.name for tag in soup.find_all(True)] == ["p"]
    assert soup.get_text() == "<script>x</script> &"


@pytest.mark.parametrize("src", ON_SITE)
def test_images_on_the_site_are_kept(src: str) -> None:
    assert _images(sanitise(f'<p><img src="{src}" alt="x"></p>')) == [{"src": src, "alt": "x"}]


def test_links_around_a_dropped_image_are_still_marked() -> None:
    html = '<a href="https://example.org/"><img src="https://img.example.org/a.png" alt="A"></a>'
    assert sanitise(html) == '<a href="https://example.org/" rel="nofollow noopener">A</a>'


def test_without_images_every_image_becomes_its_alt_text() -> None:
    html = '<p>Yes <img src="/images/ok.png" alt="🙂"><img src="{static}/a.png"></p>'
    assert sanitise(html, images=False) == "<p>Yes 🙂</p>"


@pytest.fixture(scope="module")
def site_parser():  # type: ignore[no-untyped-def]
    html_policy.register()
    return build_parser({"PLUGINS": ["markdown_reader", "html_policy"]})


@pytest.mark.parametrize("src", ["https://img.example.org/a.png", "//img.example.org/a.png"])
def test_a_markdown_image_from_elsewhere_becomes_its_alt_text(site_parser, src: str) -> None:  # type: ignore[no-untyped-def]
    html = render(site_parser, f"A ![chart of *figures* & more]({src}) here.\n").html
    assert html == "<p>A chart of figures &amp; more here.</p>\n"


def test_a_markdown_image_on_the_site_is_kept(site_parser) -> None:  # type: ignore[no-untyped-def]
    html = render(site_parser, "![chart]({static}/images/a.png)\n").html
    assert html == '<p><img src="{static}/images/a.png" alt="chart" /></p>\n'


def test_parsers_of_sites_without_the_plugin_are_left_alone() -> None:
    html_policy.register()
    html = render(build_parser({}), "![chart](https://img.example.org/a.png)\n").html
    assert '<img src="https://img.example.org/a.png"' in html
