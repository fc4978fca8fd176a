"""strict_build's small decisions, input by input: front-matter text, slugs, paths."""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re

import pytest
from markupsafe import Markup

from content_errors import display_path
from html_policy.plain_metadata import plain_text
from strict_build.links import forget_link_records
from strict_build.locations import _invisible, _path_problem, _slug_problem
from strict_build.site_checks import _EDITOR_FILE, _EDITOR_FILES


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Example article 1", "Example article 1"),  # untouched, not even a Markup
        ("Talks in Gaza & Cairo", Markup("Talks in Gaza &amp; Cairo")),
        ('He said "yes"', Markup("He said &#34;yes&#34;")),
        ("A <em>new</em> plan", Markup("A <em>new</em> plan")),
        ('<b onclick="alert(1)">Bold</b>', Markup("<b>Bold</b>")),
        ("<script>alert(1)</script>Example", Markup("Example")),
        ('" onmouseover="alert(1)', Markup("&#34; onmouseover=&#34;alert(1)")),
        ("&lt;/title&gt;", Markup("&lt;/title&gt;")),
        ('<a href="javascript:alert(1)">x</a>', Markup("x")),
    ],
)
def test_front_matter_text_is_plain_safe_html(written, shown):
    result = plain_text(written)
    assert result == shown
    assert type(result) is type(shown)


@pytest.mark.parametrize(
    ("slug", "problem"),
    [
        ("example-article-1", None),
        ("Example_Article.2", None),
        ("../../etc/x", "path separator '/'"),
        ("a\\b", "path separator '\\\\'"),
        ("p\u0430ypal", "U+0430 CYRILLIC SMALL LETTER A"),
        ("report\u202egnp.exe", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("exa\u200bmple", "U+200B ZERO WIDTH SPACE"),
        ("two words", "U+0020 SPACE"),
        ("..", "characters outside"),
        ("-leading", "characters outside"),
    ],
)
def test_slugs_must_be_plain_url_segments(slug, problem):
    found = _slug_problem(slug)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2026/01/25/example/index.html", None),
        ("example.html", None),
        ("/etc/passwd", "absolute path"),
        ("C:/site/x.html", "absolute path"),
        ("javascript:alert(1)", "URL scheme"),
        ("../../x.html", "climbs out"),
        ("a/../../x.html", "climbs out"),
        ("a\\x.html", "backslashes"),
        ("a\u202e.html", "invisible"),
    ],
)
def test_save_as_and_url_stay_inside_the_site(value, problem):
    found = _path_problem("save_as", value)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


def _path_problem_as_first_written(key: str, value: str) -> str | None:
    """The save_as/url check before its shortcut, to hold the shortcut to the same answers."""
    if not value:
        return None
    if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value):
        return f"{key} {value!r} is an absolute path"
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
        return f"{key} {value!r} starts with a URL scheme"
    if "\\" in value or _invisible(value):
        return f"{key} {value!r} contains backslashes or invisible characters"
    breaking = re.search(r"[\"'<>`\s]", value)
    if breaking:
        return (
            f"{key} {value!r} contains {breaking.group()!r}, which would end the HTML"
            " attribute it is printed into"
        )
    if ".." in posixpath.normpath(value).split("/") or ".." in value.split("/"):
        return f"{key} {value!r} climbs out of its folder with '..'"
    return None


@pytest.mark.parametrize(
    "value",
    [
        "2026/01/25/example/index.html",
        "example.html",
        "a/.../b.html",  # dots, but no '..' segment
        "x..html",
        "a/./b.html",
        "a//b.html",
        "a b.html",
        'a"b.html',
        "a<b>.html",
        "a/'b'.html",
        "caf\u00e9/index.html",
        "a/b:c.html",
        "a:b.html",
        "C:x.html",
        "mailto:x",
        "/x.html",
        "\\x.html",
        "a\\b.html",
        "a\tb.html",
        "a\x7fb.html",
        "a\u200bb.html",
        "..",
        "a/..",
        "a/../b.html",
        "a/../../b.html",
        "./x.html",
        "",
    ],
)
def test_the_path_check_shortcut_gives_the_full_checks_answer(value):
    assert _path_problem("save_as", value) == _path_problem_as_first_written("save_as", value)


