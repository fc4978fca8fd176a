"""Jinja bytecode caches: in memory for the environments of one build, and in a folder
for the next build."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache

logger = logging.getLogger(__name__)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates by Jinja's bucket key (template name); Jinja checks the source."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            # Rejects (resets) the entry itself when its source checksum differs.
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()

    def __len__(self) -> int:
        return len(self._store)


class StoredBytecodeCache(MemoryBytecodeCache):
    """The memory cache, backed by a folder that outlives the build (Jinja's own
    ``FileSystemBytecodeCache``): a build that changed no template compiles none.

    ``locate`` names the folder when the cache is first used (None: memory only). The
    folder must be one for these environment options, this Jinja and this Python alone
    (a template's bytecode depends on them, and Jinja checks only the source's checksum
    and its own format). A folder that cannot be written costs the next build a compile,
    nothing more.
    """

    def __init__(self, locate: Callable[[], Path | None]) -> None:
        super().__init__()
        self._locate: Callable[[], Path | None] | None = locate
        self._folder: FileSystemBytecodeCache | None = None

    def _stored(self) -> FileSystemBytecodeCache | None:
        if self._locate is not None:
            folder, self._locate = self._locate(), None
            if folder is not None:
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    logger.debug("template bytecode kept in memory only: %s", error)
                else:
                    self._folder = FileSystemBytecodeCache(str(folder))
        return self._folder

    def load_bytecode(self, bucket: Bucket) -> None:
        super().load_bytecode(bucket)
        stored = self._stored()
        if bucket.code is None and stored is not None:
            try:
                stored.load_bytecode(bucket)
            # A damaged file (cut short, say, with Jinja's header intact: pickle's error) is
            # compiled again, whatever it raises.
            except Exception as error:
                logger.debug("template bytecode unreadable: %s", error)
                bucket.reset()
            if bucket.code is not None:
                # The build's other environments take it from memory.
                super().dump_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        super().dump_bytecode(bucket)
        stored = self._stored()
        if stored is not None:
            try:
                stored.dump_bytecode(bucket)  # whole or not at all (a rename)
            except OSError as error:
                logger.debug("template bytecode not stored: %s", error)
