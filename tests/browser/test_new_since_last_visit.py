"""New since your last visit, in a real browser: a returning reader sees exactly the entries
the site gained since, under a "New since <date>" divider; a first visit, or a reader
without JavaScript, sees the plain timeline; the marked pages pass axe.

The site is built twice: as the other browser tests build it, and once more with one later
article (fixtures/later/). Both are served at one address (so the browser keeps one
localStorage), which a test switches from the first build to the second between visits.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from browser_support import (
    TOOLS,
    StaticHostHandler,
    Visit,
    finish,
    missing,
    open_visit,
    require_chromium,
)

require_chromium()
pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
HUB = "topics/rafah-crossing/"
UNCHANGED_HUB = "topics/un-responses/"  # the later article is not on this topic
NEW_TITLE = "Example article 2"
STORAGE_KEY = "newsdigest:new-since:/" + HUB
# The reader's clock: first visit, then the return two days later.
FIRST_VISIT = dt.datetime(2026, 2, 1, 10, 0, tzinfo=dt.UTC)
RETURN_VISIT = dt.datetime(2026, 2, 3, 10, 0, tzinfo=dt.UTC)
DIVIDER_TEXT = "New since February 1, 2026"  # the page's lang is "en"
VIEWPORT = {"width": 1280, "height": 900}
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"


class UncachedHandler(StaticHostHandler):
    """The static host, telling the browser not to keep pages: a revisit after the switch
    must load the second build."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@pytest.fixture(scope="module")
def later_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The browser tests' site (see conftest.built_site) with one later article."""
    from build import build

    base = tmp_path_factory.mktemp("browser-site-later")
    content = base / "content"
    shutil.copytree(ROOT / "tests/fixtures/seed_site/content", content)
    for fixture in [*FIXTURES.glob("*.md"), *(FIXTURES / "later").glob("*.md")]:
        shutil.copy(fixture, content / "articles" / fixture.name)
    output = base / "output"
    problems = build(ROOT / "pelicanconf.py", output, overrides={"PATH": str(content)})
    assert problems == [], "\n".join(problems)
    # the first build is the same site without the later article
    assert not (built_site / "2026/01/27").exists()
    assert (output / "2026/01/27/example-article-2/index.html").is_file()
    return output


@pytest.fixture(scope="module")
def two_builds(
    built_site: Path, later_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Callable[[str], None]]]:
    """One address serving the first build, and a switch to serve ``"later"`` (or
    ``"first"`` again) from it."""
    link = tmp_path_factory.mktemp("served") / "site"
    builds = {"first": built_site, "later": later_site}

    def serve(which: str) -> None:
        replacement = link.with_name("next")
        replacement.symlink_to(builds[which], target_is_directory=True)
        replacement.replace(link)  # atomic: a request never sees no site

    serve("first")
    handler = functools.partial(UncachedHandler, directory=str(link))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", serve
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def served(two_builds: tuple[str, Callable[[str], None]]) -> Iterator[tuple[str, Callable]]:
    """The two builds' address, serving the first build when the test starts and ends."""
    url, serve = two_builds
    serve("first")
    yield url, serve
    serve("first")


def _reader(browser: object, url: str, **options: object) -> tuple[object, Visit]:
    """A reader's browser (one localStorage for all its tabs), its clock at FIRST_VISIT."""
    context, visit = open_visit(browser, url, viewport=VIEWPORT, timezone_id="UTC", **options)
    if options.get("java_script_enabled", True):
        context.clock.set_fixed_time(FIRST_VISIT)
    return context, visit


def _marks(visit: Visit) -> dict[str, object]:
    """What the script added to the page: dividers (text, and what follows each) and the
    tagged entries' headlines, by list."""
    return visit.page.evaluate(
        """() => ({
          dividers: [...document.querySelectorAll('.new-since-divider')].map(d => ({
            text: d.textContent,
            list: d.parentElement.className,
            next: d.nextElementSibling && d.nextElementSibling.className,
          })),
          tagged: [...document.querySelectorAll('.is-new')].map(entry => ({
            list: entry.closest('[data-new-since]').className,
            headline: entry.querySelector('a').textContent.trim(),
            tag: entry.firstElementChild.textContent,
          })),
        })"""
    )


def _no_marks(visit: Visit) -> None:
    assert _marks(visit) == {"dividers": [], "tagged": []}


def _headlines(visit: Visit) -> list[str]:
    return visit.page.locator(".topic-entry h4 a").all_inner_texts()


def test_a_first_visit_shows_the_plain_timeline_and_remembers_it(
    browser: object, served: tuple[str, Callable]
) -> None:
    url, _ = served
    context, visit = _reader(browser, url)
    visit.open(HUB)
    visit.page.wait_for_load_state("load")
    _no_marks(visit)
    assert NEW_TITLE not in _headlines(visit)
    # the script did run: it kept the visit, in this browser only
    record = json.loads(visit.page.evaluate(f"localStorage.getItem({STORAGE_KEY!r})"))
    assert record["visited"] == FIRST_VISIT.timestamp() * 1000
    assert record["newest"] == dt.datetime(2026, 1, 26, 9, tzinfo=dt.UTC).timestamp() * 1000
    # coming back to the same site: nothing is new
    visit.open(HUB)
    visit.page.wait_for_load_state("load")
    _no_marks(visit)
    finish(context, visit)


