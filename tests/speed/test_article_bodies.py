"""article_bodies: bodies wait on disk between reading and rendering; the site is the same."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pelican import signals
from pelicanconf import PLUGINS
from tests.speed.site_helpers import small_site, tree

Build = Callable[..., tuple[Path, list[str]]]

# Without a Summary line Pelican makes the summary from the body; the {static} link is
# collected from the body before it leaves memory.
NO_SUMMARY = (
    "Title: Example article without a summary\nDate: 2024-02-01 10:00\n\n"
    "First paragraph of the example body, with [a file]({static}/files/example.txt).\n\n"
    "## Example section\n\nSecond paragraph of the example body.\n"
)


def _files() -> dict[str, str | bytes]:
    files = small_site(6)
    files["articles/no-summary.md"] = NO_SUMMARY
    files["files/example.txt"] = "Example file.\n"
    return files


@pytest.fixture
def finished_articles() -> Iterator[list[Any]]:
    """The articles of the builds run meanwhile, as every article was read."""
    seen: list[Any] = []

    def keep(generator: Any) -> None:
        seen.extend(generator.articles)

    signals.article_generator_finalized.connect(keep)
    yield seen
    signals.article_generator_finalized.disconnect(keep)


def test_the_site_is_the_same_with_bodies_on_disk(
    build_site: Build, tmp_path: Path, finished_articles: list[Any]
) -> None:
    assert "article_bodies" in PLUGINS
    files = _files()
    in_memory, problems = build_site(files, ARTICLE_BODIES_ON_DISK=False)
    assert problems == []
    expected = tree(in_memory)
    assert all(hasattr(article, "_content") for article in finished_articles)
    finished_articles.clear()
    on_disk, problems = build_site(files)
    assert problems == []
    assert finished_articles, "the build read articles"
    assert not any(hasattr(article, "_content") for article in finished_articles)
    assert tree(on_disk) == expected
    # The file outside STATIC_PATHS is copied only because the body links to it: the
    # links were collected before the body left memory. And the body reads back whole.
    assert (on_disk / "files" / "example.txt").is_file()
    article = next(a for a in finished_articles if a.title.endswith("without a summary"))
    assert "Second paragraph of the example body." in article.content
    assert 'href="' in article.get_content("https://example.org")


def test_the_body_file_is_in_the_cache_folder_and_unlinked(
    build_site: Build, tmp_path: Path, finished_articles: list[Any]
) -> None:
    cache = tmp_path / "cache"
    _, problems = build_site(_files(), CACHE_PATH=str(cache))
    assert problems == []
    # Nothing is left behind: the file was unlinked as soon as it was made.
    assert cache.is_dir()
    assert not [path for path in cache.rglob("bodies-*")]
    assert all("_content" not in vars(article) for article in finished_articles)


def test_the_body_file_closes_when_the_articles_go(tmp_path: Path) -> None:
    import gc
    import weakref

    from article_bodies.store import BodyFile, _move_body

    class Example:
        _content = "<p>Example body.</p>"

        def _update_content(self, content: str, siteurl: str) -> str:
            return content.replace("Example", siteurl)

    bodies = BodyFile(str(tmp_path))
    article: Any = Example()
    article._content = "<p>Example body.</p>"
    _move_body(article, bodies)
    assert "_content" not in vars(article)
    assert article.get_content("Read") == "<p>Read body.</p>"
    # Code that meets an article without its _content still gets the body as read.
    from pelican_compat.bodies import body_of

    assert body_of(article) == "<p>Example body.</p>"
    body_file = weakref.ref(bodies)
    gc.disable()  # freed by reference counting alone: no cycle between an article and its body
    try:
        del article, bodies
        assert body_file() is None
    finally:
        gc.enable()
