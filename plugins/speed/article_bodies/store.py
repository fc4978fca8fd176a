"""The build's body file, and the articles that read their body back from it."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import tempfile
import weakref
from collections.abc import Callable
from typing import IO, Any

from pelican.contents import Article

from article_bodies.settings import SCHEMA
from site_settings import setting_values

__all__ = ["BodyFile", "keep_bodies_on_disk"]

logger = logging.getLogger(__name__)


class BodyFile:
    """Bodies appended to one unlinked file; each read back by its offset and length."""

    def __init__(self, folder: str) -> None:
        os.makedirs(folder, exist_ok=True)
        # Open as long as the articles that read from it (closed when they are freed).
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="bodies-", dir=folder)  # noqa: SIM115
        self._end = 0

    def put(self, text: str) -> tuple[int, int]:
        data = text.encode("utf-8")
        offset = self._end
        # pwrite/pread take the offset: forked workers reading the same file never
        # move a shared position under each other.
        os.pwrite(self._file.fileno(), data, offset)
        self._end += len(data)
        return offset, len(data)

    def get(self, offset: int, length: int) -> str:
        return os.pread(self._file.fileno(), length, offset).decode("utf-8")


def _content_from_disk(
    article: weakref.ref[Any], bodies: BodyFile, offset: int, length: int, siteurl: str
) -> str:
    # What Pelican's get_content does with the body it kept (intrasite links resolved),
    # without its memo, which would keep every body read in memory again.
    owner = article()
    if owner is None:  # only the article holds this function: it cannot outlive it
        raise ReferenceError("the article of this body is gone")
    return str(owner._update_content(bodies.get(offset, length), siteurl))


def _move_body(article: Any, bodies: BodyFile) -> None:
    body = getattr(article, "_content", None)
    if not isinstance(body, str):
        return
    offset, length = bodies.put(body)
    # What stands for the body where other plugins look for it (parallel_write keys the
    # pages that show it by this digest).
    article._content_digest = hashlib.blake2b(
        body.encode("utf-8", "surrogatepass"), digest_size=16
    ).digest()
    # An instance attribute: ``article.content`` and feeds call ``get_content``. It refers
    # to the article weakly, so the two make no cycle and go (with the file) with the build.
    article.get_content = functools.partial(
        _content_from_disk, weakref.ref(article), bodies, offset, length
    )
    del article._content


def may_link_static_files(content: Any) -> bool:
    """Whether Pelican's static-link scan of ``content``'s body can find anything.

    Pelican keeps a link only when what it names is ``static`` or ``attach``, a piece
    of the body itself: a body with neither word links no static file, and is not
    scanned (a regular expression over each of its tags, ≈ 50 µs an article).
    """
    body = getattr(content, "_content", None)
    return not isinstance(body, str) or "static" in body or "attach" in body


def keep_bodies_on_disk(generator: Any) -> None:
    """``article_generator_init`` receiver: move each article's body once Pelican has read it."""
    settings = generator.settings
    if not setting_values(SCHEMA, settings)["ARTICLE_BODIES_ON_DISK"]:
        return
    if not hasattr(os, "pwrite"):  # positioned writes are POSIX's (not on Windows)
        return
    try:
        bodies = BodyFile(str(settings.get("CACHE_PATH") or tempfile.gettempdir()))
    except OSError as error:
        logger.debug("article bodies stay in memory: %s", error)
        return
    add_static_links: Callable[[Any], None] = generator.add_static_links

    # Pelican reads the body for static links right after making the article, in the
    # generator's add_static_links: the last time it is read before the pages are.
    def add_static_links_then_move(content: Any) -> None:
        if may_link_static_files(content):
            add_static_links(content)
        if isinstance(content, Article):
            _move_body(content, bodies)

    generator.add_static_links = add_static_links_then_move
