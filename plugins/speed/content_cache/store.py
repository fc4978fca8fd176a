"""Pelican's reader-level content cache: a file per parsed source, in a fingerprinted folder."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pelican_compat
from build_state import build_of
from content_cache.fingerprint import fingerprint
from content_cache.settings import SCHEMA
from content_cache.stat_index import INDEX_NAME, Stamp, StatIndex, stamp
from parallel_read.prefetch import from_snapshot, served_snapshot, snapshot
from pelican_compat.reader_cache import cache_name, route_cache
from plugin_use import uses_plugin
from read_dependencies import unchanged
from site_settings import setting_values
from worker_logs import ProblemCounter

__all__ = ["CacheFolder", "cache_folder", "enable_cache", "guard_readers"]

# A temporary entry file older than this was left by a build that was killed.
ABANDONED_WRITE_SECONDS = 3600
FOLDER_PREFIX = "content-"
# Where the build keeps its CacheFolder (build_state).
_BUILD_KEY = "content_cache.folder"

logger = logging.getLogger(__name__)


def _uses_this_plugin(settings: Any) -> bool:
    return uses_plugin(settings, "content_cache")


def _active(settings: Any) -> bool:
    # Pelican's own cache without the guard would keep files that logged a problem: on
    # a Pelican version the guard was not written for, no cache at all.
    return (
        _uses_this_plugin(settings)
        and bool(setting_values(SCHEMA, settings)["CONTENT_CACHE"])
        and pelican_compat.enabled(settings)
    )


@dataclass(frozen=True)
class CacheFolder:
    """This build's cache folder (in CACHE_PATH, named by the fingerprint) and the
    fingerprint: the code, templates and settings everything cached is made with."""

    path: Path
    fingerprint: str


def cache_folder(settings: Any) -> CacheFolder | None:
    """The build's cache folder, once ``enable_cache`` made it (None: no content cache)."""
    folder: CacheFolder | None = build_of(settings).state(_BUILD_KEY, lambda: None)
    return folder


def _keep_newest(parent: Path, current: Path, keep: int) -> None:
    """Delete all but the ``keep`` most recently used cache folders (``current`` is one)."""
    folders = [path for path in parent.glob(FOLDER_PREFIX + "*") if path.is_dir()]
    folders.sort(key=lambda path: (path == current, path.stat().st_mtime), reverse=True)
    for stale in folders[max(keep, 1) :]:
        shutil.rmtree(stale, ignore_errors=True)


def enable_cache(pelican: Any) -> None:
    """``initialized`` receiver: make this build's cache folder (the settings are left as
    they are: the readers' cache is this plugin's own, see :class:`_Guard`)."""
    settings = pelican.settings
    if not _active(settings):
        return
    parent = Path(settings["CACHE_PATH"])
    digest = fingerprint(settings)
    folder = parent / (FOLDER_PREFIX + digest[:24])
    try:
        if os.path.lexists(folder) and not folder.is_dir():
            folder.unlink()  # a damaged cache (the name is this plugin's): made again
        folder.mkdir(parents=True, exist_ok=True)
        os.utime(folder)  # most recently used
    except OSError as error:
        # CACHE_PATH is a file, say, or cannot be written: the cache only saves time, and
        # a build without it gives the same site.
        logger.info("content cache off for this build: %s (set CACHE_PATH to a folder)", error)
        return
    # For the readers' entries and other caches of this build (parallel_write's page
    # records, shared_templates' bytecode): computed once.
    build_of(settings).replace(_BUILD_KEY, CacheFolder(folder, digest))
    _keep_newest(parent, folder, setting_values(SCHEMA, settings)["CONTENT_CACHE_KEEP"])


