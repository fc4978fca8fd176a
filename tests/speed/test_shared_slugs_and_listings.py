"""frozen_urls: slugs shared between objects of one name, and Pelican's listing pages in one pass.

The whole site is compared with and without the plugin in test_frozen_urls.py; these
tests pin the two shortcuts against Pelican's own code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Category, Tag
from pelican.utils import slugify as pelican_slugify

from pelican_compat import slugs
from pelican_compat.listings import use_fast_listings


def _settings(**overrides: Any) -> dict[str, Any]:
    return {**DEFAULT_CONFIG, "PLUGINS": ["frozen_urls"], **overrides}


def _article(settings: dict[str, Any], number: int, tags: list[str]) -> Article:
    metadata = {
        "title": f"Example article {number}",
        "tags": [Tag(name, settings) for name in tags],
        "author": Author("Example Person", settings),
        "category": Category("news", settings),
    }
    return Article("<p>x</p>", metadata, settings=settings)


def test_objects_of_one_name_share_one_slugify(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = _settings()
    calls: list[str] = []

    def counting(value: str, **kwargs: Any) -> str:
        calls.append(value)
        return str(pelican_slugify(value, **kwargs))

    monkeypatch.setattr(slugs, "slugify", counting)
    first = _article(settings, 1, ["Example Tag", "Other"])
    second = _article(settings, 2, ["Example Tag"])
    slugs.share_slugs(first)
    slugs.share_slugs(second)
    assert sorted(calls) == ["Example Person", "Example Tag", "Other", "news"]
    for article in (first, second):
        for wrapper in (*article.tags, article.author, article.category):
            # The value Pelican's own property gives, and set before any use.
            assert wrapper._slug == type(wrapper)(wrapper.name, settings).slug
    assert second.tags[0].slug == "example-tag"


def test_a_name_without_a_slug_is_left_to_pelican(caplog: pytest.LogCaptureFixture) -> None:
    settings = _settings()
    article = _article(settings, 1, ["???"])
    slugs.share_slugs(article)
    assert article.tags[0]._slug is None, "Pelican computes it, and warns, when it is used"


def test_slug_settings_of_another_build_are_respected() -> None:
    plain = _article(_settings(), 1, ["Example Tag"])
    cased = _article(_settings(SLUGIFY_PRESERVE_CASE=True), 2, ["Example Tag"])
    slugs.share_slugs(plain)
    slugs.share_slugs(cased)
    assert (plain.tags[0].slug, cased.tags[0].slug) == ("example-tag", "Example-Tag")


def test_builds_without_the_plugin_keep_pelicans_lazy_slugs() -> None:
    article = _article({**DEFAULT_CONFIG, "PLUGINS": ["markdown_reader"]}, 1, ["Example Tag"])
    slugs.share_slugs(article)
    assert article.tags[0]._slug is None


def _generator(settings: dict[str, Any]) -> ArticlesGenerator:
    """An ArticlesGenerator with only what the listing methods read."""
    generator = ArticlesGenerator.__new__(ArticlesGenerator)
    generator.settings = settings
    generator.context = {}
    names = [["Example Tag", "Other"], ["Other"], ["Example Tag"], [], ["Third", "Other"]]
    generator.articles = [_article(settings, n, tags) for n, tags in enumerate(names, 1)]
    generator.dates = list(reversed(generator.articles))
    tags: dict[Tag, list[Article]] = {}
    for article in generator.articles:
        for tag in article.tags:
            tags.setdefault(tag, []).append(article)
    generator.tags = tags
    generator.categories = [(generator.articles[0].category, list(generator.articles))]
    generator.authors = [(generator.articles[0].author, generator.articles[1:])]
    generator.get_template = lambda name: f"template:{name}"
    return generator


def _recorded(generate: Callable[[Any], None]) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []

    def write(name: str, template: str, context: Any, **kwargs: Any) -> None:
        if name:  # Pelican's writer returns at once for a page without a name
            calls.append((name, template, id(context), kwargs))

    generate(write)
    return calls


@pytest.mark.parametrize("method", ["generate_tags", "generate_categories", "generate_authors"])
@pytest.mark.parametrize("save_as", ["{slug}/index.html", ""])
def test_listing_pages_are_written_as_pelican_writes_them(method: str, save_as: str) -> None:
    settings = _settings(CATEGORY_SAVE_AS=save_as, AUTHOR_SAVE_AS=save_as, TAG_SAVE_AS=save_as)
    generator = _generator(settings)
    expected = _recorded(getattr(generator, method))
    use_fast_listings(generator)
    assert method in vars(generator), "the instance got the one-pass method"
    assert _recorded(getattr(generator, method)) == expected
    assert len(expected) == (0 if not save_as else 3 if method == "generate_tags" else 1)
    if save_as:
        dates = expected[0][3]["dates"]  # the members, newest first, as the site lists them
        positions = [generator.dates.index(article) for article in dates]
        assert len(dates) >= 2 and positions == sorted(positions)
