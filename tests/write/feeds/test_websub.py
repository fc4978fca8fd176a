"""WebSub: with WEBSUB_HUB every feed declares the hub and itself; `make publish` tells the hub
of changed feeds after the site is in place, and a hub that cannot be reached never fails it.

The hub is a tiny HTTP server on 127.0.0.1 run by the test: nothing here uses the network.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs
from xml.etree import ElementTree

import pytest
from tests.write.feeds.feed_checks import ATOM, check_all_feeds
from tests.write.feeds.synthetic_sites import (
    CORPUS,
    HERE,
    ROOT,
    SYNTHETIC_PLUGINS,
    SYNTHETIC_TOPICS,
    article,
)

import websub
from project_paths import PLUGIN_FOLDERS

SITE = "https://newsdigest.example.org"
HUB = "https://hub.example.org/"
FEEDS = [
    f"feeds/{name}{suffix}"
    for name in (
        "all",
        "corrections",
        "editions",
        "topics/example-alpha",
        "topics/example-gamma",
    )
    for suffix in (".atom.xml", ".rss.xml", ".json")
]


class Hub:
    """A local WebSub hub: records every POST; answers ``status``."""

    def __init__(self) -> None:
        self.received: list[dict[str, list[str]]] = []
        self.content_types: list[str] = []
        self.status = 204
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                hub.content_types.append(self.headers.get("Content-Type", ""))
                hub.received.append(parse_qs(self.rfile.read(length).decode()))
                self.send_response(hub.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def told(self) -> list[str]:
        """The feed URLs told of, checking each POST is a publish notification."""
        for body, content_type in zip(self.received, self.content_types, strict=True):
            assert content_type == "application/x-www-form-urlencoded"
            assert body["hub.mode"] == ["publish"] and len(body["hub.url"]) == 1
        return sorted(body["hub.url"][0] for body in self.received)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hub() -> Iterator[Hub]:
    running = Hub()
    yield running
    running.close()


def closed_port_url() -> str:
    """The URL of a local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def _urls(base: str, paths: list[str]) -> list[str]:
    return sorted(f"{base}/{path}" for path in paths)


def test_every_feed_declares_the_hub_and_itself_and_passes_the_validators(synthetic_site):
    output = synthetic_site(WEBSUB_HUB=HUB)
    checked = check_all_feeds(output, SITE)  # feedparser, RELAX NG (jing), JSON Feed schema
    assert sorted(p.relative_to(output).as_posix() for p in checked) == sorted(FEEDS)
    for path in FEEDS:
        url = f"{SITE}/{path}"
        if path.endswith(".json"):
            feed = json.loads((output / path).read_text(encoding="utf-8"))
            assert feed["hubs"] == [{"type": "WebSub", "url": HUB}]
            assert feed["feed_url"] == url
            continue
        root = ElementTree.parse(output / path).getroot()
        parent = root.find("channel") if root.tag == "rss" else root
        assert parent is not None
        links = {link.get("rel"): link.get("href") for link in parent.findall(f"{ATOM}link")}
        assert links["hub"] == HUB and links["self"] == url, path
    rss = (output / "feeds/all.rss.xml").read_text(encoding="utf-8")
    assert 'xmlns:atom="http://www.w3.org/2005/Atom"' in rss
    assert f'<atom:link rel="hub" href="{HUB}"/>' in rss


def test_without_a_hub_no_feed_mentions_one(synthetic_site):
    output = synthetic_site()
    for path in FEEDS:
        text = (output / path).read_text(encoding="utf-8")
        assert 'rel="hub"' not in text and '"hubs"' not in text
    assert websub.notify_changed(output).notified == {}


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"WEBSUB_HUB": "ftp://hub.example.org/"}, "WEBSUB_HUB = 'ftp://hub.example.org/' must be"),
        ({"WEBSUB_HUB": "hub.example.org"}, "None or an http(s) URL of a WebSub hub"),
        ({"WEBSUB_HUB": 'https://hub.example.org/"x'}, "an http(s) URL of a WebSub hub"),
        ({"WEBSUB_HUBS": HUB}, "unknown setting WEBSUB_HUBS (did you mean WEBSUB_HUB?)"),
    ],
)
def test_a_wrong_hub_setting_fails_the_build_naming_it(build_problems, override, message):
    problems = build_problems(**override)
    assert any(message in problem for problem in problems), problems


def test_the_hub_is_told_of_every_feed_then_of_the_changed_ones_only(synthetic_site, hub):
    first = synthetic_site(WEBSUB_HUB=hub.url)
    result = websub.notify_changed(first)
    assert result.problems == []
    assert hub.told() == _urls(SITE, FEEDS)
    assert result.told() == [f"websub: told {hub.url} of {len(FEEDS)} changed feed(s)"]
    # Nothing changed: the hub is not told again.
    hub.received.clear()
    hub.content_types.clear()
    assert websub.notify_changed(first).told() == []
    assert hub.received == []
    # Example article 4's body (topic Gamma) edited: the site's and Gamma's feeds changed;
    # Alpha's did not, nor the editions' (a digest shows no body). The record of what the
    # hub was told is kept beside the output folder: it follows it here.
    changed = "feeds/topics/example-gamma"
    files = {**CORPUS, "articles/four.md": CORPUS["articles/four.md"] + "\nA new paragraph.\n"}
    second = synthetic_site(files, WEBSUB_HUB=hub.url)
    shutil.copy(websub.record_path(first), websub.record_path(second))
    assert websub.notify_changed(second).problems == []
    assert hub.told() == _urls(SITE, [f for f in FEEDS if f.startswith(("feeds/all", changed))])


