"""Issue 19: metadata from what a page states, bylines as people, dates with offsets,
language, datelines and credit lines, boilerplate, batch import and eval-import."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from import_fixtures_paths import FIXTURES

from news_import.article_shape import dateline_agency, parse_credit_line, split_dateline
from news_import.boilerplate import drop_boilerplate
from news_import.bylines import parse_byline
from news_import.evaluate import main as evaluate_main
from news_import.language import detect, normalise_tag
from news_import.model import Article, Heading, ListBlock, Paragraph
from news_import.page_dates import parse_page_date, with_page_zone
from news_import.posts import parse_post_url, parse_signature

PAGE = """<!DOCTYPE html><html{lang}><head><meta charset="utf-8"><title>{title}</title>{head}
</head><body>{body}<article><h1>{h1}</h1>{article}
<p>The first paragraph of the synthetic example is long enough for the extractor to keep.</p>
<p>The second paragraph of the synthetic example adds more words about nothing real.</p>
</article></body></html>"""


def _page(tmp_path: Path, name: str = "page.html", **parts: str) -> Path:
    values = {"lang": "", "title": "Example article 20", "head": "", "body": "", "article": ""}
    values["h1"] = parts.get("h1", "Example article 20")
    values.update(parts)
    path = tmp_path / name
    path.write_text(PAGE.format(**values), encoding="utf-8")
    return path


def _front_matter(run) -> str:
    (written,) = run.written()
    return written.read_text(encoding="utf-8").split("\n---\n", 1)[0] + "\n"


# -- bylines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("By Example Person", ["Example Person"]),
        ("By Example Person and Other Person", ["Example Person", "Other Person"]),
        (
            "Example Person, Other Person & Third Person",
            ["Example Person", "Other Person", "Third Person"],
        ),
        ("By Example Person, Education editor", ["Example Person"]),
        ("Example Person Games Editor", ["Example Person"]),
        ("Example Person | Example News", ["Example Person"]),
        ("Example Person for Example Times", ["Example Person"]),
        ("By Example Person 25 January 2026 14:05", ["Example Person"]),
        ("by Example Person25 Jan 2026 12", ["Example Person"]),
        ("EXAMPLE PERSON", ["Example Person"]),
        ("Example Reporter", ["Example Reporter"]),
        ("Example News", []),
        ("Example Wire Staff", []),
        ("Example7567", []),
    ],
)
def test_byline_names_people_only(byline: str, people: list[str]) -> None:
    assert parse_byline(byline, site="Example News").people == people


def test_byline_says_what_it_dropped() -> None:
    parsed = parse_byline("By Example Person, Education editor | Example News", site="Example News")
    assert parsed.organisations == ["Example News"]
    assert "a role ('Education editor')" in parsed.dropped


def test_organisation_author_becomes_the_source_not_an_author(run_import, tmp_path: Path) -> None:
    page = _page(tmp_path, head='<meta name="author" content="Example Wire">')
    run = run_import(page)
    assert run.code == 0, run.stderr
    front = _front_matter(run)
    assert "authors:" not in front
    assert "name: Example Wire" in front
    assert "names an organisation, not a person" in run.stdout


def test_byline_of_a_teaser_or_promo_box_is_never_used(run_import, tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        body='<div class="related-card"><p class="byline">By Teaser Person</p>'
        '<time datetime="2025-12-01T08:00:00Z">1 Dec</time></div>'
        '<aside class="promo"><h1>Get the Example briefing</h1></aside>',
        article='<p class="byline">By Example Person</p>',
    )
    run = run_import(page)
    front = _front_matter(run)
    assert "Example Person" in front
    assert "Teaser Person" not in front
    assert "2025-12-01" not in front
    assert "title: Example article 20" in front


# -- titles -----------------------------------------------------------------------------


def test_title_most_sources_share_wins_and_the_disagreement_is_flagged(run_import) -> None:
    run = run_import(FIXTURES / "html-title-disagreement/input.html")
    assert "title: Example article 12\n" in _front_matter(run)
    assert "title: the page's sources disagree; chose 'Example article 12'" in run.stdout
    # The page's own <h1>, not chosen, does not become a section heading.
    assert "## Example article 12" not in run.written()[0].read_text(encoding="utf-8")


def test_json_ld_inside_graph_is_read(run_import) -> None:
    run = run_import(FIXTURES / "html-json-ld-graph/input.html")
    assert "title: from JSON-LD NewsArticle/ReportageNewsArticle headline" in run.stdout
    assert "byline: Example Person (from JSON-LD" in run.stdout
    assert "source: Example News (from JSON-LD" in run.stdout


# -- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso", "zone"),
    [
        ("2026-01-25T14:05:00+01:00", "2026-01-25T14:05:00+01:00", True),
        ("2026-01-25T14:05:00Z", "2026-01-25T14:05:00+00:00", True),
        ("2026-01-25T14:05:00+0100", "2026-01-25T14:05:00+01:00", True),
        ("2026-01-25 14:05:00.000000", "2026-01-25T14:05:00", False),
        ("2026-01-25", "2026-01-25", False),
        ("25 janvier 2026", "2026-01-25", False),
    ],
)
def test_page_dates_keep_their_offset(text: str, iso: str, zone: bool) -> None:
    parsed = parse_page_date(text)
    assert parsed is not None
    assert (parsed.iso(), parsed.has_zone) == (iso, zone)


def test_a_zone_less_time_takes_the_pages_zone_or_keeps_only_the_day() -> None:
    naive = parse_page_date("2026-01-25T14:05:00")
    zoned = parse_page_date("2026-01-26T09:00:00-05:00")
    assert naive is not None and zoned is not None
    value, note = with_page_zone(naive, [naive, zoned])
    assert value == "2026-01-25T14:05:00-05:00"
    assert note is not None and "-05:00 comes from another date" in note
    value, note = with_page_zone(naive, [naive])
    assert value == "2026-01-25"
    assert note is not None and "only the day is kept" in note


def test_zone_less_page_time_is_never_written_as_utc(run_import) -> None:
    run = run_import(FIXTURES / "html-arabic-zoneless/input.html")
    front = _front_matter(run)
    assert "date: 2026-01-25\n" in front
    assert "+00:00" not in front
    assert "only the day is kept" in run.stdout


def test_published_and_modified_are_both_written(run_import) -> None:
    run = run_import(FIXTURES / "html-json-ld-graph/input.html")
    front = _front_matter(run)
    assert "date: 2026-01-25T14:05:00+01:00" in front
    assert "modified: 2026-01-26T09:30:00+01:00" in front


# -- language ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "tag"),
    [("en_GB", "en-GB"), ("fr", "fr"), ("pt-br", "pt-BR"), ("", None), ("not a tag!", None)],
)
def test_language_tags_are_normalised(value: str, tag: str | None) -> None:
    assert normalise_tag(value) == tag


def test_language_detected_from_the_script() -> None:
    assert detect("هذه فقرة تجريبية مكتوبة للاختبار فقط ولا تصف أي حدث حقيقي " * 3) == "ar"
    assert detect("Это синтетический текст для проверки импорта статей " * 3) == "ru"
    english = "The example is in the text and it is for the test of the importer " * 3
    assert detect(english) == "en"


def test_arabic_text_under_an_english_template_is_written_as_arabic(run_import) -> None:
    run = run_import(FIXTURES / "html-arabic-zoneless/input.html")
    assert "lang: ar\n" in _front_matter(run)
    assert "lang: ar, detected from the text's script; the page states 'en'" in run.stdout


def test_language_from_og_locale(run_import, tmp_path: Path) -> None:
    run = run_import(_page(tmp_path, head='<meta property="og:locale" content="en_GB">'))
    assert "lang: en-GB\n" in _front_matter(run)


def test_arabic_plain_text_gets_its_language(run_import, tmp_path: Path) -> None:
    text = tmp_path / "arabic.txt"
    text.write_text(
        "Title: Example article 21\nDate: 2026-01-25\n\n"
        + "هذه فقرة تجريبية مكتوبة للاختبار فقط ولا تصف أي حدث حقيقي على الإطلاق.\n\n" * 4,
        encoding="utf-8",
    )
    run = run_import(text)
    assert "lang: ar\n" in _front_matter(run)


# -- datelines, credit lines ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "agency"),
    [
        ("EXAMPLE CITY: The text.", "EXAMPLE CITY", None),
        ("EXAMPLE CITY — The text.", "EXAMPLE CITY", None),
        (
            "EXAMPLE CITY, Example Country (Example Wire) – The text.",
            "EXAMPLE CITY, Example Country",
            "Example Wire",
        ),
        ("EXAMPLE CITY, Jan 25 (Example Wire) - The text.", "EXAMPLE CITY", "Example Wire"),
    ],
)
def test_dateline_forms(text: str, place: str, agency: str | None) -> None:
    assert split_dateline(text) == (place, "The text.")
    assert dateline_agency(text) == agency


def test_credit_line_names_authors_and_contributors() -> None:
    credit = (
        "(Reporting by Example Person and Other Person in Example City; Editing by Third Person)"
    )
    assert parse_credit_line(credit) == [
        ("Example Person", "author"),
        ("Other Person", "author"),
        ("Third Person", "Editing"),
    ]
    assert parse_credit_line("Reporting on the example continued all day.") is None


def test_credit_line_leaves_the_body_and_joins_the_authors(run_import) -> None:
    run = run_import(FIXTURES / "html-json-ld-graph/input.html")
    text = run.written()[0].read_text(encoding="utf-8")
    assert "Reporting by" not in text
    assert '{name: "Other Person", role: "Editing"}' in text


# -- the article and nothing else -------------------------------------------------------


def test_trailing_furniture_and_promos_are_dropped_and_listed() -> None:
    article = Article(
        blocks=[
            Paragraph("The synthetic article's first paragraph."),
            Paragraph("Sign up for our newsletter to get example stories in your inbox."),
            Paragraph("The synthetic article's last paragraph."),
            Heading("More from Example News"),
            ListBlock(["Example article 98", "Example article 97"]),
            Paragraph("Read our editorial standards."),
        ]
    )
    drop_boilerplate(article)
    assert [b.text for b in article.blocks if isinstance(b, Paragraph)] == [
        "The synthetic article's first paragraph.",
        "The synthetic article's last paragraph.",
    ]
    kinds = " ".join(article.report.left_out)
    for kind in ("newsletter", "related", "standards"):
        assert f"dropped a {kind} block" in kinds


def test_a_related_word_inside_the_article_is_kept() -> None:
    article = Article(
        blocks=[Paragraph("Related: the synthetic example has a sequel."), Paragraph("End.")]
    )
    drop_boilerplate(article)
    assert len(article.blocks) == 2


def test_standfirst_becomes_the_summary(run_import) -> None:
    run = run_import(FIXTURES / "html-json-ld-graph/input.html")
    text = run.written()[0].read_text(encoding="utf-8")
    assert "summary: A synthetic standfirst" in text
    assert text.count("A synthetic standfirst") == 1


def test_spaces_around_links_are_kept(run_import, tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        article='<p>Words before<a href="https://example.org/a"> the link </a>and words after it,'
        " in a synthetic paragraph long enough to keep.</p>",
    )
    text = run_import(page).written()[0].read_text(encoding="utf-8")
    assert "Words before [the link](https://example.org/a) and words after" in text


def test_pasted_post_notice_becomes_a_link_card(run_import) -> None:
    run = run_import(FIXTURES / "html-json-ld-graph/input.html")
    text = run.written()[0].read_text(encoding="utf-8")
    assert "::: post\nplatform: x\nurl: https://x.com/i/web/status/1234567890123456789\n:::" in text
    assert "can't be displayed" not in text


def test_web_status_links_and_foreign_post_dates() -> None:
    found = parse_post_url("https://x.com/i/web/status/1234567890")
    assert found is not None and found.platform == "x" and found.handle is None
    signature = parse_signature("Un message — Example Person (@example) 25 janvier 2026")
    assert signature is not None and signature.date == "2026-01-25"
    signature = parse_signature("Ein Beitrag — Example Person (@example) 25. Januar 2026")
    assert signature is not None and signature.date == "2026-01-25"


# -- batch import -----------------------------------------------------------------------


def test_batch_import_of_a_folder(run_import, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.html").write_text(
        (FIXTURES / "html-title-disagreement/input.html").read_text(encoding="utf-8")
    )
    (folder / "b.txt").write_text(
        (FIXTURES / "text-blank-lines/input.txt").read_text(encoding="utf-8")
    )
    (folder / "c.txt").write_text("too short\n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / ".hidden.html").write_text("<html></html>")
    run = run_import(folder)
    assert run.code == 1
    assert [p.name for p in run.written()] == [
        "2026-01-20-example-article-3-a-synthetic-report.md",
        "2026-01-27-example-article-12.md",
    ]
    assert "[1/3]" in run.stdout and "[3/3]" in run.stdout
    assert "Imported 2 of 3 files" in run.stdout
    assert "c.txt: does not look like an article" in run.stderr
    # Again: nothing is overwritten, every file fails.
    before = {p: p.read_bytes() for p in run.written()}
    again = run_import(folder)
    assert again.code == 1
    assert "Imported 0 of 3 files" in again.stdout
    assert {p: p.read_bytes() for p in again.written()} == before


def test_batch_refuses_per_article_options(run_import, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_import(tmp_path, "--title", "Example article 22")
    assert exit_info.value.code == 2


# -- eval-import ------------------------------------------------------------------------


def test_eval_import_scores_a_corpus(tmp_path: Path) -> None:
    for case, fixture, expected in (
        (
            "good",
            "html-json-ld-graph",
            {
                "title": "Example article 10",
                "byline": "By Example Person",
                "lang": "en",
                "publishedTime": "2026-01-25T14:05:00+01:00",
                "siteName": "Example News",
                "mustContain": ["The third paragraph closes"],
                "mustNotContain": ["Sign up for our newsletter"],
            },
        ),
        (
            "wrong",
            "html-title-disagreement",
            {
                "title": "Example article 12: the long headline of the page",
                "byline": "Example Person",
            },
        ),
    ):
        folder = tmp_path / "corpus" / case
        folder.mkdir(parents=True)
        (folder / "source.html").write_bytes((FIXTURES / fixture / "input.html").read_bytes())
        (folder / "expected-metadata.json").write_text(json.dumps(expected), encoding="utf-8")
    out = io.StringIO()
    assert evaluate_main([str(tmp_path / "corpus"), "-v"], stdout=out) == 0
    table = out.getvalue()
    good = next(line for line in table.splitlines() if line.startswith("good"))
    assert good.split()[1:] == ["ok", "ok", "ok", "ok", "ok", "ok"]
    wrong = next(line for line in table.splitlines() if line.startswith("wrong"))
    # Both wrong, both flagged in the review report (title disagreement, no person byline).
    assert wrong.split()[1:3] == ["!", "!"]
    assert "score: 6/8 checks right (75.0 %); 2 wrong but flagged" in table
