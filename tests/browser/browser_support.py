"""Browser test support: the served-site tab (Visit) and the checks every visit makes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# What the pages must live with: nothing from other origins, no inline script or style.
# Pagefind compiles WebAssembly, which script-src has to allow explicitly.
CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOOLS = Path(__file__).resolve().parent.parent / ".tools" / "node_modules"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def missing(reason: str, *, module: bool = False) -> None:
    """Skip with a one-line reason locally; under CI a missing tool is a failure.

    ``module=True`` skips a whole test module at import, so the reason is said once.
    """
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run)", pytrace=False)
    pytest.skip(reason, allow_module_level=module)


def require_chromium() -> None:
    """Called at the top of each browser test module."""
    if not CHROMIUM.is_file():
        missing(f"no {CHROMIUM}: apt-get install chromium (to run the browser tests)", module=True)


@dataclass
class Visit:
    """A browser tab on the served site, with what it tried to do that it should not."""

    page: object
    base: str
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> object:
        response = self.page.goto(self.base + path.lstrip("/"))
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        return response


def _is_local(url: str, base: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or (
        parts.scheme in {"http", "https"} and parts.netloc == urlsplit(base).netloc
    )


def open_visit(browser: object, base: str, **context_options: object) -> tuple[object, Visit]:
    context = browser.new_context(**context_options)
    page = context.new_page()
    visit = Visit(page=page, base=base)

    def guard(route: object) -> None:
        if _is_local(route.request.url, base):
            route.continue_()
        else:
            visit.foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page.on(
        "console",
        lambda message: (
            visit.console_errors.append(f"{page.url}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: visit.console_errors.append(f"{page.url}: {error}"))
    return context, visit


def finish(context: object, visit: Visit) -> None:
    """Close a tab opened with open_visit; fail if it reached out or logged an error."""
    context.close()
    assert visit.foreign_requests == [], "requests left 127.0.0.1"
    assert visit.console_errors == [], "console errors"
