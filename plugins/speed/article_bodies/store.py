"""The build's body file, and the articles that read their body back from it."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import tempfile
from typing import IO, Any

from pelican.contents import Article

import pelican_compat
from article_bodies.settings import SCHEMA
from pelican_compat.bodies import after_static_links, held_body, read_body_from
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


def _move_body(article: Any, bodies: BodyFile) -> None:
    body = held_body(article)
    if body is None:
        return
    offset, length = bodies.put(body)
    # What stands for the body where other plugins look for it (parallel_write keys the
    # pages that show it by this digest).
    article._content_digest = hashlib.blake2b(
        body.encode("utf-8", "surrogatepass"), digest_size=16
    ).digest()
    read_body_from(article, functools.partial(bodies.get, offset, length))


def keep_bodies_on_disk(generator: Any) -> None:
    """``article_generator_init`` receiver: move each article's body once Pelican has read it."""
    settings = generator.settings
    if not setting_values(SCHEMA, settings)["ARTICLE_BODIES_ON_DISK"] or not (
        pelican_compat.enabled(settings)
    ):
        return
    if not hasattr(os, "pwrite"):  # positioned writes are POSIX's (not on Windows)
        return
    try:
        bodies = BodyFile(str(settings.get("CACHE_PATH") or tempfile.gettempdir()))
    except OSError as error:
        logger.debug("article bodies stay in memory: %s", error)
        return

    def move(content: Any) -> None:
        if isinstance(content, Article):
            _move_body(content, bodies)

    after_static_links(generator, move)
