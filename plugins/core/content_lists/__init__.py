"""The lists in which Pelican's article and page generators keep what they read.

Published, translated, hidden and draft content each have a list of their own on the
generator; code that must see every article or page (checks, memory clean-up) walks them
all. Not a Pelican plugin (no ``register``): a library the plugins share.
"""

from __future__ import annotations

from pelican.contents import Content
from pelican.generators import ArticlesGenerator, PagesGenerator

__all__ = ["ARTICLE_LISTS", "PAGE_LISTS", "content_lists"]

ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)
PAGE_LISTS = (
    "pages",
    "translations",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)


def content_lists(generator: object) -> list[list[Content]]:
    """The generator's lists of content (none for a generator that reads no content)."""
    if isinstance(generator, ArticlesGenerator):
        names = ARTICLE_LISTS
    elif isinstance(generator, PagesGenerator):
        names = PAGE_LISTS
    else:
        return []
    return [
        getattr(generator, name)
        for name in names
        if isinstance(getattr(generator, name, None), list)
    ]
