"""frozen_urls: the same site, byte for byte, with URL settings computed once per object."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from pelicanconf import PLUGINS
from tests.speed.site_helpers import small_site, tree

from frozen_urls import freeze


def test_site_is_identical_with_and_without_the_plugin(
    build_site: Callable[..., tuple[Path, list[str]]], tmp_path: Path
) -> None:
    files = small_site(6)
    without = [p for p in PLUGINS if p != "frozen_urls"]
    output, problems = build_site(files, PLUGINS=without)
    assert problems == []
    plain = tmp_path / "without"
    shutil.copytree(output, plain)
    output, problems = build_site(files, PLUGINS=PLUGINS)
    assert problems == []
    assert "frozen_urls" in PLUGINS
    first, second = tree(plain), tree(output)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


class _Generator:
    def __init__(self, articles: list[Article], plugins: list[str]) -> None:
        self.settings = {**DEFAULT_CONFIG, "PLUGINS": plugins}
        self.articles = articles


def _article() -> Article:
    settings = dict(DEFAULT_CONFIG)
    return Article("<p>x</p>", {"title": "Example article 1", "slug": "one"}, settings=settings)


def test_values_are_remembered_only_after_freezing() -> None:
    freeze.install()
    article = _article()
    assert article.url == "one.html"
    article.slug = "two"
    assert article.url == "two.html", "before freezing every access recomputes"
    freeze.freeze_urls([_Generator([article], ["frozen_urls"])])
    assert article.url == "two.html"
    article.slug = "three"
    assert article.url == "two.html", "frozen: computed once"
    assert article.save_as == "three.html", "each setting is remembered at its first use"


def test_builds_without_the_plugin_are_untouched() -> None:
    freeze.install()
    article = _article()
    freeze.freeze_urls([_Generator([article], ["markdown_reader"])])
    article.slug = "changed"
    assert article.url == "changed.html"
