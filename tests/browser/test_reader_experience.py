"""What a reader sees, in a real browser: navigation, search, accessibility, layout, modes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser_support import Visit, finish, open_visit, require_chromium

require_chromium()
pytestmark = pytest.mark.browser

SEED_URL = (
    "2026/01/25/us-says-netanyahu-talks-on-gaza-plan-were-constructive-urges-rafah-reopening/"
)
SEED_HEADLINE = "US says Netanyahu talks on Gaza plan were constructive, urges Rafah reopening"


def has_topics(site: Path) -> bool:
    return (site / "topics" / "index.html").is_file()


def main_pages(site: Path) -> dict[str, str]:
    """The pages every check visits: home, an article, search, and hubs once they exist."""
    pages = {"home": "", "article": SEED_URL, "search": "search/?q=Rafah", "archives": "archives/"}
    # The browser fixture's article: post cards in the states the seed has none of.
    pages["post-cards"] = "2026/01/26/example-article-1/"
    if (site / "topics" / "index.html").is_file():
        pages["topic-index"] = "topics/"
        hubs = sorted(p.parent for p in (site / "topics").glob("*/index.html"))
        if hubs:
            pages["hub"] = hubs[0].relative_to(site).as_posix() + "/"
    if (site / "corrections" / "index.html").is_file():
        pages["corrections"] = "corrections/"
    return pages


def test_home_to_hub_to_section_to_related_article(visit: Visit) -> None:
    page = visit.page
    visit.open("")
    # home → the Rafah crossing hub, from the digest
    page.locator(".digest-topic-title").get_by_role("link", name="Rafah crossing").click()
    page.wait_for_url(re.compile(r"/topics/rafah-crossing/$"))
    assert page.locator("main h1").inner_text() == "Rafah crossing"
    # hub → the seed's section on the crossing, deep-linked
    page.locator(f"main a[href$='{SEED_URL}#reopening-of-rafah-crossing']").first.click()
    page.wait_for_url(re.compile(re.escape(SEED_URL) + "#reopening-of-rafah-crossing$"))
    target = page.locator("h2#reopening-of-rafah-crossing")
    assert page.evaluate("document.querySelector(':target').id") == "reopening-of-rafah-crossing"
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 300, "the section is scrolled into view"
    # the section's link icon appears on hover and links to the section itself
    icon = page.locator("h2#israel-seeks-controls-at-border .heading-anchor")
    page.mouse.move(0, 0)
    page.wait_for_function("el => getComputedStyle(el).opacity === '0'", arg=icon.element_handle())
    page.locator("h2#israel-seeks-controls-at-border").hover()
    page.wait_for_function("el => getComputedStyle(el).opacity === '1'", arg=icon.element_handle())
    icon.click()
    page.wait_for_url(re.compile(r"#israel-seeks-controls-at-border$"))
    # article → related coverage (the browser build adds one synthetic article sharing topics)
    related = page.locator(".related-coverage a[href]", has_text="Example article 1")
    assert related.count() == 1
    related.first.click()
    page.wait_for_url(re.compile(r"/2026/01/26/example-article-1/$"))
    assert page.locator("main h1").inner_text() == "Example article 1"
    # and the article's topics lead back to their hubs
    page.locator("a[rel=tag]", has_text="UN responses").first.click()
    page.wait_for_url(re.compile(r"/topics/un-responses/$"))


def test_search_from_the_header_finds_the_seed_article(visit: Visit, built_site: Path) -> None:
    page = visit.page
    visit.open("")
    box = page.locator("header input[type=search]")
    assert box.is_visible()
    assert page.locator("header [data-search-fallback]").is_hidden()
    box.fill("Rafah")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=Rafah$"))
    page.locator(".search-result").first.wait_for()
    seed = page.locator(".search-result").filter(
        has=page.get_by_role("link", name=SEED_HEADLINE, exact=True)
    )
    assert seed.count() == 1, page.locator(".search-results").inner_text()
    assert seed.locator("h2 a").get_attribute("href").endswith(SEED_URL)
    assert "25 January 2026" in seed.locator(".meta").inner_text()
    assert seed.locator(".search-result-excerpt mark").first.inner_text().lower() == "rafah"
    sections = seed.locator(".search-result-sections a")
    assert sections.count() >= 1
    titles = sections.all_inner_texts()
    assert "Reopening of Rafah crossing" in titles, titles  # and no "#" from the anchor
    crossing = sections.filter(has_text="Reopening of Rafah crossing")
    assert crossing.get_attribute("href").endswith("#reopening-of-rafah-crossing")
    if has_topics(built_site):
        assert "Rafah crossing" in seed.locator(".search-result-topics").inner_text()
    assert re.match(r"\d+ results? for “Rafah”", page.locator("[data-search-status]").inner_text())
    # typing a new query updates the results and the address
    search = page.locator("main input[type=search]")
    search.fill("zzzexamplenothing")
    page.wait_for_function("() => document.querySelectorAll('.search-result').length === 0")
    assert "No results" in page.locator("[data-search-status]").inner_text()


def test_main_pages_have_no_serious_accessibility_violations(
    audit_visit: Visit, built_site: Path, axe_script: Path
) -> None:
    checked = []
    for scheme in ("light", "dark"):
        audit_visit.page.emulate_media(color_scheme=scheme)
        for name, path in main_pages(built_site).items():
            audit_visit.open(path)
            if name == "search":
                audit_visit.page.locator(".search-result").first.wait_for()
            audit_visit.page.add_script_tag(path=str(axe_script))
            # in dark mode only the colours change: contrast is what is left to check
            options = (
                "{resultTypes: ['violations']}"
                if scheme == "light"
                else ("{runOnly: ['color-contrast', 'link-in-text-block']}")
            )
            result = audit_visit.page.evaluate(f"axe.run(document, {options})")
            serious = [
                {
                    "rule": violation["id"],
                    "impact": violation["impact"],
                    "nodes": [node["target"] for node in violation["nodes"]][:5],
                }
                for violation in result["violations"]
                if violation["impact"] in {"serious", "critical"}
            ]
            assert serious == [], f"{name} ({path}, {scheme}): " + json.dumps(serious, indent=1)
            checked.append(name)
    assert {"home", "article", "hub", "topic-index"} <= set(checked)
    # the check can fail: an unlabelled button is a critical violation
    audit_visit.page.evaluate(
        "document.querySelector('main').append(document.createElement('button'))"
    )
    result = audit_visit.page.evaluate("axe.run(document, {runOnly: ['button-name']})")
    assert [v["impact"] for v in result["violations"]] == ["critical"]


def test_phone_width_never_scrolls_sideways(
    browser: object, site_url: str, built_site: Path, artifacts: Path
) -> None:
    context, visit = open_visit(
        browser, site_url, viewport={"width": 375, "height": 812}, device_scale_factor=1
    )
    for name, path in main_pages(built_site).items():
        visit.open(path)
        if name == "search":
            visit.page.locator(".search-result").first.wait_for()
        widths = visit.page.evaluate(
            "({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
        )
        assert widths["scroll"] <= widths["inner"], f"{name}: {widths}"
        visit.page.screenshot(path=str(artifacts / f"{name}-375.png"), full_page=True)
    finish(context, visit)


def test_screenshots_of_main_pages_light_and_dark(
    browser: object, site_url: str, built_site: Path, artifacts: Path
) -> None:
    for scheme in ("light", "dark"):
        context, visit = open_visit(
            browser, site_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme
        )
        for name, path in main_pages(built_site).items():
            visit.open(path)
            if name == "search":
                visit.page.locator(".search-result").first.wait_for()
            # full pages in light mode; the first screen is enough to review dark mode
            visit.page.screenshot(
                path=str(artifacts / f"{name}-{scheme}.png"), full_page=scheme == "light"
            )
        background = visit.page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == ("rgb(255, 255, 255)" if scheme == "light" else "rgb(18, 18, 18)")
        finish(context, visit)
    assert (artifacts / "home-dark.png").stat().st_size > 0


def test_print_hides_the_site_chrome(visit: Visit) -> None:
    visit.open(SEED_URL)
    visit.page.emulate_media(media="print")
    hidden = visit.page.evaluate(
        "['.site-nav', '.site-search', '.site-footer', '.skip-link']"
        ".map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none"] * 4
    assert visit.page.locator("main h1").is_visible()
    assert visit.page.locator(".article-body").is_visible()


def test_pages_work_without_javascript(browser: object, site_url: str, built_site: Path) -> None:
    context, visit = open_visit(
        browser, site_url, viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    visit.open("")
    page = visit.page
    assert page.locator("header input[type=search]").is_hidden()
    fallback = page.locator("header [data-search-fallback]")
    assert fallback.is_visible()
    expected = "topics/" if (built_site / "topics" / "index.html").is_file() else "archives/"
    assert fallback.get_attribute("href").endswith(expected)
    page.get_by_role("link", name=SEED_HEADLINE).first.click()
    page.wait_for_url(re.compile(re.escape(SEED_URL) + "$"))
    assert page.locator("main h1").inner_text() == SEED_HEADLINE
    visit.open("search/?q=Rafah")
    assert page.locator(".search-page [data-search-fallback]").is_visible()
    assert page.locator(".search-result").count() == 0
    finish(context, visit)


def test_keyboard_skip_link_reaches_the_content(visit: Visit) -> None:
    visit.open(SEED_URL)
    page = visit.page
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.is_visible() and skip.bounding_box()["x"] >= 0
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focused links show a focus outline"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#main$"))
    assert page.evaluate("document.activeElement.id") == "main"


def test_missing_page_shows_the_styled_not_found_page(visit: Visit) -> None:
    # The test server answers a missing address with 404.html, as static hosts do; its
    # stylesheet and links must resolve from any depth.
    response = visit.page.goto(visit.base + "no/such/page/")
    assert response is not None and response.status == 404
    # Chromium reports the document's own 404 status as a console error; only that is expected.
    visit.console_errors[:] = [e for e in visit.console_errors if "404 (Not Found)" not in e]
    assert visit.page.locator("main h1").inner_text() == "Page not found"
    border = visit.page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).borderBottomStyle"
    )
    assert border == "solid", "site.css loaded from the deep address"
    visit.page.get_by_role("link", name="The latest news").click()
    visit.page.wait_for_url(visit.base)
