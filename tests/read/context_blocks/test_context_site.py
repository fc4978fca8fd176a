"""A tiny real site with a context file of each kind, placed in articles and in topic
introductions: the cards, the same everywhere; the articles' ``modified`` dates; the
file tally; and the errors a build reports (unknown slugs, bad context files)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from blinker import signal
from bs4 import BeautifulSoup
from tests.stage_plugins import LINK_PLUGINS

from html_policy import sanitise

Build = Callable[..., tuple[Path, list[str]]]
SITE = Path(__file__).parent / "site" / "content"
ARTICLE_1 = "2026/03/02/example-article-1/index.html"
ARTICLE_2 = "2026/03/10/example-article-2/index.html"
ARTICLE_3 = "2026/03/03/example-article-3/index.html"


def _files(**extra: str) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        str(path.relative_to(SITE)): path.read_text(encoding="utf-8")
        for path in sorted(SITE.rglob("*.md"))
    }
    files.update(extra)
    return files


def _card(html: str, slug: str) -> str:
    """The card of ``slug`` in a page, exactly as written."""
    match = re.search(
        rf'<aside aria-labelledby="context-{re.escape(slug)}".*?</aside>', html, re.DOTALL
    )
    assert match is not None, f"no card for {slug}"
    return match.group(0)


@pytest.fixture
def site(build_site: Build) -> Path:
    tallies: list[Any] = []
    with signal("newsdigest.sources_tallied").connected_to(tallies.append):
        output, problems = build_site(_files(), plugins=LINK_PLUGINS)
    assert problems == []
    (tally,) = tallies
    assert tally.lines()[0] == (
        "9 files in content/ = 3 sources + 2 topic files + 4 context files + 0 static files"
        " + 0 template pages + 0 ignored"
    )
    return output


def _read(output: Path, name: str) -> str:
    return (output / name).read_text(encoding="utf-8")


def test_each_kind_is_a_card_with_its_label_title_body_and_review_date(site: Path) -> None:
    first = BeautifulSoup(_read(site, ARTICLE_1), "html.parser")
    (card,) = first.select("aside.context-block")
    assert card["class"] == ["context-block", "context-block-qa"]
    assert card["aria-labelledby"] == "context-example-crossing-qa"
    assert card.select_one(".context-block-kind").get_text() == "Q&A"
    title = card.select_one("#context-example-crossing-qa")
    assert title.name == "h2" and title.get_text() == "Example crossing, explained"
    # The questions, one level below the card's title, their ids the block's own.
    questions = card.select(".context-qa h3")
    assert [q["id"] for q in questions] == [
        "context-example-crossing-qa-what-is-the-example-crossing",
        "context-example-crossing-qa-who-runs-it",
    ]
    reviewed = card.select_one(".context-block-reviewed")
    assert reviewed.get_text() == "Last reviewed 5 March 2026"
    assert reviewed.time["datetime"] == "2026-03-05"
    # Not an article section: the article's sections are its own.
    assert [h2.get("id") for h2 in first.select(".article-body > h2")] == ["example-section"]

    second = BeautifulSoup(_read(site, ARTICLE_2), "html.parser")
    kinds = [
        (card["class"][1], card.select_one(".context-block-kind").get_text())
        for card in second.select("aside.context-block")
    ]
    assert kinds == [("context-block-timeline", "Timeline"), ("context-block-profile", "Profile")]
    timeline = second.select_one(".context-timeline")
    assert [li.strong.get_text() for li in timeline.select("li")] == [
        "12 January 2026",
        "3 February 2026",
        "1 March 2026",
    ]
    hub = BeautifulSoup(_read(site, "topics/example-council/index.html"), "html.parser")
    guide = hub.select_one(".topic-intro aside.context-block-guide")
    assert guide.select_one(".context-block-kind").get_text() == "Quick guide"
    assert not BeautifulSoup(_read(site, ARTICLE_3), "html.parser").select(".context-block")


def test_a_block_is_the_same_card_in_an_article_and_a_hub(site: Path) -> None:
    in_article = _card(_read(site, ARTICLE_1), "example-crossing-qa")
    in_hub = _card(_read(site, "topics/example-crossing/index.html"), "example-crossing-qa")
    assert in_article == in_hub
    # And the site's sanitiser (which writes again an article holding raw HTML) leaves it be.
    assert sanitise(in_article) == in_article


def test_a_block_in_an_article_with_raw_html_is_the_same_card(build_site: Build) -> None:
    # The sanitiser writes such an article's HTML again (with BeautifulSoup when it holds a
    # link), which may write a character reference another way ("Q&A" for "Q&amp;A"):
    # the same card for a reader, element for element and character for character.
    raw = (
        "---\ntitle: Example article 4\ndate: 2026-03-04 10:00\n---\n"
        'Lead with <span title="x">raw HTML</span> and [a link](https://example.org/).\n\n'
        "::: context example-crossing-qa\n:::\n"
    )
    output, problems = build_site(
        _files(**{"articles/example-article-4.md": raw}), plugins=LINK_PLUGINS
    )
    assert problems == []
    in_article = _card(
        _read(output, "2026/03/04/example-article-4/index.html"), "example-crossing-qa"
    )
    in_hub = _card(_read(output, "topics/example-crossing/index.html"), "example-crossing-qa")
    parsed = BeautifulSoup(in_article, "html.parser").decode(formatter="minimal")
    assert parsed == BeautifulSoup(in_hub, "html.parser").decode(formatter="minimal")


def _json_ld(html: str) -> dict[str, Any]:
    soup = BeautifulSoup(html, "html.parser")
    data: dict[str, Any] = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    return data


def test_an_article_is_updated_when_a_block_it_shows_was_reviewed_after_it(site: Path) -> None:
    # Published 2 March, its Q&A reviewed 5 March: updated 5 March (from midnight, UTC).
    first = BeautifulSoup(_read(site, ARTICLE_1), "html.parser")
    (updated,) = [span for span in first.select(".article-dates span") if "Updated" in span.text]
    assert updated.time["datetime"] == "2026-03-05T00:00:00+00:00"
    ld = _json_ld(_read(site, ARTICLE_1))
    graph = ld.get("@graph", [ld])
    article = next(item for item in graph if "dateModified" in item)
    assert article["dateModified"].startswith("2026-03-05T00:00:00")
    # Published 10 March, its blocks reviewed before: not updated.
    second = BeautifulSoup(_read(site, ARTICLE_2), "html.parser")
    assert "Updated" not in second.select_one(".article-dates").get_text()


def test_an_articles_own_later_modified_date_stays(build_site: Build) -> None:
    own = (
        "---\ntitle: Example article 5\ndate: 2026-03-01 10:00\nmodified: 2026-03-20 08:00\n---\n"
        "Lead.\n\n::: context example-crossing-qa\n:::\n"
    )
    output, problems = build_site(
        _files(**{"articles/example-article-5.md": own}), plugins=LINK_PLUGINS
    )
    assert problems == []
    page = BeautifulSoup(_read(output, "2026/03/01/example-article-5/index.html"), "html.parser")
    (updated,) = [span for span in page.select(".article-dates span") if "Updated" in span.text]
    assert updated.time["datetime"] == "2026-03-20T08:00:00+00:00"


def test_context_files_are_data_never_pages(site: Path) -> None:
    written = {str(path.relative_to(site)) for path in site.rglob("*") if path.is_file()}
    assert not [name for name in written if "context" in name.split("/")[0]]
    assert not [name for name in written if "example-crossing-qa" in name]


def test_an_unknown_slug_fails_the_build_naming_the_file_and_line(build_site: Build) -> None:
    article = (
        "---\ntitle: Example article 6\ndate: 2026-03-06 10:00\n---\n"
        "Lead.\n\n::: context example-timelien\n:::\n"
    )
    topic = (
        "---\ntitle: Example harbour\nphrases: [harbour]\n---\nIntro.\n\n::: context harbour\n:::\n"
    )
    _, problems = build_site(
        _files(**{"articles/example-article-6.md": article, "topics/example-harbour.md": topic}),
        plugins=LINK_PLUGINS,
    )
    assert (
        "error: content/articles/example-article-6.md:7: unknown context block"
        " 'example-timelien' (did you mean 'example-timeline'?)"
    ) in problems
    assert (
        "error: content/topics/example-harbour.md:7: unknown context block 'harbour'"
        " (add content/context/harbour.md, or use the slug of a file there)"
    ) in problems


def test_a_bad_context_file_fails_the_build_once_and_its_articles_say_why(
    build_site: Build,
) -> None:
    broken = (
        "---\ntitle: Example crossing, explained\nkind: qaa\nreviewed: 2026-03-05\n---\n## Q?\n"
    )
    _, problems = build_site(
        _files(**{"context/example-crossing-qa.md": broken}), plugins=LINK_PLUGINS
    )
    assert (
        problems.count(
            "error: content/context/example-crossing-qa.md:3: unknown kind 'qaa'"
            " (did you mean 'qa'?)"
        )
        == 1
    )
    assert (
        "error: content/articles/example-article-1.md:8: the context block"
        " 'example-crossing-qa' cannot be shown: content/context/example-crossing-qa.md has"
        " errors (fix content/context/example-crossing-qa.md (its errors are reported with it))"
    ) in problems


def test_context_path_must_be_kept_out_of_the_articles(build_site: Build) -> None:
    _, problems = build_site(_files(), plugins=LINK_PLUGINS, ARTICLE_PATHS=[""])
    assert any(
        "ARTICLE_PATHS includes '.', which holds the context files (context/)" in problem
        for problem in problems
    )
