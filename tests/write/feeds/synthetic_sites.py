"""Tiny synthetic sites for the feed and edition tests, built with the project's build().

Four "Example article N" on three days, two synthetic topics (see plugins/synthetic_topics).
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from blinker import Signal
from pelican.plugins import signals as pelican_signals
from tests.stage_plugins import FEATURES

from build import build
from project_paths import PLUGIN_FOLDERS

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent

# Plugins that provide topics are replaced by the synthetic stand-in, so the feed tests
# know exactly which topics exist; every other feature of the site stays on (not the speed
# layer: FAST_BUILD off).
_TOPIC_PLUGINS = {"topic_hubs"}
SYNTHETIC_PLUGINS = [
    *(p for p in FEATURES if p not in _TOPIC_PLUGINS | {"editions", "feeds"}),
    "synthetic_topics",
    "editions",
    "feeds",
]
SYNTHETIC_TOPICS = {
    "example-alpha": "Example topic Alpha & <Beta>",
    "example-gamma": "Example topic Gamma",
}


def article(
    number: int,
    when: str,
    *,
    topics: list[str] | None = None,
    extra: str = "",
    body: str = "",
    title: str | None = None,
) -> str:
    """The Markdown of "Example article N" published at ``when``."""
    lines = [
        "---",
        f"title: {json.dumps(title or f'Example article {number}')}",
        f"date: {when}",
    ]
    if topics:
        lines.append(f"example_topics: [{', '.join(topics)}]")
    if extra:
        lines.append(extra.rstrip("\n"))
    lines += ["---", "", body or f"The body of example article {number}.", ""]
    return "\n".join(lines)


CORPUS: dict[str, str] = {
    "articles/one.md": article(
        1,
        "2026-01-23T09:00:00+00:00",
        topics=["example-alpha"],
        extra="key_points:\n  - First point of article one.\n  - Second point.",
    ),
    "articles/two.md": article(
        2,
        "2026-01-24T10:30:00+02:00",
        topics=["example-alpha", "example-gamma"],
        extra="modified: 2026-01-26T08:00:00+00:00\nsummary: A summary with *emphasis*.",
        body="See [the first]({filename}one.md) and [a section](#later).\n\n## Later\n\nText.",
    ),
    "articles/three.md": article(
        3,
        "2026-01-24T18:00:00+00:00",
        title='Example article 3: <b>tags</b> & "quotes" ]]> end',
        body="An image: ![chart](/images/chart.png) and a [relative link](../x/).",
    ),
    "articles/four.md": article(4, "2026-01-25T07:15:00+00:00", topics=["example-gamma"]),
}


def only_these_plugins() -> None:
    """Disconnect every receiver of Pelican's signals before a build in this process.

    Pelican's signals are process-wide: a plugin registered by an earlier build (say
    topic_hubs, from the real site) stays connected and would replace the synthetic
    topics. Each build's ``register()`` calls connect its own plugins again.
    """
    for value in vars(pelican_signals).values():
        if isinstance(value, Signal):
            for reference in list(value.receivers.values()):
                receiver = reference() if isinstance(reference, weakref.ref) else reference
                if receiver is not None:
                    value.disconnect(receiver)


@pytest.fixture
def synthetic_site(tmp_path: Path) -> Callable[..., Path]:
    """Build ``files`` (default: the four-article corpus) into a fresh folder; return it."""
    counter = iter(range(1000))

    def _build(
        files: dict[str, str] | None = None, settings: str = "publishconf.py", **overrides: Any
    ) -> Path:
        run = tmp_path / f"site{next(counter)}"
        content = run / "content"
        for name, text in (files if files is not None else CORPUS).items():
            path = content / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        content.mkdir(parents=True, exist_ok=True)
        output = run / "output"
        options: dict[str, Any] = {
            "PATH": str(content),
            "PLUGINS": SYNTHETIC_PLUGINS,
            "PLUGIN_PATHS": [*map(str, PLUGIN_FOLDERS), str(HERE / "plugins")],
            "SYNTHETIC_TOPICS": SYNTHETIC_TOPICS,
            **overrides,
        }
        only_these_plugins()
        problems = build(ROOT / settings, output, overrides=options)
        assert problems == [], "\n".join(problems)
        return output

    return _build


@pytest.fixture
def build_problems(tmp_path: Path) -> Callable[..., list[str]]:
    """Build ``files`` (default: the corpus) with ``overrides``; return the problems reported."""

    def _problems(files: dict[str, str] | None = None, **overrides: Any) -> list[str]:
        content = tmp_path / "content"
        for name, text in (files if files is not None else CORPUS).items():
            path = content / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        options = {
            "PATH": str(content),
            "PLUGINS": SYNTHETIC_PLUGINS,
            "PLUGIN_PATHS": [*map(str, PLUGIN_FOLDERS), str(HERE / "plugins")],
            "SYNTHETIC_TOPICS": SYNTHETIC_TOPICS,
            **overrides,
        }
        only_these_plugins()
        return build(ROOT / "pelicanconf.py", tmp_path / "output", overrides=options)

    return _problems