class EntryFolder:
    """One file per cached read, named by a hash of the source's path and bytes.

    An entry never changes once written (other bytes make another name), so builds
    running side by side can share the folder: a write is a rename of a whole file, and
    the worst a build can do to another is delete an entry it would have used, which
    only means parsing that file again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # Entries this build used or wrote: the others are deleted at the end.
        self.used: set[str] = set()
        # A file's key by path, while its stat stays the same (this build's and the index's).
        self._keys: dict[str, tuple[Stamp, str]] = {}
        self.index = StatIndex(folder, f"{folder.parent.name}/{folder.name}")
        # Entry paths as strings: a Path made per lookup cost more than the stat (N = 5,000).
        self._prefix = os.path.join(folder, "")
        self._listed: set[str] | None = None

    def key(self, source: str) -> str | None:
        """The entry name for the file ``source`` as it is now (None: it cannot be read)."""
        try:
            current = stamp(os.stat(source))
            known = self._keys.get(source)
            if known is not None and known[0] == current:
                return known[1]
            # An unchanged file costs a stat, not a read and a hash.
            key = self.index.key(source, current) or file_key(source)
        except OSError:
            return None
        self._keys[source] = (current, key)
        return key

    def has(self, key: str) -> bool:
        # One listing for all files, not a stat each: an entry another build deletes
        # meanwhile is only a file parsed in the build instead of a worker.
        if self._listed is None:
            try:
                self._listed = set(os.listdir(self.folder))
            except OSError:
                self._listed = set()
        return key in self._listed

    def load(self, key: str) -> bytes | None:
        try:
            with open(self._prefix + key, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        self.used.add(key)
        return data

    def save(self, key: str, data: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        # Named by process and key: no other writer uses this name (and mkstemp's random
        # names cost a third of writing an entry).
        temporary = self.folder / f".new-{os.getpid()}-{key}"
        try:
            temporary.write_bytes(data)
            # Whole or not at all, for a build reading it at the same time.
            os.replace(temporary, self.folder / key)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        self.used.add(key)
        if self._listed is not None:
            self._listed.add(key)

    def forget(self, key: str) -> None:
        (self.folder / key).unlink(missing_ok=True)
        self.used.discard(key)
        if self._listed is not None:
            self._listed.discard(key)

    def prune(self) -> None:
        """Delete the entries this build did not use (deleted files, older versions)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        stale_write = time.time() - ABANDONED_WRITE_SECONDS
        used = self.used
        for name in names:
            # Most names are entries this build used: nothing to do, and no path to make.
            if name in used or name == INDEX_NAME:
                continue
            path = self._prefix + name
            try:
                if name.startswith("."):
                    # A write in progress (maybe another build's), or one a killed build
                    # left behind long ago.
                    if os.stat(path).st_mtime < stale_write:
                        os.unlink(path)
                else:
                    os.unlink(path)
            except OSError:  # gone already, or not ours (a folder)
                continue

    def remember(self) -> None:
        """Write the index of the keys of the files whose entries this build used or wrote."""
        used = self.used
        keys = {source: known for source, known in self._keys.items() if known[1] in used}
        if keys or self.folder.is_dir():  # no folder made for a Readers that cached nothing
            self.index.write(keys)


def file_key(source: str) -> str:
    """The entry name for the bytes of ``source``: a hash of its path and its bytes."""
    digest = hashlib.sha256(os.fsencode(source) + b"\0")
    with open(source, "rb") as handle:
        digest.update(handle.read())
    return digest.hexdigest()


