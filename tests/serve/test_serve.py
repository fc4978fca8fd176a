"""`make serve`: serves the build on 127.0.0.1, exposes the build number, keeps the last
good build when a rebuild fails."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from project_paths import PLUGIN_FOLDERS
from serve import BuildState, rebuild

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def test_serves_the_site_with_live_reload(tmp_path):
    port = _free_port()
    output = tmp_path / "output"
    server = subprocess.Popen(
        [sys.executable, "scripts/serve.py", "--port", str(port), "-o", str(output)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                build_id = _get(f"http://127.0.0.1:{port}/__build_id")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "the preview server did not start"
                time.sleep(0.2)
        assert build_id == "1"
        home = _get(f"http://127.0.0.1:{port}/")
        assert "livereload.js" in home
        assert "<main" in home
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_failed_rebuild_keeps_the_last_good_build(tmp_path, build_site, capsys):
    output, problems = build_site(
        {"articles/a.md": "---\ntitle: Example article 1\ndate: 2026-01-01\n---\nBody\n"}
    )
    assert problems == []
    state = BuildState()
    state.build_id = 1
    (tmp_path / "content/articles/b.md").write_text("---\ntitle: [broken\n---\n", encoding="utf-8")
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(tmp_path / 'content')!r}\nTHEME = {str(ROOT)!r}\n"
        f"PLUGIN_PATHS = {[str(folder) for folder in PLUGIN_FOLDERS]!r}\n",
        encoding="utf-8",
    )
    before = (output / "index.html").read_text(encoding="utf-8")
    assert rebuild(settings, output, state) is False
    assert state.build_id == 1
    assert (output / "index.html").read_text(encoding="utf-8") == before
    assert "b.md:2: invalid YAML" in capsys.readouterr().out
