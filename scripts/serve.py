"""Preview server for `make serve`: build, serve on 127.0.0.1, rebuild on change, live reload.

A failed rebuild prints its problems and the server keeps serving the last good build
(the build is atomic). Pages reload themselves when a new build lands: the preview
build includes a small same-origin script that polls ``/__build_id``.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import logging
import os
import sys
import threading
from http import HTTPStatus
from pathlib import Path

from project_paths import make_importable

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("content", "templates", "plugins", "pelicanconf.py")
# What static hosts answer a missing address with (content/pages/404.md is saved as it).
NOT_FOUND_PAGE = "404.html"


class BuildState:
    """The number of the last good build, shared with the request handler."""

    def __init__(self) -> None:
        self.build_id = 0
        self.lock = threading.Lock()

    def bump(self) -> None:
        with self.lock:
            self.build_id += 1


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    state: BuildState

    def do_GET(self) -> None:
        if self.path == "/__build_id":
            body = str(self.state.build_id).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's own 404.html, as static hosts serve it."""
        body = self._not_found_page() if code == HTTPStatus.NOT_FOUND else None
        if body is None:
            super().send_error(code, message, explain)
            return
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> bytes | None:
        """The build's 404.html; None when it has none (the server's own page is sent)."""
        try:
            return (Path(self.directory) / NOT_FOUND_PAGE).read_bytes()
        except OSError:
            return None

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the terminal for build reports


def rebuild(settings: Path, output: Path, state: BuildState) -> bool:
    from build import build

    problems = build(settings, output, overrides={"LIVE_RELOAD": True})
    if problems:
        print(f"\nBuild failed: {len(problems)} problem(s); still serving the last good build.")
        for problem in problems:
            print(f"  {problem}")
        return False
    state.bump()
    print(f"Rebuilt ({state.build_id}).")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", default="output")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    make_importable()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    settings, output = Path(args.settings), Path(args.output).resolve()
    state = BuildState()
    rebuild(settings, output, state)
    output.mkdir(exist_ok=True)

    handler = functools.partial(PreviewHandler, directory=str(output))
    PreviewHandler.state = state
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving {output.name}/ on http://127.0.0.1:{args.port}/ (Ctrl-C to stop)")

    from watchfiles import watch

    try:
        for changes in watch(*(ROOT / name for name in WATCHED)):
            names = sorted({Path(path).name for _, path in changes})
            print(f"Changed: {', '.join(names)}")
            rebuild(settings, output, state)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
