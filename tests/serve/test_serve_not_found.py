"""`make serve` answers a missing page as a static host does: the site's own 404.html with
status 404, and the server's plain error page only when the site has none."""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from serve import BuildState, PreviewHandler

NOT_FOUND_PAGE = "<!doctype html><title>Page not found — Example site</title><h1>Not here</h1>\n"


@pytest.fixture
def serve_folder() -> Iterator[functools.partial[str]]:
    """``serve_folder(folder)`` -> the base URL of a preview server on that folder."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        PreviewHandler.state = BuildState()
        handler = functools.partial(PreviewHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield functools.partial(start)
    for server in servers:
        server.shutdown()
        server.server_close()


def _missing(request: urllib.request.Request | str) -> urllib.error.HTTPError:
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=5)
    return caught.value


def test_a_missing_page_gets_the_sites_404_page(tmp_path: Path, serve_folder) -> None:
    (tmp_path / "404.html").write_text(NOT_FOUND_PAGE, encoding="utf-8")
    (tmp_path / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    base = serve_folder(tmp_path)
    for path in ("/no-such-page/", "/2026/01/25/missing-article/", "/missing.css"):
        error = _missing(base + path)
        assert error.code == 404, path
        assert error.headers["Content-Type"] == "text/html; charset=utf-8"
        assert error.read().decode("utf-8") == NOT_FOUND_PAGE
    head = _missing(urllib.request.Request(base + "/no-such-page/", method="HEAD"))
    assert head.code == 404
    assert head.headers["Content-Length"] == str(len(NOT_FOUND_PAGE.encode("utf-8")))
    assert head.read() == b""
    # Pages that exist are served as before.
    with urllib.request.urlopen(base + "/", timeout=5) as response:
        assert response.status == 200
        assert response.read() == b"<h1>Home</h1>"


def test_without_a_404_page_the_default_error_page_is_kept(tmp_path: Path, serve_folder) -> None:
    error = _missing(serve_folder(tmp_path) + "/no-such-page/")
    assert error.code == 404
    assert "Error code: 404" in error.read().decode("utf-8")


def test_the_real_404_page_is_served(built_site: Path, serve_folder) -> None:
    error = _missing(serve_folder(built_site) + "/2026/01/25/no-such-article/")
    assert error.code == 404
    assert error.read() == (built_site / "404.html").read_bytes()
