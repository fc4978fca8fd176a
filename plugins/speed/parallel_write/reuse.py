"""Reuse the last build's pages whose keys are unchanged (``PAGE_REUSE``, on by default).

A build keeps the key of every page it wrote (:mod:`parallel_write.site_state`) in the
cache folder, in a file named after the output folder it describes (its device and inode:
the temporary folder a build writes becomes the output folder by a rename, so the file
describes exactly one output folder, and a failed build's describes none). The next build,
given the last output folder (``LAST_OUTPUT_PATH``, set by scripts/build.py), hard-links
the last build's file of each page whose key is the same: not rendered, not rewritten.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from unchanged_output import previous_file

__all__ = ["Reuse"]

logger = logging.getLogger(__name__)
MANIFEST_VERSION = 3
KEEP_MANIFESTS = 2


def _folder_id(folder: str | os.PathLike[str]) -> str:
    stat = os.stat(folder)
    return f"{stat.st_dev}-{stat.st_ino}"


class Reuse:
    """The last build's page keys; which pages can be linked from its output."""

    def __init__(self, settings: Any, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        # The content cache's folder for this build when there is one (it is named by the
        # fingerprint and deleted with its entries), else CACHE_PATH itself.
        from content_cache.store import cache_folder

        folder = cache_folder(settings)
        self.cache = (folder.path if folder is not None else Path(settings["CACHE_PATH"])) / "pages"
        self.output = str(settings["OUTPUT_PATH"])
        last = settings.get("LAST_OUTPUT_PATH")
        self.last_output: str | None = str(last) if last and os.path.isdir(str(last)) else None
        self.keys: dict[str, bytes] = {}
        if self.last_output is not None:
            self.keys = self._load(self.cache / (_folder_id(self.last_output) + ".pickle"))

    def _load(self, path: Path) -> dict[str, bytes]:
        try:
            with path.open("rb") as handle:
                data = pickle.load(handle)
        except FileNotFoundError:
            return {}
        except Exception as error:  # a damaged file: render every page
            logger.debug("page keys %s unreadable: %s", path, error)
            return {}
        if (
            not isinstance(data, dict)
            or data.get("version") != MANIFEST_VERSION
            or data.get("fingerprint") != self.fingerprint
            or not isinstance(data.get("pages"), dict)
        ):
            return {}
        keys: dict[str, bytes] = data["pages"]
        return keys

    def relative(self, path: str) -> str:
        return os.path.relpath(path, self.output)

    def previous(self, relative: str, key: bytes) -> str | None:
        """The last build's file for the page at ``relative`` if its key was ``key``."""
        if self.keys.get(relative) != key:
            return None
        return previous_file(self.last_output, relative)

    def save(self, keys: dict[str, bytes]) -> None:
        """Keep ``keys`` for the build that will reuse this one's output folder (not kept
        when the cache cannot be written: the next build then renders every page)."""
        try:
            self._save(keys)
        except OSError as error:
            logger.debug("page keys not kept in %s: %s", self.cache, error)

    def _save(self, keys: dict[str, bytes]) -> None:
        if os.path.lexists(self.cache) and not self.cache.is_dir():
            self.cache.unlink()  # a damaged cache: made again
        self.cache.mkdir(parents=True, exist_ok=True)
        target = self.cache / (_folder_id(self.output) + ".pickle")
        data = {"version": MANIFEST_VERSION, "fingerprint": self.fingerprint, "pages": keys}
        handle, name = tempfile.mkstemp(prefix=target.name + ".", dir=self.cache)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(data, stream, pickle.HIGHEST_PROTOCOL)
            os.replace(name, target)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        kept = sorted(self.cache.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in kept[KEEP_MANIFESTS:]:
            if stale != target:
                stale.unlink(missing_ok=True)
