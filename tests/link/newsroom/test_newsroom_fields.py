"""Each newsroom field: present (read into the model), absent (nothing), malformed (an error
naming the file and the key's line). Malformed cases are fixtures in fixtures/malformed.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from content_errors import FrontMatterError
from markdown_reader.front_matter import split_front_matter
from newsroom.fields import read_newsroom_fields
from newsroom.model import Newsroom, Note, Person, Source
from newsroom.source_lines import read_raw_front_matter

FIXTURES = Path(__file__).parent / "fixtures"
MALFORMED = yaml.safe_load((FIXTURES / "malformed.yaml").read_text(encoding="utf-8"))
HEAD = "---\ntitle: Example article 1\ndate: 2026-01-25T10:00:00+00:00\n"
PATH = "content/articles/example.md"
UTC = dt.UTC


def read(tmp_path: Path, front_matter: str, timezone: str = "UTC") -> Newsroom:
    source = tmp_path / "example.md"
    source.write_text(HEAD + front_matter + "---\n\nBody.\n", encoding="utf-8")
    metadata: dict[str, Any] = split_front_matter(source.read_text(encoding="utf-8"), PATH).metadata
    raw = read_raw_front_matter(str(source), PATH)
    return read_newsroom_fields(metadata, raw, PATH, timezone)


def test_absent_fields_give_an_empty_model(tmp_path: Path) -> None:
    newsroom = read(tmp_path, "")
    assert newsroom == Newsroom()
    assert not newsroom.byline


def test_every_field_present(tmp_path: Path) -> None:
    newsroom = read(
        tmp_path,
        """dateline: EXAMPLE CITY
authors:
  - Example Writer
  - {name: Example Editor, role: Editor, url: "https://example.org/editor"}
sources:
  - Example Agency
  - {name: Other Agency, url: "https://example.org/original", date: 2026-01-24}
updates:
  - {date: 2026-01-26T14:05:00+00:00, note: Adds a synthetic reaction.}
  - {date: "2026-01-25 18:00", note: Adds a synthetic figure.}
corrections:
  - {date: 2026-01-27, note: An earlier version misspelt a synthetic name.}
publish_future: false
""",
    )
    assert newsroom.dateline == "EXAMPLE CITY"
    assert newsroom.authors == (
        Person("Example Writer"),
        Person("Example Editor", role="Editor", url="https://example.org/editor"),
    )
    assert newsroom.sources == (
        Source("Example Agency"),
        Source(
            "Other Agency", "https://example.org/original", dt.datetime(2026, 1, 24, tzinfo=UTC)
        ),
    )
    # Oldest first, whatever the order written; dates without a zone are in TIMEZONE.
    assert newsroom.updates == (
        Note(dt.datetime(2026, 1, 25, 18, 0, tzinfo=UTC), "Adds a synthetic figure."),
        Note(dt.datetime(2026, 1, 26, 14, 5, tzinfo=UTC), "Adds a synthetic reaction."),
    )
    assert newsroom.corrections[0].label == "27 Jan 2026, 00:00 UTC"
    assert newsroom.byline


def test_a_single_source_as_text_or_mapping(tmp_path: Path) -> None:
    assert read(tmp_path, "source: Example Agency\n").sources == (Source("Example Agency"),)
    mapped = read(tmp_path, 'source: {name: Example Agency, url: "https://example.org/a"}\n')
    assert mapped.sources == (Source("Example Agency", "https://example.org/a"),)


def test_dates_without_a_zone_take_the_site_time_zone(tmp_path: Path) -> None:
    newsroom = read(
        tmp_path, "updates:\n  - {date: 2026-01-26T09:00, note: Adds.}\n", "Europe/Berlin"
    )
    assert newsroom.updates[0].date.isoformat() == "2026-01-26T09:00:00+01:00"
    assert newsroom.updates[0].label == "26 Jan 2026, 09:00 CET"


@pytest.mark.parametrize("case", MALFORMED, ids=[case["name"] for case in MALFORMED])
def test_malformed_field_names_the_file_and_line(tmp_path: Path, case: dict[str, str]) -> None:
    with pytest.raises(FrontMatterError) as caught:
        read(tmp_path, case["front_matter"])
    assert str(caught.value).startswith(case["error"]), str(caught.value)


SECTIONS = [
    {"id": None, "title": "", "line": None, "text": "Lead."},
    {"id": "the-figures", "title": "The figures", "line": 9, "text": "Synthetic figures."},
    {"id": "reactions", "title": "Reactions", "line": 13, "text": "Synthetic reactions."},
]


def read_with_sections(tmp_path: Path, front_matter: str) -> Newsroom:
    source = tmp_path / "example.md"
    source.write_text(HEAD + front_matter + "---\n\nBody.\n", encoding="utf-8")
    metadata: dict[str, Any] = split_front_matter(source.read_text(encoding="utf-8"), PATH).metadata
    metadata["sections"] = SECTIONS  # what markdown_reader records of the ## headings
    return read_newsroom_fields(metadata, read_raw_front_matter(str(source), PATH), PATH, "UTC")


def test_a_note_may_name_the_section_it_concerns(tmp_path: Path) -> None:
    newsroom = read_with_sections(
        tmp_path,
        "corrections:\n  - {date: 2026-01-26, note: Fixes a figure., section: the-figures}\n"
        "updates:\n  - {date: 2026-01-27, note: Adds a reaction., section: '#reactions'}\n"
        "  - {date: 2026-01-28, note: Adds a photo.}\n",
    )
    assert newsroom.corrections == (
        Note(dt.datetime(2026, 1, 26, tzinfo=UTC), "Fixes a figure.", "the-figures", "The figures"),
    )
    assert [(note.section, note.section_title) for note in newsroom.updates] == [
        ("reactions", "Reactions"),
        (None, ""),
    ]


def test_a_note_naming_an_unknown_section_lists_the_headings(tmp_path: Path) -> None:
    with pytest.raises(FrontMatterError) as caught:
        read_with_sections(
            tmp_path, "corrections:\n  - {date: 2026-01-26, note: Fix., section: reaction}\n"
        )
    assert str(caught.value) == (
        "content/articles/example.md:4: 'corrections' item 1: 'section' 'reaction' is not the "
        "id of one of the article's '##' headings (did you mean 'reactions'? its headings' "
        "ids: the-figures, reactions)"
    )
