"""New since your last visit, as written: which pages load the script, what the templates
mark for it, and that the pages are otherwise exactly those built with it off.

What the script does in a browser is tested in tests/browser/test_new_since_last_visit.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from tests.stage_plugins import LINK_PLUGINS

from build import build

ROOT = Path(__file__).resolve().parents[3]
CORPUS = Path(__file__).parent / "corpus"
SCRIPT = "theme/js/new-since.js"
# What the feature adds to a page: its script tag, and the data-new-since* attributes.
ADDED = re.compile(
    r'<script src="[^"]*/js/new-since\.js" defer></script>|'
    r' data-new-since(?:-time)?="[^"]*"'
)


def _build(root: Path, **overrides: object) -> Path:
    content = root / "content"
    for path in CORPUS.rglob("*.md"):
        target = content / path.relative_to(CORPUS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    output = root / "output"
    settings = {
        "PATH": str(content),
        "PLUGINS": LINK_PLUGINS,
        # two pages per hub: the second page of a hub has no marks
        "TOPICS_HUB_PAGE_SIZE": 2,
        "DEFAULT_PAGINATION": 2,
        **overrides,
    }
    problems = build(ROOT / "pelicanconf.py", output, overrides=settings)
    assert problems == []
    return output


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The topic corpus built with the feature on (the default) and off."""
    on = _build(tmp_path_factory.mktemp("new-since-on"))
    off = _build(tmp_path_factory.mktemp("new-since-off"), TOPICS_NEW_SINCE_LAST_VISIT=False)
    return on, off


def _pages(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
    }


def _scripts(html: str) -> list[dict[str, str]]:
    soup = BeautifulSoup(html, "html.parser")
    return [dict(script.attrs) for script in soup.find_all("script")]


def test_the_script_is_loaded_by_the_first_page_of_each_hub_and_of_the_home_page(sites):
    on, _ = sites
    pages = _pages(on)
    loading = sorted(
        name
        for name, html in pages.items()
        if any(script.get("src", "").endswith(SCRIPT) for script in _scripts(html))
    )
    hubs = sorted(name for name in pages if re.fullmatch(r"topics/[^/]+/index\.html", name))
    assert hubs, "the corpus has hubs"
    assert loading == sorted(["index.html", *hubs])
    # and they are the pages with more than one page each: their other pages load nothing
    assert any(name.startswith("topics/") and "/page/2/" in name for name in pages)
    assert "page/2/index.html" in pages or "index2.html" in pages, sorted(pages)
    assert (on / SCRIPT).is_file()
    for name in loading:
        (script,) = [s for s in _scripts(pages[name]) if s.get("src", "").endswith(SCRIPT)]
        assert "defer" in script, name


def test_no_page_has_an_inline_script(sites):
    for site in sites:
        for name, html in _pages(site).items():
            for script in _scripts(html):
                assert "src" in script or script.get("type") == "application/ld+json", (
                    f"{name}: inline script {script}"
                )


def test_every_entry_of_a_hub_carries_its_time(sites):
    on, _ = sites
    hub = BeautifulSoup(
        (on / "topics/example-council/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    timeline = hub.select_one(".topic-timeline")
    assert timeline["data-new-since"] == "divider"
    entries = hub.select(".topic-entry")
    assert entries
    for entry in entries:
        # the time the entry shows, machine-readable on the entry itself
        assert entry["data-new-since-time"] == entry.select_one(".meta time")["datetime"]
    home = BeautifulSoup((on / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("section.latest")["data-new-since"] == "divider"
    assert home.select_one("section.digest")["data-new-since"] == "tags"
    teasers = home.select("section.latest .teaser")
    assert teasers and all(
        teaser["data-new-since-time"] == teaser.select_one(".meta time")["datetime"]
        for teaser in teasers
    )
    assert home.select(".digest-links > li[data-new-since-time]")


def test_pages_are_the_same_as_without_it_but_for_the_script_and_data_attributes(sites):
    on, off = sites
    with_it, without = _pages(on), _pages(off)
    assert sorted(with_it) == sorted(without)
    changed = 0
    for name, html in without.items():
        assert SCRIPT.rsplit("/", 1)[1] not in html, f"{name}: loads the script when off"
        assert "data-new-since" not in html, name
        stripped = ADDED.sub("", with_it[name])
        assert stripped == html, name
        changed += stripped != with_it[name]
    assert changed >= 2, "the feature changed the hubs and the home page"
