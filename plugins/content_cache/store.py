"""Pelican's reader-level content cache, in a fingerprinted folder, written safely."""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import tempfile
from pathlib import Path
from typing import Any

from content_cache.fingerprint import fingerprint
from parallel_read.prefetch import portable, restored
from plugin_use import uses_plugin
from worker_logs import ProblemCounter

__all__ = ["FINGERPRINT_SETTING", "enable_cache", "guard_readers"]

DEFAULT_KEEP = 3
FINGERPRINT_SETTING = "CONTENT_CACHE_FINGERPRINT"
FOLDER_PREFIX = "content-"
_GUARDED = "_content_cache_guarded"


def _uses_this_plugin(settings: Any) -> bool:
    return uses_plugin(settings, "content_cache")


def _active(settings: Any) -> bool:
    return _uses_this_plugin(settings) and bool(settings.get("CONTENT_CACHE", True))


def _keep_newest(parent: Path, current: Path, keep: int) -> None:
    """Delete all but the ``keep`` most recently used cache folders (``current`` is one)."""
    folders = [path for path in parent.glob(FOLDER_PREFIX + "*") if path.is_dir()]
    folders.sort(key=lambda path: (path == current, path.stat().st_mtime), reverse=True)
    for stale in folders[max(keep, 1) :]:
        shutil.rmtree(stale, ignore_errors=True)


def enable_cache(pelican: Any) -> None:
    """``initialized`` receiver: turn on Pelican's reader cache in this build's folder."""
    settings = pelican.settings
    if not _active(settings):
        return
    settings.update(
        CACHE_CONTENT=True,
        LOAD_CONTENT_CACHE=True,
        CONTENT_CACHING_LAYER="reader",
        # A file's bytes, not its modification time (checkouts, edits within a second).
        CHECK_MODIFIED_METHOD="sha256",
        # The cache is read and written once a build: compressing it costs more than it saves.
        GZIP_CACHE=False,
    )
    parent = Path(settings["CACHE_PATH"])
    digest = fingerprint(settings)
    folder = parent / (FOLDER_PREFIX + digest[:24])
    # For other caches of this build (parallel_write's page records): computed once.
    settings[FINGERPRINT_SETTING] = digest
    folder.mkdir(parents=True, exist_ok=True)
    os.utime(folder)  # most recently used
    _keep_newest(parent, folder, int(settings.get("CONTENT_CACHE_KEEP", DEFAULT_KEEP)))
    settings["CACHE_PATH"] = str(folder)


class _Guard:
    """Stands between a ``Readers`` and its cache (Pelican's ``FileStampDataCacher``)."""

    def __init__(self, readers: Any) -> None:
        self.readers = readers
        self.read_file = readers.read_file
        self.cache_data = readers.cache_data
        self.get_cached_data = readers.get_cached_data
        self.read_paths: set[str] = set()

    def read_file_cleanly(self, base_path: str, path: str, *args: Any, **kwargs: Any) -> Any:
        full_path = os.path.abspath(os.path.join(base_path, path))
        self.read_paths.add(full_path)
        counter = ProblemCounter()
        root = logging.getLogger()
        root.addHandler(counter)
        clean = False
        try:
            content = self.read_file(base_path, path, *args, **kwargs)
            clean = counter.count == 0
            return content
        finally:
            root.removeHandler(counter)
            if not clean:
                # Read again next time, so that its messages are reported again.
                self.readers._cache.pop(full_path, None)

    # Entries are kept pickled: a snapshot of what the reader returned, which receivers
    # that edit an article's metadata in place cannot change afterwards.
    # Tags and the like are kept by name (each holds the settings, which need not be
    # stored 5,000 times, and may hold what cannot be pickled: a filter function).
    def cache_snapshot(self, filename: str, data: Any) -> None:
        content, metadata = data
        try:
            snapshot = pickle.dumps((content, portable(metadata)), pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            # Not kept: the file is parsed again next time, which is always right.
            logging.getLogger(__name__).debug("not cached: %s: %s", filename, error)
            return
        self.cache_data(filename, snapshot)

    def get_snapshot(self, filename: str, default: Any = None) -> Any:
        data = self.get_cached_data(filename, None)
        if data is None:
            return default
        content, metadata = pickle.loads(data)
        return content, restored(metadata, self.readers.settings)

    def save_atomically(self) -> None:
        readers = self.readers
        if not readers._cache_data_policy:
            return
        # Only what this build read: a deleted or renamed file's entry goes.
        kept = {path: entry for path, entry in readers._cache.items() if path in self.read_paths}
        target = Path(readers._cache_path)
        temporary: Path | None = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=target.name + ".", dir=target.parent)
            temporary = Path(name)
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(kept, stream, pickle.HIGHEST_PROTOCOL)
            # Whole or not at all, for a build running beside this one.
            os.replace(temporary, target)
            # Pelican reads nothing from it after saving: the memory is the build's again.
            readers._cache = {}
        except (OSError, pickle.PicklingError, TypeError) as error:
            logging.getLogger(__name__).warning(
                "Could not save the content cache %s: %s (set CACHE_PATH to a writable"
                " folder, or CONTENT_CACHE = False)",
                target,
                error,
            )
            if temporary is not None:
                temporary.unlink(missing_ok=True)


def guard_readers(readers: Any) -> None:
    """``readers_init`` receiver: cache only clean reads; save the cache atomically."""
    if not _active(readers.settings) or getattr(readers, _GUARDED, False):
        return
    guard = _Guard(readers)
    setattr(readers, _GUARDED, guard)
    readers.read_file = guard.read_file_cleanly
    readers.cache_data = guard.cache_snapshot
    readers.get_cached_data = guard.get_snapshot
    readers.save_cache = guard.save_atomically
