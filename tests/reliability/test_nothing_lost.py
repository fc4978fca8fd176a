"""The nothing-lost tally is a safety net: an article that vanishes without an error
(here: taken out by a faulty plugin) fails the build, named."""

from __future__ import annotations

import sys
from pathlib import Path

from blinker import signal
from pelican import signals

from build import build
from project_paths import PLUGIN_FOLDERS

ROOT = Path(__file__).resolve().parents[2]

FAULTY_PLUGIN = """
from pelican import signals


def drop_one(generator):
    generator.articles[:] = [a for a in generator.articles if "vanishing" not in a.source_path]


def register():
    signals.article_generator_finalized.connect(drop_one)
"""

ARTICLE = "---\ntitle: Example article {n}\ndate: 2026-01-2{n}\n---\n\nBody {n}.\n"


def test_an_article_lost_without_an_error_fails_the_build_naming_it(tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "example_faulty_plugin.py").write_text(FAULTY_PLUGIN, encoding="utf-8")
    articles = tmp_path / "content/articles"
    articles.mkdir(parents=True)
    (articles / "kept.md").write_text(ARTICLE.format(n=1), encoding="utf-8")
    (articles / "vanishing.md").write_text(ARTICLE.format(n=2), encoding="utf-8")
    tallies = []
    settings = {
        "PATH": str(tmp_path / "content"),
        "PLUGIN_PATHS": [*map(str, PLUGIN_FOLDERS), str(plugins)],
        "PLUGINS": ["markdown_reader", "strict_build", "example_faulty_plugin"],
    }
    try:
        with signal("newsdigest.sources_tallied").connected_to(tallies.append):
            problems = build(ROOT / "pelicanconf.py", tmp_path / "output", overrides=settings)
    finally:
        faulty = sys.modules.get("example_faulty_plugin")
        if faulty is not None:
            signals.article_generator_finalized.disconnect(faulty.drop_one)
    assert problems == [
        "error: content/articles/vanishing.md: was read, but no page was written for it and no"
        " error was reported (this is a bug in newsdigest: please report it with the file)"
    ]
    (tally,) = tallies
    assert tally.lost == ["content/articles/vanishing.md"]
    assert not tally.balanced
    assert str(tally).endswith("1 LOST")
