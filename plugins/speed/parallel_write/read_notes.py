"""What each article holds as read, described on the other core while the build links.

At ``article_generator_pretaxonomy`` every article is as read (:mod:`site_state`);
describing 5,000 of them takes about 0.85 s of the build process, on the path of every
build, while the second core is idle from then until pages are rendered (linking topics,
recording pages and feeds happen in the build process). So the build forks a process that
describes the articles as they are at that moment and writes the digests to an unlinked
file; the build takes them when it keys its pages (:func:`take_notes`). Without ``fork``,
or when that process fails, the build describes the articles itself then, from the same
state: the digests are the same either way.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Sequence
from typing import IO, Any

from build_state import build_of
from parallel_write.describe import Describer, UndescribableError
from parallel_write.site_state import HELD_AS_READ, content_held

__all__ = ["start_notes", "take_notes"]


def describe_all(articles: Sequence[Any]) -> list[bytes | None]:
    """Each article's ``content_held`` digest (None: it cannot be described as read)."""
    describer = Describer()
    digests: list[bytes | None] = []
    for article in articles:
        try:
            digests.append(content_held(article, describer))
        except UndescribableError:
            digests.append(None)
    return digests


class _Notes:
    """The articles being described, and the process describing them (if any)."""

    def __init__(self, articles: list[Any]) -> None:
        self.articles = articles
        # Unlinked at once: nothing is left behind, whatever becomes of the build.
        self.file: IO[bytes] = tempfile.TemporaryFile(prefix="read-notes-")  # noqa: SIM115
        self.pid: int | None = None

    def start(self) -> None:
        if not hasattr(os, "fork"):
            return
        pid = os.fork()
        if pid == 0:  # the child: describe, write, leave (no logging: locks of the parent)
            status = 1
            try:
                pickle.dump(describe_all(self.articles), self.file, pickle.HIGHEST_PROTOCOL)
                self.file.flush()
                status = 0
            finally:
                os._exit(status)
        self.pid = pid

    def _from_child(self) -> list[bytes | None] | None:
        pid, self.pid = self.pid, None
        if pid is None:
            return None
        _, status = os.waitpid(pid, 0)
        if status != 0:
            return None
        try:
            self.file.seek(0)
            digests = pickle.load(self.file)
        except Exception:  # unreadable: described here instead
            return None
        if not isinstance(digests, list) or len(digests) != len(self.articles):
            return None
        return digests

    def take(self) -> None:
        """Put each article's digest on it (made here if the child could not)."""
        try:
            digests = self._from_child()
            if digests is None:
                digests = describe_all(self.articles)
            for article, digest in zip(self.articles, digests, strict=True):
                if digest is not None:
                    vars(article)[HELD_AS_READ] = digest
        finally:
            self.close()

    def close(self) -> None:
        if self.pid is not None:  # a build that failed before taking its notes
            os.waitpid(self.pid, 0)
            self.pid = None
        self.file.close()


# Where the build keeps its notes (build_state).
_NOTES = "parallel_write.read_notes"


def start_notes(settings: Any, articles: list[Any]) -> None:
    """Start describing ``articles`` as they are now, for the build with ``settings``."""
    build = build_of(settings)
    earlier = build.drop(_NOTES)
    if earlier is not None:  # asked twice in one build
        earlier.close()
    notes = _Notes(articles)
    build.replace(_NOTES, notes)
    notes.start()


def take_notes(settings: Any) -> None:
    """Put on each article of the build with ``settings`` what it held as read."""
    notes = build_of(settings).drop(_NOTES)
    if notes is not None:
        notes.take()
