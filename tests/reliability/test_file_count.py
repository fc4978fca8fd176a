"""Every file under content/ is counted, by kind, and the kinds add up to the files there.

A tiny real site holds each kind of file (sources, topic files, static files, a template
page, ignored files of every sort); the count the build prints is compared with the files
found on disk here, independently of the build's own walk.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from blinker import signal

from build import build

ROOT = Path(__file__).resolve().parents[2]
SEED_PAGES = ROOT / "tests" / "fixtures" / "seed_site" / "content" / "pages"


def _article(number: int, extra: str = "") -> str:
    return f"---\ntitle: Example article {number}\ndate: 2026-01-20\n{extra}---\n\nBody text.\n"


TOPIC = "---\ntitle: Example topic {n}\nphrases: [example phrase {n}]\n---\nA synthetic topic.\n"

FILES = {
    # sources: 4
    "articles/example-1.md": _article(1),
    "articles/example-2.md": _article(2, "status: draft\n"),
    "pages/about.md": "---\ntitle: Example page\n---\n\nAbout.\n",
    "pages/404.md": (SEED_PAGES / "404.md").read_text(encoding="utf-8"),
    # topic files: 2
    "topics/example-topic-1.md": TOPIC.format(n=1),
    "topics/example-topic-2.md": TOPIC.format(n=2),
    # static files: 3
    "images/chart.png": "example png",
    "images/photos/photo.jpg": "example jpeg",
    "extra/_headers": "/*\n  X-Content-Type-Options: nosniff\n",
    # template pages: 1
    "templates/landing.html": "<p>Example landing page</p>\n",
    # ignored: 7 -- a dotfile, a dot-folder's two files, two editor files, one matching
    # IGNORE_FILES, one in a folder excluded by ARTICLE_EXCLUDES
    ".notes.md": "private notes",
    ".git/HEAD": "ref: refs/heads/main\n",
    ".git/config": "[core]\n",
    "articles/example-1.md~": _article(1),
    "articles/#example-2.md#": _article(2),
    "articles/scratch-idea.md": _article(3),
    "articles/old/example-4.md": _article(4),
}

SETTINGS = {
    "TEMPLATE_PAGES": {"templates/landing.html": "landing.html"},
    "IGNORE_FILES": [".#*", "scratch-*"],
    "ARTICLE_EXCLUDES": ["articles/old"],
}


def _build(
    folder: Path, files: dict[str, str], settings: dict[str, object] = SETTINGS
) -> tuple[list[str], Any]:
    content = folder / "content"
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    tallies: list[Any] = []
    with signal("newsdigest.sources_tallied").connected_to(tallies.append):
        problems = build(
            ROOT / "pelicanconf.py",
            folder / "output",
            overrides={"PATH": str(content), "CACHE_PATH": str(folder / "cache"), **settings},
        )
    (tally,) = tallies
    return problems, tally


def _files_on_disk(content: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(content))


def test_every_kind_of_file_is_counted_and_the_counts_add_up(tmp_path: Path) -> None:
    problems, tally = _build(tmp_path, FILES)
    assert problems == []
    assert _files_on_disk(tmp_path / "content") == len(FILES) == 17
    assert tally.lines() == [
        "17 files in content/ = 4 sources + 2 topic files + 3 static files + 1 template page"
        " + 7 ignored",
        "4 sources read = 2 pages written + 1 drafts + 1 hidden + 0 with errors",
    ]
    assert (tmp_path / "output/landing.html").is_file()


def test_a_stray_file_is_counted_as_a_source_with_an_error(tmp_path: Path) -> None:
    stray = {**FILES, "2026/example-stray.md": _article(5)}
    problems, tally = _build(tmp_path, stray)
    assert _files_on_disk(tmp_path / "content") == 18
    assert tally.lines() == [
        "18 files in content/ = 5 sources + 2 topic files + 3 static files + 1 template page"
        " + 7 ignored",
        "5 sources read = 2 pages written + 1 drafts + 1 hidden + 1 with errors",
    ]
    assert problems == [
        "error: content/2026/example-stray.md: is in content/2026/, which the site is not"
        " built from, so it would be left out (move it to content/articles/ if it is an"
        " article (pages go in content/pages/, images in content/images/), or list it in"
        " IGNORE_FILES in pelicanconf.py)"
    ]


def test_files_reached_through_links_are_counted_once(tmp_path: Path) -> None:
    # Pelican follows a link to a folder (its sources are read, here with an error: they
    # are outside content/); the count follows it too, as `find -L content -type f` would.
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "folder" / "linked.md").write_text(_article(6), encoding="utf-8")
    (outside / "secret.png").write_bytes(b"not for the site")
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "articles").mkdir()
    os.symlink(outside / "folder", content / "articles" / "elsewhere")
    os.symlink(outside / "secret.png", content / "images" / "chart.png")
    problems, tally = _build(tmp_path, {"articles/example-1.md": _article(1)}, {})
    found = sum(len(files) for _, _, files in os.walk(content, followlinks=True))
    assert found == 3
    assert tally.lines() == [
        "3 files in content/ = 2 sources + 0 topic files + 1 static file + 0 template pages"
        " + 0 ignored",
        "2 sources read = 1 pages written + 0 drafts + 0 hidden + 1 with errors",
    ]
    assert len(problems) == 2 and all("outside the content folder" in p for p in problems)


def test_a_file_in_a_built_folder_that_nothing_took_is_an_error(tmp_path: Path) -> None:
    # The safety net behind the count: every file there should be a source or static file,
    # so one that is neither (here: none given) is named, not counted as ignored.
    from strict_build.content_files import ContentFolder, account_for_files

    content = tmp_path / "content"
    (content / "articles" / "old").mkdir(parents=True)
    (content / "articles" / "example.md").write_text(_article(1), encoding="utf-8")
    (content / "articles" / "old" / "example.md").write_text(_article(2), encoding="utf-8")
    settings = {
        "PATH": str(content),
        "ARTICLE_PATHS": ["articles"],
        "PAGE_PATHS": ["pages"],
        "ARTICLE_EXCLUDES": ["articles/old", "pages"],
        "PAGE_EXCLUDES": ["articles"],
    }
    account = account_for_files(ContentFolder(settings), known=[], static=[])
    [(path, error)] = account.stray
    assert path == str(content / "articles" / "example.md")
    assert "is in content/articles/, but nothing reads, copies or ignores it" in str(error)
    assert str(account.count) == (
        "2 files in content/ = 1 source + 0 topic files + 0 static files + 0 template pages"
        " + 1 ignored"
    )
