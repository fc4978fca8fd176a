"""Remember each source file's entry key by its stat, so an unchanged file is not read again.

A key is a hash of the file's path and bytes; hashing every source in every build costs
a read of each file. The index written at the end of a build maps each source path to the
stat it had when it was hashed (size, modification and change times in ns, inode) and
the key. The next build trusts a key when the stat is exactly the same, like git's index.

A stat is only proof for a file last changed well before it was hashed: one changed
again within the same timestamp tick as the hash keeps its stat ("racily clean", in
git's words). So a record is kept only when the file's modification time is older than
the moment the build started reading, less a margin for coarse file system clocks; a
file changed later is simply hashed again by the next build. Editors and ``os.utime``
can set any modification time, but not the change time, which is part of the stat.

The index is a JSON file written whole (a temporary file and a rename): builds side by
side each write a consistent index, and the last one stays. An index that cannot be
read, has another format or was written for another folder is ignored (files hashed).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

__all__ = ["INDEX_NAME", "RACY_MARGIN_NS", "Stamp", "StatIndex", "stamp"]

INDEX_NAME = "stat-index.json"
FORMAT = 1
# More than the coarsest common timestamp granularity (FAT: 2 s) and small clock steps.
RACY_MARGIN_NS = 2_000_000_000

# (size, st_mtime_ns, st_ctime_ns, st_ino)
Stamp = tuple[int, int, int, int]


def stamp(status: os.stat_result) -> Stamp:
    """What of a file's stat must stay the same for its key to be trusted."""
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def _record(value: Any) -> tuple[Stamp, str] | None:
    """A well-formed ``[size, mtime, ctime, inode, key]`` record, or None."""
    if (
        isinstance(value, list)
        and len(value) == 5
        and all(type(number) is int for number in value[:4])
        and isinstance(value[4], str)
        and len(value[4]) == 64
    ):
        return (value[0], value[1], value[2], value[3]), value[4]
    return None


class StatIndex:
    """The index of one entry folder: read once, consulted per file, written at the end."""

    def __init__(self, folder: Path, owner: str) -> None:
        self.path = folder / INDEX_NAME
        # Written into the index and checked on reading: an index copied or moved from
        # another fingerprint's folder is not trusted.
        self.owner = owner
        # Before any file is stat'ed or hashed by this build: every key this build makes
        # is of a file's bytes read after this moment.
        self.started_ns = time.time_ns()
        self._known: dict[str, tuple[Stamp, str]] | None = None

    def _load(self) -> dict[str, tuple[Stamp, str]]:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):  # none yet, or damaged
            return {}
        if (
            not isinstance(data, dict)
            or data.get("format") != FORMAT
            or data.get("owner") != self.owner
            or type(data.get("started_ns")) is not int
            or not isinstance(data.get("files"), dict)
        ):
            return {}
        # Checked again on reading, in case the index was written by another rule.
        trusted_before = data["started_ns"] - RACY_MARGIN_NS
        known = {}
        for source, value in data["files"].items():
            record = _record(value)
            if record is not None and record[0][1] < trusted_before:
                known[source] = record
        return known

    def key(self, source: str, current: Stamp) -> str | None:
        """The key recorded for ``source`` if its stat is still ``current``, else None."""
        if self._known is None:
            self._known = self._load()
        record = self._known.get(source)
        return record[1] if record is not None and record[0] == current else None

    def write(self, keys: dict[str, tuple[Stamp, str]]) -> None:
        """Record ``keys`` (source -> (stamp, key)) whose files were not changed too late."""
        trusted_before = self.started_ns - RACY_MARGIN_NS
        files = {
            source: (*recorded, key)
            for source, (recorded, key) in keys.items()
            if recorded[1] < trusted_before
        }
        data = {
            "format": FORMAT,
            "owner": self.owner,
            "started_ns": self.started_ns,
            "files": files,
        }
        # Like an entry: named by process (prune deletes one a killed build left behind).
        temporary = self.path.parent / f".new-{os.getpid()}-{INDEX_NAME}"
        try:
            temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
            os.replace(temporary, self.path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
