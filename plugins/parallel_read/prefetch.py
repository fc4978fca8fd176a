"""Parse every article file in forked worker processes; serve the results to Pelican."""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable
from typing import Any

from pelican.urlwrappers import URLWrapper

from plugin_use import uses_plugin
from worker_logs import ProblemCounter, count_problems_instead_of_logging

DEFAULT_MIN_FILES = 64
_DONE = "_parallel_read_done"

# The build's reader, set right before the workers are forked (they inherit it).
_reader: Any = None


_problems = ProblemCounter()


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


def _restored_item(value: Any, settings: Any) -> Any:
    if isinstance(value, _Named):
        return value.kind(value.name, settings)
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


def _read_in_worker(path: str) -> bytes | None:
    """The pickled ``(content, metadata)`` of ``path``, or None to let the build read it."""
    _problems.count = 0
    try:
        content, metadata = _reader.read(path)
        data = pickle.dumps((content, portable(metadata)), pickle.HIGHEST_PROTOCOL)
    except Exception:  # reported when the build reads the file itself
        return None
    return None if _problems.count else data


def _uses_this_plugin(settings: Any) -> bool:
    return uses_plugin(settings, "parallel_read")


def _worker_count(settings: Any) -> int:
    configured = settings.get("PARALLEL_READ_WORKERS")
    return int(configured) if configured is not None else (os.cpu_count() or 1)


def parse_in_workers(reader: Any, paths: list[str], workers: int) -> dict[str, bytes]:
    """Parse ``paths`` with ``reader`` in ``workers`` forked processes."""
    global _reader  # noqa: PLW0603  # handed to the forked workers, which inherit it
    _reader = reader
    try:
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(paths) // (workers * 16))
        with context.Pool(workers, initializer=_quiet_worker) as pool:
            results = pool.map(_read_in_worker, paths, chunksize=chunk)
    finally:
        _reader = None
    return {path: data for path, data in zip(paths, results, strict=True) if data is not None}


def _serving(
    read: Callable[[str], tuple[str, dict[str, Any]]], parsed: dict[str, bytes], settings: Any
) -> Callable[[str], tuple[str, dict[str, Any]]]:
    def read_parsed(path: str) -> tuple[str, dict[str, Any]]:
        data = parsed.pop(path, None)
        if data is None:
            return read(path)
        content, metadata = pickle.loads(data)
        return content, restored(metadata, settings)

    return read_parsed


def prefetch_articles(generator: Any) -> None:
    """``article_generator_preread`` receiver (sent before each file; acts on the first)."""
    if getattr(generator, _DONE, False):
        return
    setattr(generator, _DONE, True)
    settings = generator.settings
    workers = _worker_count(settings)
    if not _uses_this_plugin(settings) or workers < 2:
        return
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    by_reader: dict[str, list[str]] = {}
    for name in sorted(files):
        extension = os.path.splitext(name)[1][1:]
        path = os.path.abspath(os.path.join(generator.path, name))
        # Files Pelican's content cache (CACHE_CONTENT) will serve are not parsed at all.
        cached = generator.get_cached_data(name, None) is not None or (
            generator.readers.get_cached_data(path, None) is not None
        )
        if extension in generator.readers.readers and not cached:
            by_reader.setdefault(extension, []).append(path)
    minimum = int(settings.get("PARALLEL_READ_MIN_FILES", DEFAULT_MIN_FILES))
    for extension, paths in by_reader.items():
        if len(paths) < max(minimum, workers):
            continue
        reader = generator.readers.readers[extension]
        parsed = parse_in_workers(reader, paths, workers)
        # An instance attribute: the class (and its name, which Pelican records as the
        # article's "reader") stays the same.
        reader.read = _serving(reader.read, parsed, settings)
