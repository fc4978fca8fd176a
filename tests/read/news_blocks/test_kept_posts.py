"""Cards that outlive their post: the kept text's digest, status and archived copies, and
one post quoted in two articles keeping one text (news_blocks.post_copies)."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from tests.read.news_blocks.parsing import env
from tests.stage_plugins import FAST_BUILD_PLUGINS

from markdown_reader import render
from news_blocks.post import digest_text
from news_blocks.post_copies import post_address


def _posts(parser: Any, markdown: str) -> list[dict[str, Any]]:
    environment = env()
    render(parser, markdown, environment)
    return list(environment["metadata"]["embedded_posts"])


def _block(text: str, url: str = "https://x.com/example/status/31", fields: str = "") -> str:
    return f"::: post\nurl: {url}\n{fields}\n{text}\n:::\n"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---- the digest of the kept text


def test_the_digest_is_sha256_of_the_plain_text_nfc_with_white_space_collapsed(parser) -> None:
    (post,) = _posts(parser, _block("Example post 31, *as* [kept](https://example.org).\\\nOn."))
    assert post["text"] == "Example post 31, as kept.\nOn."
    assert post["text_sha256"] == _sha256("Example post 31, as kept. On.")


@pytest.mark.parametrize(
    "written",
    [
        "Example post 32: café   and tea.",
        "Example *post* 32: **café** and tea.",  # emphasis
        "Example post 32:\ncafé and tea.",  # a soft line break
        "Example post 32:\\\ncafé and tea.",  # a hard line break
        "Example post 32:\n\ncafé and tea.",  # two paragraphs
        "[Example post 32](https://example.org/32): café and tea.",  # a link
        unicodedata.normalize("NFD", "Example post 32: café and tea."),  # a decomposed é
    ],
)
def test_the_digest_does_not_change_with_formatting(parser, written: str) -> None:
    (post,) = _posts(parser, _block(written))
    assert post["text_sha256"] == _sha256("Example post 32: café and tea.")


@pytest.mark.parametrize(
    "other",
    ["Example post 32: cafe and tea.", "Example post 32: café and tea!", "example post 32: café"],
)
def test_a_different_text_has_a_different_digest(parser, other: str) -> None:
    (kept,) = _posts(parser, _block("Example post 32: café and tea."))
    (changed,) = _posts(parser, _block(other))
    assert changed["text_sha256"] != kept["text_sha256"]


def test_pasted_embed_code_keeps_the_text_a_post_block_of_it_keeps(parser) -> None:
    embed = (
        '<blockquote class="twitter-tweet"><p>Example post 33 links '
        '<a href="https://example.org/33">here</a>, then<br>a new line.</p>'
        "&mdash; Example Person (@example) "
        '<a href="https://x.com/example/status/33">January 25, 2026</a></blockquote>'
    )
    block = _block(
        "Example post 33 links [here](https://example.org/33), then\\\na new line.",
        url="https://x.com/example/status/33",
    )
    (pasted,) = _posts(parser, embed)
    (written,) = _posts(parser, block)
    assert pasted["text"] == "Example post 33 links here, then\na new line."
    assert pasted["text_sha256"] == written["text_sha256"] != ""


def test_a_card_without_kept_text_has_no_digest_and_says_the_text_was_not_kept(parser) -> None:
    markdown = (
        '<iframe class="mastodon-embed" src="https://example.social/@example/110000000000000034'
        '/embed" width="400"></iframe>\n'
    )
    html = render(parser, markdown, env()).html
    card = BeautifulSoup(html, "html.parser").figure
    assert card is not None and card["data-platform"] == "mastodon"
    assert not card.has_attr("data-post-sha256")
    assert card.select_one(".post-not-kept").get_text() == (
        "The text of this post was not kept; see the original."
    )


def test_digest_text_is_nfc_and_single_spaced() -> None:
    assert digest_text(" a\u00a0 b\n\nc\t") == "a b c"
    assert digest_text("e\u0301") == "\u00e9"


# ---- which posts are the same post


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://x.com/example/status/35", "https://twitter.com/example/status/35"),
        ("https://x.com/example/status/35", "https://mobile.twitter.com/Example/status/35/"),
        ("https://x.com/example/status/35", "http://www.x.com/example/status/35?s=20&t=abc"),
        ("https://x.com/example/status/35", "https://x.com/i/web/status/35#reply"),
        (
            "https://bsky.app/profile/example.bsky.social/post/3abc35",
            "https://bsky.app/profile/example.bsky.social/post/3abc35/?ref=example",
        ),
        (
            "https://example.social/@example/110000000000000035",
            "https://Example.Social/@example/110000000000000035/",
        ),
    ],
)
def test_one_post_has_one_address(one: str, other: str) -> None:
    assert post_address(one) == post_address(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://x.com/example/status/35", "https://x.com/example/status/36"),
        (
            "https://example.social/@example/110000000000000035",
            "https://other.example/@example/110000000000000035",
        ),
        ("https://example.org/posts/35", "https://example.org/posts/35/replies"),
    ],
)
def test_two_posts_have_two_addresses(one: str, other: str) -> None:
    assert post_address(one) != post_address(other)


# ---- built sites


def _article(number: int, body: str) -> str:
    return f"---\ntitle: Example article {number}\ndate: 2026-01-2{number}\n---\n{body}"


def _page(output: Path, number: int) -> BeautifulSoup:
    path = output / f"2026/01/2{number}/example-article-{number}/index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


DELETED = """Synthetic lead.

