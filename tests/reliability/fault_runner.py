"""Run scripts/build.py with a fault at an exact file-system operation, for the fault tests.

    python fault_runner.py <build.py arguments>

The fault is placed with a Python audit hook (``sys.addaudithook``): the interpreter calls
it before each file-system operation (``open``, ``os.mkdir``, ``os.rename``, ``ctypes.dlsym``
...) with the operation's arguments, so the build's own code runs unchanged and meets the
fault where the operating system would give it. ``NEWSDIGEST_FAULT`` says which:

    <action>:<event>:<text>[:<count>][;<another fault>...]

before the ``count``-th (default 1st) ``event`` whose arguments contain ``text`` (for ``open``:
that opens a file for writing), ``action``:

* ``kill``: SIGKILL this process (a build killed at that very moment);
* ``pause``: write this process's id to the file named by ``NEWSDIGEST_FAULT_READY`` and wait
  until that file is removed (a build held at that moment, e.g. holding its lock);
* ``ENOSPC``, ``EROFS``, ``EACCES``, ``EINVAL`` ...: raise that OSError, as the system would.

Forked page writers inherit the hook, as they inherit the build's state.
"""

from __future__ import annotations

import errno
import os
import runpy
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _writes(args: tuple[object, ...]) -> bool:
    """Whether an ``open`` event's (path, mode, flags) opens the file for writing."""
    mode, flags = args[1], args[2]
    if isinstance(mode, str):
        return any(letter in mode for letter in "wax+")
    return isinstance(flags, int) and bool(flags & (os.O_WRONLY | os.O_RDWR))


def _hook(action: str, event: str, text: str, count: int) -> None:
    seen = 0
    ready = os.environ.get("NEWSDIGEST_FAULT_READY", "")

    def hook(name: str, args: tuple[object, ...]) -> None:
        nonlocal seen
        if name != event or not any(text in str(arg) for arg in args):
            return
        if name == "open" and not _writes(args):
            return
        seen += 1
        if seen != count:
            return
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        elif action == "pause":
            Path(ready).write_text(str(os.getpid()), encoding="ascii")
            while os.path.exists(ready):
                time.sleep(0.01)
        else:
            code = getattr(errno, action)
            path = next((str(arg) for arg in args if text in str(arg)), None)
            raise OSError(code, os.strerror(code), path)

    sys.addaudithook(hook)


def main() -> None:
    for fault in os.environ["NEWSDIGEST_FAULT"].split(";"):
        action, event, text, *rest = fault.split(":")
        _hook(action, event, text, int(rest[0]) if rest else 1)
    sys.argv = [str(ROOT / "scripts/build.py"), *sys.argv[1:]]
    sys.path.insert(0, str(ROOT / "scripts"))
    runpy.run_path(sys.argv[0], run_name="__main__")


if __name__ == "__main__":
    main()
