"""Reader metadata: YAML front matter and Pelican header lines, and their errors."""

from __future__ import annotations

import datetime as dt

import pytest

from content_errors import FrontMatterError

YAML_ARTICLE = """\
---
title: Example article 1
date: 2026-01-25T14:05:00+02:00
modified: 2026-01-26 09:30
slug: example-one
status: draft
tags: [example, synthetic]
authors:
  - Example Author
  - Second Author
summary: A *short* summary.
key_points:
  - First point.
custom_field: kept for plugins
---

Body of example article 1.
"""

PELICAN_ARTICLE = """\
Title: Example article 2
Date: 2026-01-25 14:05
Tags: example, synthetic
Authors: Example Author, Second Author
Slug: example-two

Body of example article 2.
"""


def test_yaml_front_matter(read):
    html, meta = read(YAML_ARTICLE)
    assert html == "<p>Body of example article 1.</p>\n"
    assert meta["title"] == "Example article 1"
    assert meta["date"] == dt.datetime(
        2026, 1, 25, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert meta["modified"].replace(tzinfo=None) == dt.datetime(2026, 1, 26, 9, 30)
    assert meta["slug"] == "example-one"
    assert meta["status"] == "draft"
    assert [str(tag) for tag in meta["tags"]] == ["example", "synthetic"]
    assert [str(author) for author in meta["authors"]] == ["Example Author", "Second Author"]
    assert meta["summary"] == "<p>A <em>short</em> summary.</p>"
    assert meta["key_points"] == ["First point."]
    assert meta["custom_field"] == "kept for plugins"


def test_pelican_header_lines(read):
    html, meta = read(PELICAN_ARTICLE)
    assert html == "<p>Body of example article 2.</p>\n"
    assert meta["title"] == "Example article 2"
    assert meta["date"].replace(tzinfo=None) == dt.datetime(2026, 1, 25, 14, 5)
    assert [str(tag) for tag in meta["tags"]] == ["example", "synthetic"]
    assert [str(author) for author in meta["authors"]] == ["Example Author", "Second Author"]
    assert meta["slug"] == "example-two"


def test_header_continuation_lines(read):
    _, meta = read("Title: Example article 3\nSummary: a summary that\n    goes on\n\nBody.\n")
    assert meta["summary"] == "<p>a summary that goes on</p>"


def test_a_dateline_is_not_mistaken_for_a_header(read):
    html, meta = read("EXAMPLEVILLE: The first paragraph of example article 4.\nMore text.\n")
    assert meta.get("title") is None
    assert html.startswith("<p>EXAMPLEVILLE: The first paragraph")


def test_no_metadata_at_all(read):
    html, meta = read("Just a body.\n")
    assert html == "<p>Just a body.</p>\n"
    assert "title" not in meta


def test_byte_order_mark_is_ignored(read):
    _, meta = read("\ufeff---\ntitle: Example article 5\n---\nBody.\n")
    assert meta["title"] == "Example article 5"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ntitle: Example\ndate: [2026\n---\nBody\n", 3, "invalid YAML"),
        ("---\ntitle: Example\n  bad: indent\n---\nBody\n", 3, "invalid YAML"),
        ("---\ntitle: Example\nBody without a closing fence\n", 1, "never closed"),
        ("---\n- a\n- list\n---\nBody\n", 2, "must be a mapping"),
    ],
)
def test_bad_yaml_names_file_and_line(read, text, line, words):
    with pytest.raises(FrontMatterError) as caught:
        read(text, name="broken.md")
    error = caught.value
    assert error.path.endswith("broken.md")
    assert error.line == line
    assert words in str(error)
    assert str(error).startswith(f"{error.path}:{line}: ")


@pytest.mark.parametrize("value", ["2026-02-30", "not a date", "2026-13-01"])
def test_invalid_date_is_an_error_naming_the_file(read, value):
    with pytest.raises(FrontMatterError) as caught:
        read(f"---\ntitle: Example\ndate: '{value}'\n---\nBody\n", name="bad-date.md")
    assert "bad-date.md" in str(caught.value)
    assert "date" in str(caught.value)


def test_not_utf8_is_an_error(tmp_path, settings):
    from markdown_reader import NewsMarkdownReader

    path = tmp_path / "latin1.md"
    path.write_bytes("Title: Caf\xe9\n\nBody\n".encode("latin-1"))
    with pytest.raises(FrontMatterError, match="not UTF-8"):
        NewsMarkdownReader(settings).read(str(path))


def test_sections_are_collected(read):
    _, meta = read(
        "---\ntitle: Example\n---\nLead text.\n\n## First part\n\nAlpha.\n\n## Second\n\nBeta.\n"
    )
    assert [(s["id"], s["title"], s["text"]) for s in meta["sections"]] == [
        (None, "", "Lead text."),
        ("first-part", "First part", "Alpha."),
        ("second", "Second", "Beta."),
    ]
    assert meta["sections"][1]["line"] == 6


@pytest.mark.parametrize("front", ["title: [a, b]", "date: {year: 2026}", "slug: [x]"])
def test_wrong_types_are_errors(read, front):
    with pytest.raises(FrontMatterError, match="must be a single value"):
        read(f"---\n{front}\n---\nBody\n", name="types.md")


def test_numbers_become_strings_for_known_keys(read):
    _, meta = read("---\ntitle: 2026\nscore: 3\n---\nBody\n")
    assert meta["title"] == "2026"
    assert meta["score"] == 3


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: Example\ndate: 2026-02-30\n---\nBody\n", 3),
        ("---\ntitle: Example\ncorrections:\n  - date: 2026-13-01\n    note: x\n---\nBody\n", 4),
    ],
)
def test_impossible_unquoted_dates_name_the_line(read, text, line):
    with pytest.raises(FrontMatterError) as caught:
        read(text, name="impossible.md")
    assert caught.value.line == line
    assert "invalid date" in str(caught.value)


def test_blank_lines_after_front_matter_keep_line_numbers_true(read):
    _, meta = read("---\ntitle: Example\n---\n\n\nLead.\n\n## Part\n\nText.\n")
    assert meta["sections"][1]["line"] == 8