@pytest.mark.parametrize(
    ("content_path", "source"),
    [
        ("/site/content", "/site/content/articles/a.md"),
        ("/site/content/", "/site/content/articles/a.md"),
        ("/site/content", "/site/content/../content/articles/a.md"),
        ("/site/content", "/site/other/a.md"),
        ("/site/content", "/elsewhere/a.md"),
        ("/site/content", "/site"),
        ("/site/content", "/site/..hidden.md"),
        ("/site/content", "//site/content/a.md"),
        ("/content", "/content/a.md"),
        ("/content", "//content/a.md"),
        ("/", "/a.md"),
        ("content", "content/articles/a.md"),
        ("content", "/abs/content/a.md"),
        ("/site/content", "content/articles/a.md"),
    ],
)
def test_display_path_says_what_relpath_says(content_path, source):
    """The short way for absolute paths gives what the plain relpath computation gives."""
    settings = {"PATH": content_path}
    assert display_path(source, settings) == _relpath_display_path(source, content_path)


def _relpath_display_path(source: str, content_path: str) -> str:
    absolute = os.path.abspath(source)
    relative = os.path.relpath(absolute, os.path.dirname(os.path.abspath(content_path)))
    return absolute if relative.startswith("..") else relative.replace(os.sep, "/")


@pytest.mark.parametrize(
    "name", ["a.md", "a.md~", "~", "#a.md#", "#", "##", "a#", "#a", ".#a.md", "a~b.md", "~a"]
)
def test_editor_files_are_told_apart_as_fnmatch_does(name):
    expected = any(fnmatch.fnmatch(name, pattern) for pattern in _EDITOR_FILES)
    assert bool(_EDITOR_FILE.match(name)) is expected


def test_sources_at_the_top_of_the_content_folder_are_counted_and_named(build_site):
    # ARTICLE_PATHS = [""]: Pelican lists top-level files as "./name" (the sources'
    # keys must still be the ones it records, or a skipped file would go unnoticed).
    skipped = "---\ntitle: Example article 1\ndate: 2026-01-21\nstatus: skip\n---\n\nBody.\n"
    unsaved = "---\ntitle: Example article 2\ndate: 2026-01-22\nsave_as: ''\n---\n\nBody.\n"
    kept = "---\ntitle: Example article 3\ndate: 2026-01-23\n---\n\nBody.\n"
    _, problems = build_site(
        {
            "skipped.md": skipped,
            "unsaved.md": unsaved,
            "kept.md": kept,
            "notes.txt": "Example notes.\n",
            "kept.md~": kept,
            "sub/skipped-too.md": skipped.replace("article 1", "article 4"),
        },
        ARTICLE_PATHS=[""],
        ARTICLE_EXCLUDES=["pages", "topics", "context"],
    )
    assert sorted(problems) == [
        "error: content/notes.txt: is in ./ but is not a format newsdigest reads (.txt)"
        " (rename it to .md if it is an article or page; otherwise move it out of ./)",
        "error: content/skipped.md:4: has status 'skip', so it is left out of the site"
        " without a trace (use status: draft or hidden to keep it off the lists)",
        "error: content/sub/skipped-too.md:4: has status 'skip', so it is left out of the"
        " site without a trace (use status: draft or hidden to keep it off the lists)",
        "error: content/unsaved.md:4: has an empty save_as, so no page is written for it"
        " (remove save_as, or use status: draft or hidden)",
    ]


def test_link_records_are_forgotten_once_checked():
    class Example:
        def __init__(self) -> None:
            self.metadata = {"title": "Example article 1", "intrasite_links": [], "anchor_ids": []}
            self.intrasite_links: list[str] = []
            self.foreign_images: list[str] = []
            self.title = "Example article 1"

    class WithoutMetadata:
        def __init__(self) -> None:
            self.anchor_ids = ["example"]

    kept, bare = Example(), WithoutMetadata()
    forget_link_records([kept, bare])
    assert kept.metadata == {"title": "Example article 1"}
    assert vars(kept) == {"metadata": {"title": "Example article 1"}, "title": "Example article 1"}
    assert vars(bare) == {}
