"""Hostile text in front matter, bodies and file names: refused by line, never lost or run."""

from __future__ import annotations

import time

import pytest

from content_errors import ContentError, FrontMatterError, MarkupError, printable
from content_errors.characters import first_bad_character
from markdown_reader import build_parser, render
from markdown_reader.front_matter import split_front_matter
from markdown_reader.nesting import NESTING_LIMIT
from strict_build.locations import _path_problem, is_language_tag


def _laughs(levels: int) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for number in range(1, levels):
        name, previous = chr(ord("a") + number), chr(ord("a") + number - 1)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "---\ntitle: Example article 1\n" + "\n".join(lines) + "\n---\n\nBody.\n"


def test_billion_laughs_is_refused_at_the_first_anchor_without_expanding():
    # Twelve levels stand for 9**12 (282 billion) strings: expanded, never done.
    started = time.perf_counter()
    with pytest.raises(FrontMatterError) as raised:
        split_front_matter(_laughs(12), "content/articles/laughs.md")
    assert time.perf_counter() - started < 1.0
    assert raised.value.path == "content/articles/laughs.md"
    assert raised.value.line == 3
    assert "anchors and aliases ('&name', '*name') are not allowed" in raised.value.message
    assert raised.value.hint == "write each value out in full"


@pytest.mark.parametrize(
    ("header", "line"),
    [
        ("title: Example\nsame: *other\n", 3),  # an alias alone, its anchor undefined
        ("title: Example\ntags: &t [a, b]\n", 3),  # an anchor, never used
        ("title: Example\nx: !!str &s text\n", 3),
    ],
)
def test_any_anchor_or_alias_is_refused_with_its_line(header, line):
    with pytest.raises(FrontMatterError) as raised:
        split_front_matter(f"---\n{header}---\n\nBody.\n", "a.md")
    assert raised.value.line == line
    assert "anchors and aliases" in raised.value.message


@pytest.mark.parametrize(
    ("text", "line", "named"),
    [
        ('---\ntitle: "Example \\ud800"\n---\n', 2, "U+D800 (a lone surrogate"),
        ('---\ntitle: Example\ndateline: "\\e[31mCAIRO"\n---\n', 3, "U+001B (a control"),
        ('---\ntitle: Example\ntags: [a, "b\\uFFFE"]\n---\n', 3, "U+FFFE (a Unicode noncharacter)"),
        ('---\ntitle: Example\nsource: {name: "\\x07"}\n---\n', 3, "U+0007"),
        ('---\n"\\x1b": Example\n---\n', 1, "U+001B"),
    ],
)
def test_yaml_escapes_that_make_non_characters_are_refused_naming_the_key(text, line, named):
    with pytest.raises(FrontMatterError) as raised:
        split_front_matter(text + "\nBody.\n", "a.md")
    assert raised.value.line == line
    assert named in raised.value.message


@pytest.mark.parametrize(
    ("text", "line", "named"),
    [
        ("---\ntitle: Example \x07\n---\n\nBody.\n", 2, "U+0007"),
        ("Title: Example\nDate: 2026-01-24\n\nBody \x1b[2J.\n", 4, "U+001B"),
        ("---\ntitle: Example\n---\n\nOne.\n\nTwo \x85 three.\n", 7, "U+0085"),
        ("---\ntitle: Example\n---\n\nBody \ufdd0.\n", 5, "U+FDD0"),
        ("---\ntitle: Example\n---\n\nBody \U0010ffff.\n", 5, "U+10FFFF"),
    ],
)
def test_control_characters_and_noncharacters_in_the_file_are_refused_by_line(text, line, named):
    with pytest.raises(ContentError) as raised:
        split_front_matter(text, "a.md")
    assert raised.value.line == line
    assert raised.value.message.startswith(named)
    assert raised.value.message.endswith("is not text")


@pytest.mark.parametrize("text", ["Tab\tand\r\nnewlines", "Accents é ü ß", "\u200b\u202e", "🙂"])
def test_ordinary_text_has_no_bad_character(text):
    assert first_bad_character(text) is None


def _quotes(depth: int) -> str:
    return ">" * depth + " Example deepest quote text.\n"


def _lists(depth: int) -> str:
    return "".join("  " * level + f"- level {level}\n" for level in range(depth))


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        (_quotes(NESTING_LIMIT), "Example deepest quote text."),
        (_lists(NESTING_LIMIT // 2), f"level {NESTING_LIMIT // 2 - 1}<"),
        ("Intro.\n\n" + _quotes(30), "Example deepest quote text."),  # lost before (limit 20)
        (_lists(12), "level 11<"),  # lost before (limit 20 = 10 lists)
    ],
)
def test_nesting_up_to_the_limit_keeps_every_word(body, kept):
    assert kept in render(build_parser(), body, {"source_path": "a.md"}).html


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("Intro.\n\n" + _quotes(NESTING_LIMIT + 1), 3),
        (_quotes(2_000), 1),
        (_lists(NESTING_LIMIT // 2 + 1), NESTING_LIMIT // 2 + 1),
        (_lists(300), NESTING_LIMIT // 2 + 1),
    ],
)
def test_nesting_beyond_the_limit_is_an_error_naming_the_line(body, line):
    with pytest.raises(MarkupError) as raised:
        render(build_parser(), body, {"source_path": "a.md", "line_offset": 4})
    assert raised.value.path == "a.md"
    assert raised.value.line == 4 + line
    assert f"nested deeper than {NESTING_LIMIT} levels" in raised.value.message


@pytest.mark.parametrize(
    "tag", ["en", "EN-gb", "pt-BR", "zh-Hant-TW", "de-CH-1901", "es-419", "en-US-x-twain", "x-lab"]
)
def test_well_formed_language_tags_are_accepted(tag):
    assert is_language_tag(tag)


@pytest.mark.parametrize(
    "tag",
    ['en" onmouseover="alert(1)', "en gb", "../../evil", "en/gb", "e", "en-", "-en", "en_GB", "еn"],
)
def test_anything_else_is_not_a_language_tag(tag):
    assert not is_language_tag(tag)


@pytest.mark.parametrize(
    "url",
    [
        '2026/01/x/" onmouseover="alert(1)',
        "2026/01/x/' onfocus='alert(1)",
        "2026/01/<script>/",
        "2026/01/x y/",
        "2026/01/x`/",
        "2026/01/x\ty/",
    ],
)
def test_urls_that_would_end_their_attribute_are_refused(url):
    problem = _path_problem("url", url)
    assert problem is not None
    assert "would end the HTML attribute" in problem or "invisible characters" in problem


def test_a_plain_url_passes():
    assert _path_problem("url", "2026/01/24/example-article-1/") is None


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("content/a.md\nerror: content/b.md: forged", "content/a.md\\nerror: content/b.md: forged"),
        ("content/\x1b[2Ja.md", "content/\\x1b[2Ja.md"),
        ("content/\u202egnp.md", "content/\\u202egnp.md"),
        ("content/café.md", "content/café.md"),
    ],
)
def test_paths_are_printed_on_one_line_with_control_characters_escaped(name, shown):
    assert printable(name) == shown
    assert "\n" not in printable(name)
