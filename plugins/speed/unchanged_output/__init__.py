"""Write an output file, or keep the last build's file when it holds the very same bytes.

A build writes into a new folder that then replaces the last output (``scripts/build.py``,
which sets ``LAST_OUTPUT_PATH``). A page or feed that comes out as before is hard-linked to
the last build's file instead of written: the same file, not a rewritten one, so hosts,
``rsync`` and conditional requests see it unchanged. Output files are therefore never
written in place (they may be another build's). Not a Pelican plugin (no ``register``): a
library the writing plugins share.
"""

from __future__ import annotations

import contextlib
import os
import shutil

__all__ = ["link_previous", "previous_file", "write_or_link"]


def previous_file(last_output: str | None, relative: str) -> str | None:
    """The last build's file at ``relative`` (a ``/``-separated path in the site), if any."""
    if not last_output:
        return None
    path = os.path.join(last_output, relative)
    return path if os.path.isfile(path) else None


def link_previous(previous: str, path: str) -> None:
    """Put the last build's file at ``path`` (a hard link: the same file, not rewritten)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    try:
        os.link(previous, path)
    except OSError:  # another file system, or links not allowed: a copy keeps the bytes
        shutil.copy2(previous, path)


def _holds(path: str, data: bytes) -> bool:
    try:
        if os.path.getsize(path) != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def write_or_link(path: str, data: bytes, last_output: str | None, relative: str) -> bool:
    """Write ``data`` at ``path``, or link the last build's file at ``relative`` when it
    holds these very bytes. True when it was linked."""
    previous = previous_file(last_output, relative)
    if previous is not None and _holds(previous, data):
        link_previous(previous, path)
        return True
    with open(path, "wb") as handle:
        handle.write(data)
    return False