class _Guard:
    """Stands between a ``Readers`` and its cache: entries in files, only for clean reads."""

    def __init__(self, readers: Any) -> None:
        self.readers = readers
        self.read_file = readers.read_file
        # Made on first use: Pelican sets the Readers' cache up after ``readers_init``.
        self._entries: EntryFolder | None = None
        self._saved = False
        # The read in progress: its entry, written once the read proved clean.
        self._pending: tuple[str, bytes] | None = None
        self._served: str | None = None

    @property
    def entries(self) -> EntryFolder | None:
        """The entry folder, or None for a Readers Pelican does not cache (a plugin's)."""
        if self._entries is None and not self._saved:
            cache = cache_folder(self.readers.settings)
            # Pelican names the Readers of each generator that caches ("" for the others).
            name = cache_name(self.readers)
            if cache is None or not name:
                return None
            folder = cache.path / name
            if folder.is_file():  # the single cache file of an older version
                folder.unlink()
            self._entries = EntryFolder(folder)
        return self._entries

    def read_file_cleanly(self, base_path: str, path: str, *args: Any, **kwargs: Any) -> Any:
        counter = ProblemCounter()
        root = logging.getLogger()
        root.addHandler(counter)
        clean = False
        self._pending = self._served = None
        try:
            content = self.read_file(base_path, path, *args, **kwargs)
            clean = counter.count == 0
            return content
        finally:
            root.removeHandler(counter)
            pending, self._pending = self._pending, None
            served, self._served = self._served, None
            entries = self.entries
            if entries is not None and clean and pending is not None:
                self._save(entries, *pending)
            elif entries is not None and not clean and served is not None:
                # Read again next time, so that its messages are reported again.
                entries.forget(served)

    def _save(self, entries: EntryFolder, key: str, data: bytes) -> None:
        try:
            entries.save(key, data)
        except OSError as error:
            logging.getLogger(__name__).warning(
                "Could not save the content cache entry in %s: %s (set CACHE_PATH to a"
                " writable folder, or CONTENT_CACHE = False)",
                entries.folder,
                error,
            )

    def has_cached_data(self, filename: str) -> bool:
        """Whether :meth:`get_snapshot` would serve ``filename`` (without loading it)."""
        entries = self.entries
        key = entries.key(filename) if entries is not None else None
        return entries is not None and key is not None and entries.has(key)

    # Entries are snapshots of what the reader returned, which receivers that edit an
    # article's metadata in place cannot change afterwards. Tags and the like are kept
    # by name (each holds the settings, which need not be stored 5,000 times, and may
    # hold what cannot be pickled: a filter function).
    def cache_snapshot(self, filename: str, data: Any) -> None:
        entries = self.entries
        key = entries.key(filename) if entries is not None else None
        if key is None:
            return
        # Parsed by a worker: the worker's bytes are this very snapshot.
        snapshot_bytes = served_snapshot(filename)
        if snapshot_bytes is None:
            content, metadata = data
            try:
                snapshot_bytes = snapshot(content, metadata)
            except (pickle.PicklingError, TypeError, AttributeError) as error:
                # Not kept: the file is parsed again next time, which is always right.
                logging.getLogger(__name__).debug("not cached: %s: %s", filename, error)
                return
        self._pending = (key, snapshot_bytes)

    def get_snapshot(self, filename: str, default: Any = None) -> Any:
        entries = self.entries
        key = entries.key(filename) if entries is not None else None
        if entries is None or key is None:
            return default
        data = entries.load(key)
        if data is None:
            return default
        try:
            result = from_snapshot(data, self.readers.settings)
        except Exception as error:  # a damaged entry: parse the file again
            logging.getLogger(__name__).debug("cache entry unreadable: %s: %s", filename, error)
            entries.forget(key)
            return default
        if not unchanged(result[1], self.readers.settings):
            # The parse showed another file's text (a context block) that has changed
            # since: parsed again, and its entry replaced.
            return default
        self._served = key
        return result

    def save(self) -> None:
        """``save_cache``: entries are written as they are made; the unused ones go."""
        if self.entries is not None:
            self.entries.prune()
            try:
                self.entries.remember()
            except OSError as error:
                logging.getLogger(__name__).warning(
                    "Could not save the content cache index in %s: %s (set CACHE_PATH to a"
                    " writable folder, or CONTENT_CACHE = False)",
                    self.entries.folder,
                    error,
                )
            # Every file is read by now: the keys and the names of the entries used
            # (≈ 2 MB at N = 5,000) would otherwise stay while the pages are written. A
            # file read after this (none is, in Pelican) is simply not cached.
            self._entries = None
            self._saved = True


def guard_readers(readers: Any) -> None:
    """``readers_init`` receiver: cache only clean reads, each in an entry file."""
    if not _active(readers.settings):
        return
    route_cache(readers, _Guard(readers))
