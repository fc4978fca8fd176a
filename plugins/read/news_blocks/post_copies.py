"""One post, one text: the same post quoted in several places must keep the same text.

Each card keeps its post's text (``text_sha256`` in ``embedded_posts``: the digest of
the text as :func:`~news_blocks.post.digest_text` normalises it). Once every article and
page is read (``all_generators_finalized``) the copies of each post that kept text are
compared; a copy whose text differs from the first one (by file, then line) is an
error naming both places. Copies without text (link cards) agree with any text.

A post is known by its address as :func:`post_address` normalises it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from content_errors import MarkupError, display_path
from content_lists import content_lists
from news_blocks.post_links import X_HOSTS

logger = logging.getLogger(__name__)

_HOST_PREFIXES = ("www.", "mobile.", "m.")


def post_address(url: str) -> str:
    """The address that names a post, whichever way it was written.

    The scheme, ``www.``/``mobile.``, the host's case, a trailing slash, the query
    string (``?s=20``, ``?ref_src=…``) and the fragment do not count; twitter.com is
    x.com, and an X post is its status number (``x.com/anyone/status/<id>`` is the same
    post as ``x.com/example/status/<id>``).
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    for prefix in _HOST_PREFIXES:
        host = host.removeprefix(prefix)
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in X_HOSTS:
        if len(segments) >= 3 and segments[-2] == "status" and segments[-1].isdigit():
            return f"x.com/status/{segments[-1]}"
        host = "x.com"
    return "/".join([host, *segments])


@dataclass(frozen=True)
class _Copy:
    path: str  # as the editor knows it (content/articles/…)
    line: int | None
    digest: str
    url: str

    @property
    def place(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


def _copies(contents: Iterable[Any], settings: Mapping[str, Any]) -> dict[str, list[_Copy]]:
    """The copies of each post that kept text, by post address, in file and line order."""
    found: dict[str, list[_Copy]] = {}
    for content in contents:
        posts = getattr(content, "metadata", {}).get("embedded_posts") or []
        path = display_path(content.source_path, settings)
        for post in posts:
            if post.get("url") and post.get("text_sha256"):
                found.setdefault(post_address(post["url"]), []).append(
                    _Copy(path, post.get("line"), post["text_sha256"], post["url"])
                )
    for copies in found.values():
        copies.sort(key=lambda copy: (copy.path, copy.line or 0))
    return found


def conflicting_copies(contents: Iterable[Any], settings: Mapping[str, Any]) -> list[MarkupError]:
    """An error for each copy of a post whose kept text differs from its first copy's."""
    errors = []
    for copies in _copies(contents, settings).values():
        first = copies[0]
        for copy in copies[1:]:
            if copy.digest == first.digest:
                continue
            errors.append(
                MarkupError(
                    copy.path,
                    f"the post {copy.url} is quoted here with other text than at {first.place}",
                    line=copy.line,
                    hint="a post keeps one text wherever it is quoted: make both copies say"
                    " what the post said; the cards' data-post-sha256 show which copies differ",
                )
            )
    return errors


def check_post_copies(generators: Iterable[Any]) -> None:
    """``all_generators_finalized`` receiver: log each conflicting copy (the build fails)."""
    generators = list(generators)
    contents = [
        content
        for generator in generators
        for items in content_lists(generator)
        for content in items
    ]
    if not contents:
        return
    settings = next(g.settings for g in generators if content_lists(g))
    for error in conflicting_copies(contents, settings):
        logger.error("%s", error)
