"""Browser test support: the served-site tab (Visit) and the checks every visit makes."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
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


class StaticHostHandler(SimpleHTTPRequestHandler):
    """Serves a built site as a static host does, under the site's policy, quietly."""

    extensions_map = {  # noqa: RUF012 - the stdlib's own class attribute, extended
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # Served under a strict policy, a violation is a console error and fails the test.
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Like a static host: a missing address gets the site's own 404 page.
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` served like a static host on a free local port (threaded); yields its URL."""
    handler = functools.partial(StaticHostHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
