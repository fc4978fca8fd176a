"""What the rules hand later stages: key_points, key_points_box and embedded_posts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from markdown_it.utils import read_fixture_file
from markupsafe import Markup
from tests.read.news_blocks.parsing import FIXTURES, env

from markdown_reader import render

EMBED = (
    '<blockquote class="twitter-tweet"><p>Example post 16.</p>&mdash; Example Person (@example) '
    '<a href="https://x.com/example/status/78">January 24, 2026</a></blockquote>'
)
DOCUMENT = f"""\
Lead of Example article 6.

::: key-points
- Point *one*.
- Point two.
:::

::: post
platform: bluesky
author: Example Person
handle: example.bsky.social
url: https://bsky.app/profile/example.bsky.social/post/3k
date: 2026-01-25T14:05:00+00:00
media_alt: An example chart

Text of *Example post 15*.
:::

https://x.com/example/status/77

{EMBED}
"""


def _metadata(parser: Any) -> dict[str, Any]:
    environment = env()
    render(parser, DOCUMENT, environment)
    return dict(environment["metadata"])


def test_key_points_are_inline_html_strings(parser: Any) -> None:
    metadata = _metadata(parser)
    assert metadata["key_points"] == ["Point <em>one</em>.", "Point two."]
    assert all(isinstance(point, Markup) for point in metadata["key_points"])
    assert metadata["key_points_box"] == {"line": 7, "points": metadata["key_points"]}


def test_embedded_posts_are_plain_data_in_document_order(parser: Any) -> None:
    posts = _metadata(parser)["embedded_posts"]
    assert [(p["platform"], p["handle"], p["source"], p["line"]) for p in posts] == [
        ("bluesky", "example.bsky.social", "markdown", 12),
        ("x", "example", "link", 23),
        ("x", "example", "embed", 25),
    ]
    first = posts[0]
    assert first["date"] == "2026-01-25T14:05:00+00:00"
    assert first["text"] == "Text of Example post 15."
    assert first["text_html"] == "<p>Text of <em>Example post 15</em>.</p>"
    assert first["media_alt"] == "An example chart"
    assert posts[1]["url"] == "https://x.com/example/status/77" and posts[1]["text"] == ""
    assert posts[2]["date"] == "2026-01-24" and posts[2]["text"] == "Example post 16."


def test_post_fields_are_not_section_text(parser: Any) -> None:
    environment = env()
    render(parser, DOCUMENT, environment)
    text = " ".join(section["text"] for section in environment["sections"])
    assert "platform:" not in text and "Lead of Example article 6." in text


def test_a_document_without_news_blocks_has_no_news_metadata(parser: Any) -> None:
    environment = env()
    render(parser, "Plain *text*.\n\n- a list\n\n> a quote\n", environment)
    assert environment.get("metadata", {}) == {}


def test_post_text_keeps_alt_text_not_images(parser: Any) -> None:
    # Emoji and media in pasted X code are images on the platform's servers; the card
    # and the plain text keep what they said, and no <img> at all.
    document = (
        '<blockquote class="twitter-tweet"><p>Example post 17 <img alt="🙂" '
        'src="https://abs-0.twimg.com/emoji/v2/svg/1f642.svg"></p><p><img alt="🇺🇸" '
        'src="https://abs-0.twimg.com/emoji/v2/svg/1f1fa-1f1f8.svg"></p>&mdash; Example '
        'Person (@example) <a href="https://x.com/example/status/79">January 24, 2026</a>'
        "</blockquote>\n\n"
        "::: post\nurl: https://x.com/example/status/80\n\n"
        'Example post 18 <img src="/images/a.png" alt="🙂"> ![a photo](/images/b.png)\n:::\n'
    )
    environment = env()
    html = render(parser, document, environment).html
    assert "<img" not in html
    embed, block = environment["metadata"]["embedded_posts"]
    assert embed["text_html"] == "<p>Example post 17 🙂</p>\n<p>🇺🇸</p>"
    assert embed["text"] == "Example post 17 🙂\n🇺🇸"
    assert block["text_html"] == "<p>Example post 18 🙂 a photo</p>"
    assert block["text"] == "Example post 18 🙂 a photo"


def test_every_pasted_embed_date_is_a_day_or_a_moment_with_its_offset(parser: Any) -> None:
    # A <time datetime> without an offset means a different moment in every time zone.
    dates = []
    for _line, _title, text, _expected in read_fixture_file(FIXTURES / "pasted_embeds.md"):
        environment = env()
        render(parser, text, environment)
        dates += [p["date"] for p in environment.get("metadata", {}).get("embedded_posts", [])]
    assert "2026-01-25T14:05:07+00:00" in dates  # Bluesky, from the post's record key
    for value in filter(None, dates):
        moment = dt.datetime.fromisoformat(value)
        assert len(value) == 10 or moment.utcoffset() is not None, value
