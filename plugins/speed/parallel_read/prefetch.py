"""Parse every article file in forked worker processes; serve the results to Pelican."""

from __future__ import annotations

import functools
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator
from typing import Any

from blinker import signal
from pelican.urlwrappers import URLWrapper

import pelican_compat
from build_state import build_of
from parallel_read.settings import SCHEMA
from pelican_compat.worker_reads import kept_metadata, serve_reads
from plugin_use import uses_plugin
from site_settings import setting_values
from worker_logs import ProblemCounter, count_problems_instead_of_logging

_DONE = "_parallel_read_done"
_STREAMS = "_parallel_read_streams"

# The build's reader, set right before the workers are forked (they inherit it).
_reader: Any = None

# The snapshot last served to Pelican, by path: the content cache keeps these very bytes
# instead of pickling the same result again (see :func:`served_snapshot`).
_served: tuple[str, bytes] | None = None

_problems = ProblemCounter()

# Sent in a worker for each file it parsed (``sender``: the reader, ``metadata``: what the
# reader returned, which receivers may add to), before the result goes to the build: work
# that depends on one file alone runs on every core instead of in the build process. What
# a receiver adds travels with the result and is kept with it by the content cache, so it
# must say what else it was made from (topic_hubs records which rules matched, and the
# build checks them). A receiver that raises or logs has the file read in the build.
parsed_in_worker = signal("parallel_read.parsed_in_worker")


def _quiet_worker() -> None:
    # What a worker logs is counted; a file that logged anything is re-read by the build.
    count_problems_instead_of_logging(_problems)


class _Named:
    """A Tag, Author or Category by class and name (their settings stay in the build)."""

    def __init__(self, kind: type[URLWrapper], name: str) -> None:
        self.kind = kind
        self.name = name


def _portable_item(value: Any) -> Any:
    if isinstance(value, URLWrapper):
        return _Named(type(value), value.name)
    if isinstance(value, list | tuple) and any(isinstance(item, URLWrapper) for item in value):
        return type(value)(_portable_item(item) for item in value)
    return value


# One Tag (Author, Category) per class and name for the build's settings: articles share
# them, where making one for each article's each tag made 25,000 objects at N = 5,000.
_WRAPPERS = "parallel_read.wrappers"


def _wrapper(kind: type[URLWrapper], name: str, settings: Any) -> URLWrapper:
    made: dict[tuple[type[URLWrapper], str], URLWrapper] = build_of(settings).state(_WRAPPERS, dict)
    wrapper = made.get((kind, name))
    if wrapper is None:
        wrapper = made[kind, name] = kind(name, settings)
    return wrapper


def _restored_item(value: Any, settings: Any) -> Any:
    if isinstance(value, _Named):
        return _wrapper(value.kind, value.name, settings)
    if isinstance(value, list | tuple) and any(isinstance(item, _Named) for item in value):
        return type(value)(_restored_item(item, settings) for item in value)
    return value


# Pelican's metadata processors put tags, authors and the category at the top of an
# article's metadata, alone or in a list: only there are they looked for (the rest, an
# article's sections and the like, is left as it is, not copied).
def portable(metadata: dict[str, Any]) -> dict[str, Any]:
    """``metadata`` ready to pickle: tags, authors and categories by name, not with settings."""
    return {key: _portable_item(value) for key, value in metadata.items()}


def restored(metadata: dict[str, Any], settings: Any) -> dict[str, Any]:
    """``metadata`` as ``portable`` took it, its tags and the like made with ``settings``."""
    return {key: _restored_item(value, settings) for key, value in metadata.items()}


def snapshot(content: str, metadata: dict[str, Any]) -> bytes:
    """What a reader returned, as bytes (the workers' answer, the content cache's entry)."""
    return pickle.dumps((content, portable(metadata)), pickle.HIGHEST_PROTOCOL)


def from_snapshot(data: bytes, settings: Any) -> tuple[str, dict[str, Any]]:
    """The reader's ``(content, metadata)`` again, tags and the like made with ``settings``."""
    content, metadata = pickle.loads(data)
    return content, restored(metadata, settings)


def served_snapshot(path: str) -> bytes | None:
    """The snapshot of ``path`` just served to Pelican (once), or None if it was parsed here."""
    global _served  # a hand-over of one value between two receivers
    served, _served = _served, None
    return served[1] if served is not None and served[0] == path else None


def _read_in_worker(path: str) -> bytes | None:
    """The snapshot of ``path`` (see :func:`snapshot`), or None to let the build read it."""
    _problems.count = 0
    try:
        content, metadata = _reader.read(path)
        parsed_in_worker.send(_reader, metadata=metadata)
        # What Pelican itself drops from a reader's metadata, dropped before pickling (its
        # "discard" marker would not survive the trip).
        data = snapshot(content, kept_metadata(metadata))
    except Exception:  # reported when the build reads the file itself
        return None
    return None if _problems.count else data


