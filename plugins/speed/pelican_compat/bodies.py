"""article_bodies' patch: an article's body taken out of it, and read back by ``get_content``.

Why: an article's HTML body is the largest thing a build holds for it (≈ 6.7 KB of
≈ 19 KB), and Pelican keeps it in the private ``_content`` until the end. Once Pelican has
collected the article's static links (``add_static_links``, wrapped on the generator),
article_bodies moves it to a file; ``get_content`` is replaced on the article by one that
reads it back and resolves its links with Pelican's ``_update_content``, and ``_content``
is deleted.
Touches: ``ArticlesGenerator.add_static_links`` (wrapped on the instance),
``Content.get_content`` (replaced on the instance), ``Content._content`` (read,
deleted), ``Content._update_content`` (called). Written against Pelican 4.12.0.
Gain (make bench, N = 5,000): the rebuild's peak memory 181 -> 150 MB (commit f920953),
what keeps the full build's peak at 1.44 × plain Pelican's (target ≤ 1.5 ×); wall time
unchanged.

An article whose body was moved has no ``_content``: code that needs a body asks
:func:`body_of` (the text as read) or the public ``content``/``get_content(siteurl)``,
never ``_content`` (tests/speed/test_pelican_compat.py holds the plugins to it).
Pelican itself reads ``_content`` only in ``get_static_links``, which runs before the move.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import Any

__all__ = [
    "BODY_FIELD",
    "CONTEXT_FIELD",
    "after_static_links",
    "body_of",
    "held_body",
    "read_body_from",
]

# Pelican's private fields of a content object that page reuse (parallel_write.site_state)
# does not describe as what the object holds: its body (keyed apart) and its context
# (described as a whole).
BODY_FIELD = "_content"
CONTEXT_FIELD = "_context"

# What stands in for a moved body: returns the body as read.
_READERS = "_article_bodies_reader"


def held_body(content: Any) -> str | None:
    """The body ``content`` holds in memory as Pelican read it (None: moved, or none)."""
    body = vars(content).get(BODY_FIELD)
    return body if isinstance(body, str) else None


def body_of(content: Any) -> str | None:
    """``content``'s body as read, in memory or moved (None: it has none)."""
    body = held_body(content)
    if body is not None:
        return body
    reader = vars(content).get(_READERS)
    return reader() if reader is not None else None


def _content_from(article: weakref.ref[Any], reader: Callable[[], str], siteurl: str) -> str:
    # What Pelican's get_content does with the body it kept (intrasite links resolved),
    # without its memo, which would keep every body read in memory again.
    owner = article()
    if owner is None:  # only the article holds this function: it cannot outlive it
        raise ReferenceError("the article of this body is gone")
    return str(owner._update_content(reader(), siteurl))


def read_body_from(article: Any, reader: Callable[[], str]) -> None:
    """From now on ``article``'s body is ``reader()``: ``_content`` is deleted."""
    # Instance attributes: ``article.content`` and feeds call ``get_content``. It refers
    # to the article weakly, so the two make no cycle and go (with the file) together.
    vars(article)[_READERS] = reader
    article.get_content = functools.partial(_content_from, weakref.ref(article), reader)
    del article._content


def after_static_links(generator: Any, then: Callable[[Any], None]) -> None:
    """Call ``then(content)`` right after the generator collected ``content``'s static links
    (the last time Pelican reads a body before pages are written)."""
    add_static_links: Callable[[Any], None] = generator.add_static_links

    def add_static_links_then(content: Any) -> None:
        add_static_links(content)
        then(content)

    generator.add_static_links = add_static_links_then
