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
import re
import time
from pathlib import Path
from typing import Any

__all__ = ["INDEX_NAME", "RACY_MARGIN_NS", "Stamp", "StatIndex", "stamp"]

INDEX_NAME = "stat-index.json"
FORMAT = 1
# More than the coarsest common timestamp granularity (FAT: 2 s) and small clock steps.
RACY_MARGIN_NS = 2_000_000_000

_KEY = re.compile("[0-9a-f]{64}")

# (size, st_mtime_ns, st_ctime_ns, st_ino)
Stamp = tuple[int, int, int, int]


def stamp(status: os.stat_result) -> Stamp:
    """What of a file's stat must stay the same for its key to be trusted."""
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


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
        # Each source's record as read (checked when used: most are never looked at in
        # a build that reads few files, and checking 5,000 cost more than reading them).
        self._files: dict[str, Any] | None = None
        self._trusted_before = 0

    def _load(self) -> dict[str, Any]:
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
        self._trusted_before = data["started_ns"] - RACY_MARGIN_NS
        files: dict[str, Any] = data["files"]
        return files

    def key(self, source: str, current: Stamp) -> str | None:
        """The key recorded for ``source`` if its stat is still ``current``, else None."""
        if self._files is None:
            self._files = self._load()
        record = self._files.get(source)
        # [size, mtime, ctime, inode, key]: anything else is a record to ignore.
        if (
            type(record) is list
            and len(record) == 5
            and record[:4] == [*current]
            and current[1] < self._trusted_before
            and type(record[4]) is str
            # An entry's name, never a path out of the folder.
            and _KEY.fullmatch(record[4]) is not None
        ):
            return record[4]
        return None

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
