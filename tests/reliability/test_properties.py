"""Property-based tests: whatever the input, it renders or fails with our error type,
and the output never contains a construct a browser would run."""

from __future__ import annotations

import functools

import pytest
from bs4 import BeautifulSoup
from executable_constructs import html_problems
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from content_errors import ContentError
from html_policy.plain_metadata import plain_text
from markdown_reader import build_parser, render

# Pieces of attacks (OWASP filter evasion cheat sheet) and of Markdown syntax; Hypothesis
# strings them together with arbitrary text, so they meet in every context.
HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://cdn.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    '<IMG SRC="jav&#x09;ascript:alert(1);">',
    "<a href='&#x6A;avascript:alert(1)'>x</a>",
    '<a href=" &#14; javascript:alert(1)">x</a>',
    "<svg/onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    "<object data=x.swf>",
    "<embed src=x>",
    "<style>@import 'x.css';</style>",
    '<div style="background:url(javascript:alert(1))">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<base href=javascript:alert(1)//>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<details open ontoggle=alert(1)>",
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    "<a href=vbscript:msgbox(1)>x</a>",
    "<!--<script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "</textarea><script>alert(1)</script>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "[x](javascript:alert(1))",
    '[x](JAVASCRIPT:alert(1) "t")',
    "![x](javascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "<javascript:alert(1)>",
    "[r]: javascript:alert(1)\n",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "\u202e",
    "\u200b",
    "\x00",
]
MARKDOWN = [
    "\n",
    "\n\n",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "```\n",
    "    ",
    "[",
    "](",
    ")",
    "<",
    ">",
    "*",
    "_",
    "`",
    "|",
    "---\n",
    "::: ",
    ":::\n",
    "key-points\n",
    "post\n",
    "url: ",
    "\\",
    "&",
    "[^1]",
    "{filename}",
    "#",
    '"',
]
documents = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.sampled_from(MARKDOWN), st.text(max_size=12)),
    max_size=30,
).map("".join)

PARSER = build_parser()
PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _render_or_refuse(parser, text: str) -> str | None:
    try:
        return render(parser, text, {"source_path": "content/articles/example.md"}).html
    except ContentError:
        return None  # refused with our error type: an acceptable outcome


@PROPERTY_SETTINGS
@given(documents)
def test_the_reader_renders_anything_and_the_output_runs_nothing(text):
    html = _render_or_refuse(PARSER, text)
    if html is not None:
        assert html_problems(html, own_scripts=False) == []


@functools.cache
def _strict_parser():
    import strict_build

    strict_build.register()  # idempotent: connects the link collector to the parser signal
    return build_parser({"PLUGINS": ["markdown_reader", "strict_build"]})


@PROPERTY_SETTINGS
@given(documents)
def test_the_link_collector_never_fails_and_records_what_it_finds(text):
    try:
        result = render(_strict_parser(), text, {"source_path": "content/articles/example.md"})
    except ContentError:
        return
    metadata = result.env["metadata"]
    assert all(isinstance(i, str) and i for i in metadata["anchor_ids"])
    for link in metadata["intrasite_links"]:
        assert isinstance(link["href"], str)
        assert link["line"] is None or link["line"] >= 1
    assert html_problems(result.html, own_scripts=False) == []


@PROPERTY_SETTINGS
@given(documents)
def test_front_matter_text_is_safe_in_text_and_in_attributes(value):
    shown = plain_text(value)
    # As templates print it: raw, and as text again (|striptags|e) inside an attribute.
    again = escape(Markup(shown).striptags())
    page = f'<p title="{shown}">{shown}</p><p title="{again}">{again}</p>'
    assert html_problems(page, own_scripts=False) == []
    for paragraph in BeautifulSoup(page, "html.parser").find_all("p"):
        assert list(paragraph.attrs) == ["title"], "the value must not open a second attribute"


@functools.cache
def _news_blocks_parser():
    news_blocks = pytest.importorskip(
        "news_blocks", reason="the news_blocks plugin is not here yet"
    )
    if not hasattr(news_blocks, "register"):
        pytest.skip("the news_blocks plugin is not complete yet")
    news_blocks.register()
    return build_parser({"PLUGINS": ["markdown_reader", "news_blocks"]})


field_values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20)).map(
    lambda v: v.replace("\n", " ")
)


posts = st.fixed_dictionaries(
    {
        "platform": st.sampled_from(["x", "bluesky", "mastodon", "threads", "instagram", "other"]),
        "author": field_values,
        "handle": field_values,
        "url": st.one_of(st.just("https://x.com/example/status/1"), field_values),
        "media_alt": field_values,
        "context": field_values,
    }
)


@PROPERTY_SETTINGS
@given(
    posts,
    documents,
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20)), max_size=5),
)
def test_news_blocks_render_anything_and_the_output_runs_nothing(fields, text, points):
    parser = _news_blocks_parser()
    lines = "".join(f"{key}: {value}\n" for key, value in fields.items())
    post = f"::: post\n{lines}date: 2026-01-25\n\n{text}\n:::\n"
    key_points = "::: key-points\n" + "".join(f"- {p}\n" for p in points) + ":::\n"
    for document in (post, key_points, post + "\n" + key_points):
        html = _render_or_refuse(parser, document)
        if html is not None:
            assert html_problems(html, own_scripts=False) == []


FILLER = " ".join(f"example{n}" for n in range(25))
paragraphs = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(max_size=15)).map(lambda h: f"{FILLER} {h}"),
    min_size=1,
    max_size=6,
)


def _import(tmp_path, name: str, text: str) -> str | None:
    importer = pytest.importorskip("news_import.importer", reason="the importer is not here yet")
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    try:
        options = importer.Options(date="2026-01-25")
        return str(importer.import_file(source, options).markdown)
    except ContentError:
        return None  # refused with our error type


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(title=st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20)), body=paragraphs)
def test_imported_pages_render_and_run_nothing(tmp_path, title, body):
    from markdown_reader.front_matter import split_front_matter

    page = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in body)
        + "</article></body></html>"
    )
    text = f"{title}\n\n" + "\n\n".join(body) + "\n"
    for name, source in (("page.html", page), ("article.txt", text)):
        markdown = _import(tmp_path, name, source)
        if markdown is None:
            continue
        try:
            front = split_front_matter(markdown, "content/articles/imported.md")
        except ContentError:
            continue  # refused when read, with our error type (still never a traceback)
        for value in front.metadata.values():
            if isinstance(value, str):
                assert (
                    html_problems(f'<p title="{plain_text(value)}">{plain_text(value)}</p>') == []
                )
        html = _render_or_refuse(PARSER, front.body)
        if html is not None:
            assert html_problems(html, own_scripts=False) == []