::: post
platform: x
author: Example Person
handle: example
url: https://x.com/example/status/37
date: 2026-01-24
archived: https://archive.example.org/x/37
status: deleted

Example post 37, *kept* as it was.
:::
"""


def test_a_deleted_post_shows_its_kept_text_the_notice_its_date_and_archived_copy(
    build_site,
) -> None:
    output, problems = build_site({"articles/one.md": _article(1, DELETED)})
    assert problems == []
    card = _page(output, 1).select_one("figure.embedded-post[data-platform=x]")
    assert card is not None and card["data-post-status"] == "deleted"
    notice = card.select_one("p.post-status")
    assert notice.get_text() == (
        "This post is no longer available \u2014 as published on 24 January 2026."
    )
    assert notice.time["datetime"] == "2026-01-24"
    assert " ".join(card.blockquote.get_text().split()) == "Example post 37, kept as it was."
    assert card["data-post-sha256"] == _sha256("Example post 37, kept as it was.")
    archived = card.select_one("a.post-archived")
    assert archived.get_text() == "Archived copy"
    assert archived["href"] == "https://archive.example.org/x/37"


def test_an_unknown_status_fails_the_build_naming_file_and_line(build_site) -> None:
    body = "Lead.\n\n::: post\nurl: https://x.com/example/status/38\nstatus: gone\n\nText.\n:::\n"
    _, problems = build_site({"articles/one.md": _article(1, body)})
    assert any(
        "content/articles/one.md:9: unknown post status 'gone' (use one of deleted, unavailable"
        in problem
        for problem in problems
    ), problems


def _quoting(text: str, url: str = "https://x.com/example/status/39") -> str:
    return f"Synthetic lead.\n\nAnother paragraph.\n\n::: post\nurl: {url}\n\n{text}\n:::\n"


def test_one_post_quoted_with_two_texts_fails_the_build_naming_both_places(build_site) -> None:
    files = {
        "articles/one.md": _article(1, _quoting("Example post 39, first version.")),
        "articles/two.md": _article(
            2, _quoting("Example post 39, other version.", "https://twitter.com/example/status/39")
        ),
    }
    output, problems = build_site(files)
    conflicts = [p for p in problems if "quoted here with other text" in p]
    assert len(conflicts) == 1, problems
    assert (
        "content/articles/two.md:9: the post https://twitter.com/example/status/39 is quoted"
        " here with other text than at content/articles/one.md:9" in conflicts[0]
    ), conflicts
    assert not (output / "index.html").exists()


def test_a_conflict_is_found_with_the_speed_layer_too(build_site) -> None:
    files = {
        f"articles/a{number}.md": _article(number, _quoting(f"Example post 39, version {number}."))
        for number in (1, 2, 3)
    }
    _, problems = build_site(files, plugins=FAST_BUILD_PLUGINS)
    conflicts = sorted(p for p in problems if "quoted here with other text" in p)
    assert [p.split(": the post")[0].removeprefix("error: ") for p in conflicts] == [
        "content/articles/a2.md:9",
        "content/articles/a3.md:9",
    ]
    assert all("than at content/articles/a1.md:9" in p for p in conflicts), conflicts


def test_one_post_quoted_with_one_text_in_two_forms_builds(build_site) -> None:
    embed = (
        '<blockquote class="twitter-tweet"><p>Example post 39,   one   version.</p>'
        "&mdash; Example Person (@example) "
        '<a href="https://twitter.com/example/status/39?s=20">January 25, 2026</a></blockquote>'
    )
    files = {
        "articles/one.md": _article(1, _quoting("Example post 39, *one* version.")),
        "articles/two.md": _article(2, f"Synthetic lead.\n\n{embed}\n"),
        # A link card kept no text: it agrees with any.
        "articles/three.md": _article(3, "Lead.\n\nhttps://x.com/example/status/39/\n"),
    }
    output, problems = build_site(files)
    assert problems == []
    digests = {
        _page(output, number).select_one("figure.embedded-post").get("data-post-sha256")
        for number in (1, 2, 3)
    }
    assert digests == {_sha256("Example post 39, one version."), None}


def test_the_documented_digest_is_the_one_a_card_carries(parser) -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "news-blocks.md").read_text("utf-8")
    (post,) = _posts(parser, _block("Example *post*\\\ntwo."))
    assert f"`{post['text_sha256']}`" in docs
    assert post["text_sha256"] == _sha256("Example post two.")