def test_a_returning_reader_sees_exactly_the_new_entries_marked(
    browser: object, served: tuple[str, Callable]
) -> None:
    url, serve = served
    context, visit = _reader(browser, url)
    for path in (UNCHANGED_HUB, "", HUB):
        visit.open(path)
        visit.page.wait_for_load_state("load")
    before = _headlines(visit)

    serve("later")
    context.clock.set_fixed_time(RETURN_VISIT)
    visit.open(HUB)
    visit.page.wait_for_load_state("load")
    assert _headlines(visit) == [NEW_TITLE, *before]
    marks = _marks(visit)
    assert marks["tagged"] == [{"list": "topic-timeline", "headline": NEW_TITLE, "tag": "New"}]
    # one divider, above the first day that has something new (after the "Developments" heading)
    assert marks["dividers"] == [
        {"text": DIVIDER_TEXT, "list": "topic-timeline", "next": "archive-day"}
    ]
    divider = visit.page.locator(".new-since-divider")
    assert divider.evaluate("d => d.previousElementSibling.id") == "topic-timeline"
    assert divider.is_visible()

    # a hub that gained nothing has nothing marked
    visit.open(UNCHANGED_HUB)
    visit.page.wait_for_load_state("load")
    _no_marks(visit)

    # the home page: the new article in the latest articles (under the divider) and in the
    # digest's topics (tagged)
    visit.open("")
    visit.page.wait_for_load_state("load")
    marks = _marks(visit)
    assert marks["dividers"] == [{"text": DIVIDER_TEXT, "list": "latest", "next": "teaser is-new"}]
    latest = [m for m in marks["tagged"] if m["list"] == "latest"]
    digest = [m for m in marks["tagged"] if m["list"] == "digest"]
    assert latest == [{"list": "latest", "headline": NEW_TITLE, "tag": "New"}]
    assert digest and {m["headline"] for m in digest} == {NEW_TITLE}
    assert len(digest) == visit.page.locator(".digest-links > li > a", has_text=NEW_TITLE).count()

    # and a third visit: seen now, nothing new
    context.clock.set_fixed_time(RETURN_VISIT + dt.timedelta(hours=1))
    visit.open(HUB)
    visit.page.wait_for_load_state("load")
    _no_marks(visit)
    finish(context, visit)


def test_without_javascript_a_returning_reader_sees_the_plain_timeline(
    browser: object, served: tuple[str, Callable]
) -> None:
    url, serve = served
    # a reader who visited with JavaScript on, and comes back with it off
    context, visit = _reader(browser, url)
    visit.open(HUB)
    visit.page.wait_for_load_state("load")
    state = context.storage_state()
    finish(context, visit)
    assert any(
        item["name"] == STORAGE_KEY
        for origin in state["origins"]
        for item in origin["localStorage"]
    )

    serve("later")
    context, visit = _reader(browser, url, java_script_enabled=False, storage_state=state)
    visit.open(HUB)
    _no_marks(visit)
    assert _headlines(visit)[0] == NEW_TITLE
    visit.open("")
    _no_marks(visit)
    finish(context, visit)


def test_the_marked_pages_have_no_serious_accessibility_violations(
    browser: object, served: tuple[str, Callable], axe_script: Path
) -> None:
    url, serve = served
    # axe is injected inline, so the served policy is bypassed (as audit_visit does)
    context, visit = _reader(browser, url, bypass_csp=True)
    for path in (HUB, ""):
        visit.open(path)
        visit.page.wait_for_load_state("load")
    serve("later")
    context.clock.set_fixed_time(RETURN_VISIT)
    checked = []
    for path in (HUB, ""):
        for scheme in ("light", "dark"):
            visit.page.emulate_media(color_scheme=scheme)
            if scheme == "light":  # the second look must not count as a new visit
                visit.open(path)
                visit.page.wait_for_load_state("load")
                visit.page.add_script_tag(path=str(axe_script))
            assert visit.page.locator(".new-since-divider").count() == 1, path
            options = (
                "{resultTypes: ['violations']}"
                if scheme == "light"
                else "{runOnly: ['color-contrast', 'link-in-text-block']}"
            )
            result = visit.page.evaluate(f"axe.run(document, {options})")
            serious = [
                {"rule": v["id"], "nodes": [node["target"] for node in v["nodes"]][:5]}
                for v in result["violations"]
                if v["impact"] in {"serious", "critical"}
            ]
            assert serious == [], f"{path or 'home'} ({scheme}): " + json.dumps(serious)
            checked.append((path, scheme))
    assert len(checked) == 4
    finish(context, visit)


def test_the_marked_pages_are_valid_html(
    browser: object, served: tuple[str, Callable], tmp_path: Path
) -> None:
    """The Nu Html Checker finds no error in the marked pages as the browser holds them."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        missing(f"the Nu Html Checker needs java and {VNU_JAR} (run `make test-tools`)")
    url, serve = served
    context, visit = _reader(browser, url)
    for path in (HUB, ""):
        visit.open(path)
        visit.page.wait_for_load_state("load")
    serve("later")
    context.clock.set_fixed_time(RETURN_VISIT)
    files = []
    for name, path in (("hub", HUB), ("home", "")):
        visit.open(path)
        visit.page.wait_for_load_state("load")
        assert visit.page.locator(".new-since-divider").count() == 1, name
        marked = tmp_path / f"{name}.html"
        marked.write_text(
            "<!doctype html>\n" + visit.page.evaluate("document.documentElement.outerHTML"),
            encoding="utf-8",
        )
        files.append(str(marked))
    finish(context, visit)
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    problems = result.stderr.strip() or result.stdout.strip()
    assert result.returncode == 0 and not problems, problems
