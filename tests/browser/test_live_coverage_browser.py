"""A live article in a real browser: accessible and unscrolled at phone and desktop widths,
its key events and entry anchors working without JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_support import Visit, finish, open_visit, require_chromium

require_chromium()
pytestmark = pytest.mark.browser

LIVE_URL = "2026/01/25/example-live-coverage-1/"


@pytest.mark.parametrize("width", [375, 1280])
def test_the_live_page_has_no_serious_accessibility_violations(
    browser: object, site_url: str, axe_script: Path, artifacts: Path, width: int
) -> None:
    context, visit = open_visit(
        browser, site_url, viewport={"width": width, "height": 900}, bypass_csp=True
    )
    for scheme in ("light", "dark"):
        visit.page.emulate_media(color_scheme=scheme)
        visit.open(LIVE_URL)
        widths = visit.page.evaluate(
            "({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
        )
        assert widths["scroll"] <= widths["inner"], widths
        visit.page.add_script_tag(path=str(axe_script))
        result = visit.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [
            {"rule": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        assert serious == [], f"{width}px, {scheme}: " + json.dumps(serious, indent=1)
        visit.page.screenshot(path=str(artifacts / f"live-{width}-{scheme}.png"), full_page=True)
    finish(context, visit)


def test_key_events_link_to_their_entries_without_javascript(
    browser: object, site_url: str
) -> None:
    context, visit = open_visit(
        browser, site_url, viewport={"width": 375, "height": 812}, java_script_enabled=False
    )
    visit.open(LIVE_URL)
    page = visit.page
    assert page.locator(".live-status .live-badge").is_visible()
    entries = page.locator("article.live-entry")
    assert entries.first.get_attribute("id") == "entry-20260125-1030"  # the pinned one
    page.locator("nav.live-key-events a").first.click()
    assert page.url.endswith("#entry-example-entry-3")
    target = page.locator("#entry-example-entry-3")
    assert target.is_visible()
    assert (
        page.evaluate(
            "document.querySelector('#entry-example-entry-3').getBoundingClientRect().top"
        )
        < 812
    )
    finish(context, visit)


def test_the_live_page_opens_without_foreign_requests_or_errors(visit: Visit) -> None:
    """The live page opens in the shared desktop tab with no foreign request or error."""
    visit.open(LIVE_URL)
    assert visit.page.locator("h1").inner_text() == "Example live coverage 1"
