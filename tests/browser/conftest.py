"""Browser fixtures: the real site built once, served on 127.0.0.1, driven in Debian's chromium.

One browser for the whole session; each test gets a fresh context whose requests are all
watched: anything addressed to another origin is blocked and recorded, and so is every
console error or uncaught page error. Both lists must be empty when the test ends.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import (
    ARTIFACTS,
    AXE_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    Visit,
    finish,
    missing,
    open_visit,
    served,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
# The synthetic live article (tests/fixtures/live), so its page is checked in the browser.
LIVE_FIXTURE = ROOT / "tests" / "fixtures" / "live" / "example-live-coverage-1.md"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's site (tests/fixtures/seed_site) plus one synthetic article (so related
    coverage has a link to follow) and a synthetic live article, built once for the
    browser tests; the project's own content/ is never touched."""
    from build import build

    base = tmp_path_factory.mktemp("browser-site")
    content = base / "content"
    shutil.copytree(ROOT / "tests/fixtures/seed_site/content", content)
    for fixture in [*FIXTURES.glob("*.md"), LIVE_FIXTURE]:
        shutil.copy(fixture, content / "articles" / fixture.name)
    output = base / "output"
    problems = build(ROOT / "pelicanconf.py", output, overrides={"PATH": str(content)})
    assert problems == [], "\n".join(problems)
    return output


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on a free local port (threaded, for parallel loads)."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.is_file():
        missing(f"no {CHROMIUM}: apt-get install chromium (to run the browser tests)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def visit(browser: object, site_url: str) -> Iterator[Visit]:
    """A fresh desktop-sized tab; fails the test if a page reached out or logged an error."""
    context, current = open_visit(browser, site_url, viewport={"width": 1280, "height": 900})
    yield current
    finish(context, current)


@pytest.fixture
def audit_visit(browser: object, site_url: str) -> Iterator[Visit]:
    """Like ``visit``, but the served policy is bypassed so that axe can be injected inline."""
    context, current = open_visit(
        browser, site_url, viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    yield current
    finish(context, current)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go for review (gitignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_JS.is_file():
        missing(f"axe-core is not installed ({AXE_JS} missing): run `make test-tools`")
    return AXE_JS