def _uses_this_plugin(settings: Any) -> bool:
    return uses_plugin(settings, "parallel_read")


def _worker_count(settings: Any) -> int:
    configured = setting_values(SCHEMA, settings)["PARALLEL_READ_WORKERS"]
    return int(configured) if configured is not None else (os.cpu_count() or 1)


class ParsedFiles:
    """The workers' results, taken one by one as Pelican reads the files.

    The workers parse while the build turns the first results into articles, and a
    result is dropped once served: the build never holds every parsed file at once.
    """

    def __init__(self, paths: list[str], results: Iterator[bytes | None], pool: Any) -> None:
        self.count = len(paths)
        self._pending = zip(paths, results, strict=True)
        self._early: dict[str, bytes | None] = {}
        self._left = len(paths)
        self._pool = pool
        # Files the workers parsed cleanly (the others are parsed again by the build).
        self.parsed = 0

    def take(self, path: str) -> bytes | None:
        """``path``'s result (once), or None: not parsed by the workers, or not cleanly."""
        if path in self._early:
            return self._served(self._early.pop(path))
        if self._pool is None:
            return None
        for candidate, data in self._pending:
            if candidate == path:
                return self._served(data)
            # Pelican reads in another order than asked: kept until it comes to it.
            self._early[candidate] = data
        return None

    def _served(self, data: bytes | None) -> bytes | None:
        self._left -= 1
        if data is not None:
            self.parsed += 1
        if self._left == 0:
            self.close()
        return data

    def close(self) -> None:
        """Stop the workers (at once if Pelican did not ask for every file)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if self._left:
            pool.terminate()
        else:
            pool.close()
        pool.join()
        self._early.clear()

    def __enter__(self) -> ParsedFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def parse_in_workers(reader: Any, paths: list[str], workers: int) -> ParsedFiles:
    """Start parsing ``paths`` with ``reader`` in ``workers`` forked processes."""
    global _reader  # noqa: PLW0603  # handed to the forked workers, which inherit it
    _reader = reader
    try:
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(paths) // (workers * 16))
        pool = context.Pool(workers, initializer=_quiet_worker)
    finally:
        _reader = None
    # In order: the workers run ahead of the build by at most what the pipe and the
    # result queue hold, not by the whole site.
    return ParsedFiles(paths, pool.imap(_read_in_worker, paths, chunksize=chunk), pool)


def _serving(
    read: Callable[[str], tuple[str, dict[str, Any]]], parsed: ParsedFiles, settings: Any
) -> Callable[[str], tuple[str, dict[str, Any]]]:
    def read_parsed(path: str) -> tuple[str, dict[str, Any]]:
        global _served  # noqa: PLW0603
        data = parsed.take(path)
        if data is None:
            return read(path)
        _served = (path, data)
        return from_snapshot(data, settings)

    return read_parsed


def prefetch_articles(generator: Any) -> None:
    """``article_generator_preread`` receiver (sent before each file; acts on the first)."""
    if getattr(generator, _DONE, False):
        return
    setattr(generator, _DONE, True)
    settings = generator.settings
    workers = _worker_count(settings)
    if not _uses_this_plugin(settings) or workers < 2 or not pelican_compat.enabled(settings):
        return
    readers = generator.readers
    # Files the content cache will serve are not parsed at all.
    cached: Callable[[str], bool] = getattr(
        readers, "has_cached_data", lambda path: readers.get_cached_data(path, None) is not None
    )
    by_reader: dict[str, list[str]] = {}
    # In the order Pelican will read them (the same walk, the same set).
    for name in generator.get_files(
        settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]
    ):
        extension = os.path.splitext(name)[1][1:]
        path = os.path.abspath(os.path.join(generator.path, name))
        if (
            extension in readers.readers
            and generator.get_cached_data(name, None) is None
            and not cached(path)
        ):
            by_reader.setdefault(extension, []).append(path)
    minimum = int(setting_values(SCHEMA, settings)["PARALLEL_READ_MIN_FILES"])
    streams: list[ParsedFiles] = []
    setattr(generator, _STREAMS, streams)
    for extension, paths in by_reader.items():
        if len(paths) < max(minimum, workers):
            continue
        reader = readers.readers[extension]
        parsed = parse_in_workers(reader, paths, workers)
        streams.append(parsed)
        # An instance attribute: the class (and its name, which Pelican records as the
        # article's "reader") stays the same.
        serve_reads(reader, functools.partial(_serving, parsed=parsed, settings=settings))


def stop_workers(generator: Any) -> None:
    """``article_generator_finalized`` receiver: no worker outlives the reading."""
    for parsed in getattr(generator, _STREAMS, ()):
        parsed.close()