def test_a_hub_that_refuses_is_reported_and_told_again_next_time(synthetic_site, hub):
    output = synthetic_site(WEBSUB_HUB=hub.url)
    hub.status = 400
    result = websub.notify_changed(output)
    assert result.told() == []
    (problem,) = result.problems
    refused = f"websub: could not notify {hub.url} (it refused {len(FEEDS)} feed(s): "
    assert problem.startswith(refused)
    assert "feeds/all.atom.xml: HTTP 400" in problem
    assert problem.endswith("the site is published; notify it later with `make websub`")
    hub.status = 202
    hub.received.clear()
    hub.content_types.clear()
    assert websub.main(["-o", str(output)]) == 0
    assert hub.told() == _urls(SITE, FEEDS)


def test_a_hub_that_never_answers_is_given_up_on_after_the_timeout(synthetic_site):
    output = synthetic_site(WEBSUB_HUB=HUB)
    with socket.socket() as silent:  # accepts connections (the backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        # The feeds declare the hub they were built with: point them at the silent one.
        for path in FEEDS:
            text = (output / path).read_text(encoding="utf-8")
            (output / path).write_text(text.replace(HUB, url), encoding="utf-8")
        result = websub.notify_changed(output, timeout=0.3)
    (problem,) = result.problems
    assert problem.startswith(f"websub: could not notify {url} (")
    assert "timed out" in problem and "the site is published" in problem


def test_the_preview_has_no_absolute_feed_urls_to_tell_a_hub_of(synthetic_site, hub):
    output = synthetic_site(settings="pelicanconf.py", WEBSUB_HUB=hub.url)
    result = websub.notify_changed(output)
    assert hub.received == []
    assert result.problems and all("no absolute self URL" in p for p in result.problems)


def _settings_file(tmp_path: Path, hub_url: str) -> Path:
    """publishconf.py with the synthetic site and ``hub_url``: what `make publish` reads."""
    content = tmp_path / "content"
    for name, text in CORPUS.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    settings = tmp_path / "hubconf.py"
    settings.write_text(
        "\n".join(
            [
                "import sys",
                f"sys.path.insert(0, {str(ROOT)!r})",
                "from publishconf import *",
                f"PATH = {str(content)!r}",
                f"THEME = {str(ROOT)!r}",
                f"CACHE_PATH = {str(tmp_path / 'cache')!r}",
                f"PLUGINS = {SYNTHETIC_PLUGINS!r}",
                f"PLUGIN_PATHS = {[*map(str, PLUGIN_FOLDERS), str(HERE / 'plugins')]!r}",
                f"SYNTHETIC_TOPICS = {SYNTHETIC_TOPICS!r}",
                f"WEBSUB_HUB = {hub_url!r}",
                "",
            ]
        ),
        encoding="utf-8",
    )
    return settings


def _build_py(settings: Path, output: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    script = str(ROOT / "scripts/build.py")
    return subprocess.run(
        [sys.executable, script, "-s", str(settings), "-o", str(output), *flags],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_make_publish_tells_the_hub_and_make_html_never_does(tmp_path, hub):
    settings = _settings_file(tmp_path, hub.url)
    output = tmp_path / "output"
    built = _build_py(settings, output)  # as make html and make serve build: no flag
    assert built.returncode == 0, built.stderr
    assert hub.received == [] and "websub:" not in built.stdout + built.stderr
    published = _build_py(settings, output, "--notify-hub")  # as make publish
    assert published.returncode == 0, published.stderr
    assert hub.told() == _urls(SITE, FEEDS)
    assert f"websub: told {hub.url} of {len(FEEDS)} changed feed(s)" in published.stdout
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "scripts/build.py -s publishconf.py -o output --notify-hub" in makefile
    builds = [line.strip() for line in makefile.splitlines() if "scripts/build.py" in line]
    assert [line for line in builds if "--notify-hub" in line] == [
        "$(PY) scripts/build.py -s publishconf.py -o output --notify-hub"
    ]
    assert "$(PY) scripts/build.py -s pelicanconf.py -o output" in builds  # make html


def test_an_unreachable_hub_never_fails_a_publish(tmp_path):
    unreachable = closed_port_url()
    settings = _settings_file(tmp_path, unreachable)
    output = tmp_path / "output"
    published = _build_py(settings, output, "--notify-hub")
    assert published.returncode == 0, published.stderr
    assert (output / "index.html").is_file() and (output / "feeds/all.atom.xml").is_file()
    assert f"Built {output}/" in published.stdout
    message = next(line for line in published.stderr.splitlines() if line.startswith("websub:"))
    assert message == (
        f"websub: could not notify {unreachable} (Connection refused): the site is published;"
        " notify it later with `make websub`"
    )
    # Nothing was recorded as told: `make websub` tells the hub of every feed once it answers.
    assert json.loads(websub.record_path(output).read_text(encoding="utf-8")) == {}


def test_the_example_article_helper_is_synthetic():
    assert "Example article 7" in article(7, "2026-01-01")
