"""News blocks on built sites: the seed article, front-matter key points, errors."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

SEED_PAGE = (
    "2026/01/25/us-says-netanyahu-talks-on-gaza-plan-were-constructive-urges-rafah-reopening/"
    "index.html"
)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _article(number: int, front: str = "", body: str = "Synthetic lead.\n") -> str:
    # No blank line after the front matter: markdown_reader then counts body lines right
    # (with one, its line offset is one short; reported to the reader's owner).
    return f"---\ntitle: Example article {number}\ndate: 2026-01-2{number}\n{front}---\n{body}"


def _page(output: Path, number: int) -> BeautifulSoup:
    return _soup(output / f"2026/01/2{number}/example-article-{number}/index.html")


def test_the_seed_page_has_its_key_points_and_two_post_cards(built_site: Path) -> None:
    page = _soup(built_site / SEED_PAGE)
    boxes = page.select("aside.key-points")
    assert len(boxes) == 1
    box = boxes[0]
    heading = page.find(id=box["aria-labelledby"])
    assert heading is not None and heading.get_text() == "Key points" and heading in box
    assert len(box.select("ul > li")) == 5
    cards = page.select("figure.embedded-post[data-platform=x]")
    seen = {
        card.select_one(".post-handle").get_text(): card.figcaption.time["datetime"]
        for card in cards
    }
    assert seen == {"@SEPeaceMissions": "2026-01-25", "@FranceskAlbs": "2026-01-24"}
    for card in cards:
        assert card.figcaption is not None and card.blockquote.get_text(strip=True)
    # Nothing from the platform: no script, iframe or image from another origin in a card.
    assert not page.select(".embedded-post script, .embedded-post iframe, .embedded-post img")


def test_front_matter_key_points_are_inline_html_shown_once(build_site) -> None:
    front = "key_points:\n  - First point, *inline Markdown* & more.\n  - Second point.\n"
    output, problems = build_site({"articles/one.md": _article(1, front)})
    assert problems == []
    boxes = _page(output, 1).select("aside.key-points")
    assert len(boxes) == 1
    items = [str(li) for li in boxes[0].select("li")]
    assert items == [
        "<li>First point, <em>inline Markdown</em> &amp; more.</li>",
        "<li>Second point.</li>",
    ]


def test_a_box_in_the_body_is_shown_once_where_it_was_written(build_site) -> None:
    body = "Synthetic lead.\n\n::: key-points\n- Body point *one*.\n- Body point two.\n:::\n"
    output, problems = build_site({"articles/one.md": _article(1, body=body)})
    assert problems == []
    page = _page(output, 1)
    boxes = page.select("aside.key-points")
    assert len(boxes) == 1
    assert boxes[0].find_parent(class_="article-body") is not None
    assert [li.decode_contents() for li in boxes[0].select("li")] == [
        "Body point <em>one</em>.",
        "Body point two.",
    ]
    # The key points are data too: the page's description is made from them.
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("Body point one. Body point two.")


def test_key_points_in_front_matter_and_body_fail_naming_file_and_line(build_site) -> None:
    front = "key_points:\n  - A point.\n"
    body = "Lead.\n\n::: key-points\n- Another point.\n:::\n"
    _, problems = build_site({"articles/one.md": _article(1, front, body)})
    assert any(
        "content/articles/one.md:9: key points are given twice" in problem for problem in problems
    ), problems


def test_a_post_with_neither_url_nor_text_fails_naming_file_and_line(build_site) -> None:
    body = "Lead.\n\n::: post\nplatform: x\nauthor: Example Person\n:::\n"
    _, problems = build_site({"articles/one.md": _article(1, body=body)})
    assert any(
        "content/articles/one.md:7: embedded post has neither a url nor text" in problem
        for problem in problems
    ), problems


def _documented_examples() -> list[str]:
    page = Path(__file__).resolve().parents[3] / "docs" / "news-blocks.md"
    text = page.read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```markdown\n")[1:]]


def test_the_documented_examples_build(build_site) -> None:
    front, box, post, gone = _documented_examples()
    body = f"Lead.\n\n{box}\n{post}\n{gone}"
    output, problems = build_site(
        {"articles/front.md": front + "\nLead.\n", "articles/body.md": _article(4, body=body)}
    )
    assert problems == []
    first = _soup(output / "2026/01/25/example-article-3/index.html")
    assert [li.decode_contents() for li in first.select("aside.key-points li")] == [
        "First point, <em>inline Markdown</em> allowed.",
        "Second point.",
    ]
    second = _page(output, 4)
    assert len(second.select("aside.key-points")) == 1
    card = second.select_one("figure.embedded-post[data-platform=x]")
    assert card.blockquote["cite"] == "https://x.com/example/status/123"
    assert card.select_one("a.post-link time")["datetime"] == "2026-01-25"
    assert card.select_one(".post-context").get_text() == "Replying to @other"
    deleted = second.select_one("figure.embedded-post[data-post-status=deleted]")
    assert deleted.select_one(".post-status").get_text() == (
        "This post is no longer available \u2014 as published on 25 January 2026."
    )
    assert deleted.select_one("a.post-archived")["href"].startswith("https://archive.example.org/")


def test_hostile_front_matter_key_points_run_nothing(build_site) -> None:
    front = (
        "key_points:\n"
        "  - \"<script>alert(1)</script>Point <b onclick='x()'>one</b>\"\n"
        '  - "[Two](javascript:alert(1)) <img src=x onerror=alert(2)>"\n'
    )
    output, problems = build_site({"articles/one.md": _article(1, front)})
    assert problems == []
    box = _page(output, 1).select_one("aside.key-points")
    assert [li.decode_contents() for li in box.select("li")] == [
        "Point <b>one</b>",
        "[Two](javascript:alert(1))",
    ]
    assert not box.select("script, img, [onclick], [onerror]")
