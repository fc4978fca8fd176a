"""The output folder between builds: one build at a time, a folder to build in, a crash-safe swap.

A build of ``output/`` (scripts/build.py) holds an exclusive lock (``fcntl.flock``) on
``.output.lock`` beside it for as long as it runs, so two builds of one output never
interleave: the second is refused at once, told which process holds it. The kernel drops
the lock when the holder dies, however it dies, so a lock is never stale; the processes
a build forks to write pages share it, and a killed build's folder is not touched while
one of them still writes into it.

With the lock held, every folder a build of this output makes beside it is provably
left over from a build that is no longer running: the next build sets them aside for
removal (``stale_folders``) and finishes a swap a kill interrupted (``recover``).

The new site is built in ``output.build-<pid>-<random>`` (made by ``mkdir``, so with the
ordinary permissions the umask gives: 0755 for a 022 umask) and swapped into place by
``swap``: on Linux one ``renameat2(RENAME_EXCHANGE)`` exchanges the two folders at once,
so ``output/`` is always a whole site, the old one or the new one, even to a web server
reading it meanwhile; the replaced site then becomes ``output.previous``. Where the
exchange is not available (another system, a file system without it), two renames are
made through ``output.swap-old``; a build killed between them leaves no ``output/`` for
a moment, and the next build puts the old one back before anything else. ``output/``
stays a real folder (not a symlink to the latest build), which every static host and
``rsync`` serve as they are.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import re
import secrets
import shutil
from pathlib import Path

__all__ = [
    "BuildLockedError",
    "OutputFolder",
    "exchange",
]

# Folders beside ``output`` that only builds of it make (the name after ``output.``):
# a build's folder and its search index's staging folder (scripts/search_index.py), the
# Sweeper's trash (scripts/build.py), and the old site of an interrupted swap.
_LEFT_BY_BUILDS = re.compile(
    r"build-\d+-[0-9a-f]{8}(\.search-[a-z0-9_]{8})?|trash-[a-z0-9_]{8}|swap-old"
)
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class BuildLockedError(Exception):
    """Another build of the same output folder is running."""


def exchange(first: Path, second: Path) -> None:
    """Exchange two paths at once (Linux ``renameat2`` with ``RENAME_EXCHANGE``).

    Raises OSError (``ENOSYS`` where the call does not exist; ``EINVAL`` where the file
    system does not support it).
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        raise OSError(errno.ENOSYS, "renameat2 is not available") from None
    path, at = ctypes.c_char_p, ctypes.c_int
    renameat2.argtypes = [at, path, at, path, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE):
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first), None, str(second))


class OutputFolder:
    """The output folder ``output`` (an absolute path) as one build sees it."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.lock_file = output.with_name(f".{output.name}.lock")
        self.previous = output.with_name(output.name + ".previous")
        self._swap_old = output.with_name(output.name + ".swap-old")
        self._lock: int | None = None

    def lock(self) -> None:
        """Take the lock of this output folder, or raise BuildLockedError naming its holder.

        OSError when the lock file cannot be made (a read-only folder).
        """
        handle = os.open(self.lock_file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(handle, 32, 0).decode("ascii", "replace").strip()
            os.close(handle)
            who = f"process {holder}" if holder.isdigit() else "another process"
            raise BuildLockedError(
                f"another build ({who}, or a page writer it started) is building"
                f" {self.output}/ (it holds {self.lock_file}); wait for it to finish and build"
                " again (the lock goes with the process: there is nothing to remove)"
            ) from None
        except OSError:
            os.close(handle)
            raise
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode("ascii"), 0)
        self._lock = handle

    def unlock(self) -> None:
        """Let the next build in (the lock file stays: removing it would race with one)."""
        if self._lock is not None:
            handle, self._lock = self._lock, None
            os.close(handle)  # releases the flock

    def recover(self) -> None:
        """Finish a swap a killed build left half done (``output.swap-old`` still there).

        Killed before its new site took the place, the old site goes back to it; killed
        after, the old site becomes ``output.previous`` like after any build.
        """
        if not self._swap_old.is_dir():
            return
        if not os.path.lexists(self.output):
            self._swap_old.rename(self.output)
        elif not os.path.lexists(self.previous):
            self._swap_old.rename(self.previous)
        # Otherwise it is one more stale folder (stale_folders lists it).

    def stale_folders(self) -> list[Path]:
        """Folders a killed build of this output left beside it (call with the lock held)."""
        prefix = self.output.name + "."
        stale = []
        try:
            names = os.listdir(self.output.parent)
        except OSError:
            return []
        for name in sorted(names):
            if name.startswith(prefix) and _LEFT_BY_BUILDS.fullmatch(name[len(prefix) :]):
                path = self.output.parent / name
                if path.is_dir() and not path.is_symlink():
                    stale.append(path)
        return stale

    def new_build_folder(self) -> Path:
        """An empty folder beside the output to build into, with ordinary permissions."""
        folder = self.output.with_name(
            f"{self.output.name}.build-{os.getpid()}-{secrets.token_hex(4)}"
        )
        folder.mkdir(mode=0o777)  # less the umask, like any folder a user makes
        return folder

    def swap(self, built: Path) -> None:
        """Put ``built`` in the output's place; the replaced site becomes ``output.previous``."""
        if os.path.lexists(self.previous):  # the Sweeper could not set it aside
            shutil.rmtree(self.previous)
        if not os.path.lexists(self.output):
            built.rename(self.output)
            return
        try:
            exchange(built, self.output)
        except OSError as error:
            if error.errno not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
                raise
            # Two renames; ``recover`` finishes them if the build dies in between.
            self.output.rename(self._swap_old)
            try:
                built.rename(self.output)
            except OSError:
                self._swap_old.rename(self.output)
                raise
            self._swap_old.rename(self.previous)
            return
        # The new site is in place: the build succeeded even if the old one cannot be moved
        # (then, like after a kill here, it is a stale folder for the next build to remove).
        with contextlib.suppress(OSError):
            built.rename(self.previous)
