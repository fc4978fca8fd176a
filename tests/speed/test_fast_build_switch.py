"""``FAST_BUILD`` changes how fast the site is built, never what it is: the project's
pelicanconf.py with the switch on and with it off gives every output file the same bytes,
search index included, for the seed's site and for a small synthetic one (topics, tags, a
draft, a translation, a hidden page, key points, links, an image and context blocks)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pelicanconf
import pytest
from tests.speed.site_helpers import tree

from build import build
from project_paths import PLUGIN_FOLDERS

ROOT = Path(__file__).resolve().parents[2]
SEED_SITE = ROOT / "tests" / "fixtures" / "seed_site" / "content"
SWITCH = re.compile(r"^FAST_BUILD = (?:True|False)$", re.MULTILINE)
# Small sites are read and written in one process unless told otherwise: with these the
# switched-on build forks its readers and writers as a large site's does.
WORKERS = {
    "PARALLEL_READ_WORKERS": 2,
    "PARALLEL_READ_MIN_FILES": 2,
    "PARALLEL_WRITE_WORKERS": 2,
    "PARALLEL_WRITE_MIN_PAGES": 2,
}
# Every article's date is before it: none is held back as scheduled.
BUILD_DATE = dt.datetime(2026, 2, 1, 12, tzinfo=dt.UTC)


def _article(number: int, day: int, extra: str = "", body: str = "") -> str:
    return (
        f"---\ntitle: Example article {number}\ndate: 2026-01-{day:02d}T{8 + number % 9:02d}:00\n"
        f"{extra}---\n\nLead of example article {number}.\n\n"
        f"## The harbour\n\nThe example harbour reopened its port for article {number}.\n\n"
        f"## The council\n\nThe example council met again.\n\n{body}"
    )


SYNTHETIC: dict[str, str | bytes] = {
    "topics/example-harbour.md": (
        "---\ntitle: Example harbour\nphrases: [harbour, port]\n---\n"
        "A synthetic topic about an example harbour.\n"
    ),
    "topics/example-council.md": (
        "---\ntitle: Example council\nphrases: [council]\naliases: [town hall]\n---\n"
        "A synthetic topic about an example council.\n\n::: context example-council-guide\n:::\n"
    ),
    "context/example-harbour-qa.md": (
        "---\ntitle: The example harbour, explained\nkind: qa\nreviewed: 2026-01-28\n---\n"
        "## What is the example harbour?\n\nA synthetic harbour.\n"
    ),
    "context/example-council-guide.md": (
        "---\ntitle: How the example council works\nkind: guide\nreviewed: 2026-01-02\n---\n"
        "- It has nine synthetic members.\n"
    ),
    **{
        f"articles/example-{n}.md": _article(n, 20 + n % 4, extra=f"tags: [example, tag {n % 3}]\n")
        for n in range(1, 9)
    },
    "articles/example-9.md": _article(
        9,
        25,
        extra="tags: [C++, C#]\nkey_points:\n  - A first synthetic point.\n  - A second one.\n",
        body=(
            "See [the first]({filename}example-1.md#the-harbour)"
            " and ![a chart]({static}/images/chart.png).\n"
        ),
    ),
    "articles/example-10.md": _article(
        10,
        26,
        body="::: key-points\n- A boxed synthetic point.\n- Another.\n:::\n\n"
        "::: context example-harbour-qa\n:::\n",
    ),
    "articles/example-10-fr.md": _article(
        10, 26, extra="slug: example-article-10\nlang: fr\n"
    ).replace("title: Example article 10", "title: Exemple article 10"),
    "articles/example-draft.md": _article(11, 27, extra="status: draft\n"),
    "pages/about.md": "---\ntitle: About\n---\n\nAn example page.\n",
    "pages/hidden.md": "---\ntitle: Example hidden page\nstatus: hidden\n---\n\nHidden.\n",
    "images/chart.png": b"\x89PNG\r\n\x1a\n",
    # A live article: entries newest first, its own feed, LiveBlogPosting JSON-LD.
    "articles/example-live-coverage-1.md": (
        ROOT / "tests" / "fixtures" / "live" / "example-live-coverage-1.md"
    ).read_bytes(),
}


def _settings(folder: Path, fast_build: bool) -> Path:
    """The project's pelicanconf.py with the switch set, as a site owner would set it."""
    text = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    assert len(SWITCH.findall(text)) == 1, "pelicanconf.py sets FAST_BUILD once, on a line"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"fast_build_{'on' if fast_build else 'off'}.py"
    path.write_text(SWITCH.sub(f"FAST_BUILD = {fast_build}", text), encoding="utf-8")
    return path


def _build(settings: Path, content: Path, folder: Path) -> Path:
    output = folder / "output"
    overrides = {
        # Relative paths in pelicanconf.py are the project's, not the copy's folder's.
        "PATH": str(content),
        "THEME": str(ROOT),
        "PLUGIN_PATHS": [str(path) for path in PLUGIN_FOLDERS],
        "CACHE_PATH": str(folder / "cache"),
        "BUILD_DATE": BUILD_DATE,
        **WORKERS,
    }
    problems = build(settings, output, overrides=overrides)
    assert problems == [], "\n".join(problems)
    return output


def _write(content: Path, files: dict[str, str | bytes]) -> Path:
    for name, data in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return content


def test_the_switch_adds_the_speed_layer_after_the_features() -> None:
    assert pelicanconf.FAST_BUILD is True, "the project builds fast"
    assert [*pelicanconf.FEATURES, *pelicanconf.SPEED_PLUGINS] == pelicanconf.PLUGINS
    assert not set(pelicanconf.FEATURES) & set(pelicanconf.SPEED_PLUGINS)
    speed_folder = {path.name for path in (ROOT / "plugins" / "speed").iterdir()}
    assert set(pelicanconf.SPEED_PLUGINS) <= speed_folder
    assert not set(pelicanconf.FEATURES) & speed_folder
    # Its generator renders the pages every generator before it recorded.
    assert pelicanconf.SPEED_PLUGINS[-1] == "parallel_write"


@pytest.mark.slow
@pytest.mark.parametrize("site", ["seed", "synthetic"])
def test_fast_build_on_and_off_give_the_same_bytes(tmp_path: Path, site: str) -> None:
    content = SEED_SITE if site == "seed" else _write(tmp_path / "content", SYNTHETIC)
    on = _build(_settings(tmp_path, True), content, tmp_path / "on")
    off = _build(_settings(tmp_path, False), content, tmp_path / "off")
    # The switch took: only the fast build kept each file's parse for the next one.
    assert list((tmp_path / "on/cache").glob("content-*"))
    assert not list((tmp_path / "off/cache").glob("content-*"))
    fast, plain = tree(on), tree(off)
    assert sorted(fast) == sorted(plain)
    assert [name for name in fast if fast[name] != plain[name]] == []
    if site == "synthetic":
        # The site has what the comparison is meant to cover.
        assert "topics/example-harbour/index.html" in fast
        assert "tags/c-plus-plus/index.html" in fast
        assert any(name.startswith("drafts/") for name in fast)
        assert "example-article-10-fr.html" in fast
        assert "images/chart.png" in fast
        assert (
            b'class="context-block context-block-guide"'
            in fast["topics/example-council/index.html"]
        )
        (article_10,) = [name for name in fast if name.endswith("example-article-10/index.html")]
        assert b'class="context-block context-block-qa"' in fast[article_10]
