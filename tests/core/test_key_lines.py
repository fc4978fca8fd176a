"""A metadata key's line is found one way: in the header as the splitter cuts it.

Messages from the reader, the site checks and topic files all name a key's line with
``content_errors.key_line`` (or ``metadata_line`` on a file): a key at the start of a
header line, the last one when repeated (the value a reader keeps), never a line of the body
or a key nested inside a value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from content_errors import key_line, key_lines, metadata_line
from content_errors.headers import split_header


def _line(tmp_path: Path, text: str, key: str) -> int | None:
    path = tmp_path / "example.md"
    path.write_text(text, encoding="utf-8")
    return metadata_line(str(path), key)


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ("---\ntitle: Example\nstatus: draft\n---\nBody.\n", "status", 3),
        ("Title: Example\nStatus: draft\n\nBody.\n", "status", 2),  # Pelican's keys: any case
        ("---\nTitle: Example\n---\n", "title", 2),  # the reader lower-cases YAML keys too
        ("\ufeffTitle: Example\n\nBody.\n", "title", 1),  # after a byte-order mark
        ("---\ntitle: A\nslug: a\nslug: b\n---\n", "slug", 4),  # repeated: the value kept
        ("Title: Example\r\nSlug: example\r\n\r\nBody\r\n", "slug", 2),
        ("---\n'slug': example\n---\n", "slug", 2),  # a quoted YAML key
    ],
)
def test_the_line_of_a_key_in_the_header(tmp_path: Path, text: str, key: str, line: int) -> None:
    assert _line(tmp_path, text, key) == line


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Title: Example\n\nStatus: a word in the body\n", "status"),
        ("---\ntitle: Example\n---\nstatus: body text\n", "status"),
        ("---\nauthors:\n  - name: Example Person\n    slug: example\n---\n", "slug"),
        ("---\ntitle: Example\nstatus: draft\n", "status"),  # never closed: no header
        ("A first paragraph: no header at all.\n", "a first paragraph"),
    ],
)
def test_no_line_outside_the_header_nor_inside_a_value(tmp_path: Path, text: str, key: str) -> None:
    assert _line(tmp_path, text, key) is None


def test_a_missing_file_has_no_line(tmp_path: Path) -> None:
    assert metadata_line(str(tmp_path / "missing.md"), "title") is None


def test_yaml_case_is_kept_when_asked_as_in_topic_files() -> None:
    header = "---\nTitle: Example\ntitle: Other\nexclude phrases: []\n---\n"
    assert key_lines(header, fold_case=False) == {"Title": 2, "title": 3, "exclude phrases": 4}
    assert key_line(header, "Title", fold_case=False) == 2
    assert key_line(header, "TITLE") == 3


def test_the_header_is_cut_where_the_body_starts() -> None:
    yaml = split_header("---\ntitle: A\n---\n\nBody\n")
    assert yaml is not None
    assert (yaml.header, yaml.body, yaml.body_line, yaml.yaml) == (
        "---\ntitle: A\n---\n",
        "\nBody\n",
        3,
        "title: A\n",
    )
    pelican = split_header("Title: A\nSummary: one\n  two\n\nBody\n")
    assert pelican is not None
    assert (pelican.header, pelican.body, pelican.fields) == (
        "Title: A\nSummary: one\n  two\n\n",
        "Body\n",
        {"title": "A", "summary": "one two"},
    )
    body_only = split_header("WASHINGTON: a first line\nand more\n")
    assert body_only is not None and (body_only.header, body_only.body_line) == ("", 0)
    assert split_header("---\ntitle: never closed\n") is None
