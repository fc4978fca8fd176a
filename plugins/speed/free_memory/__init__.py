"""Give the memory the build has freed back to the system (glibc's ``malloc_trim``).

Python returns a freed block to the C allocator, which keeps it for later allocations
instead of returning it to the system; after the build's peaks of short-lived objects
(parsing every article, a full copy of the context made and dropped for every page
Pelican writes) the build process held several megabytes it no longer used, on top of its
peak, and forked page writers started from that size. ``malloc_trim`` releases the free
memory at the top of the heap and in unused pages inside it, in a few milliseconds.
Without glibc (musl, macOS, Windows) this does nothing. Not a Pelican plugin (no
``register``): a library the plugins that end such peaks call.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache

__all__ = ["give_back_free_memory"]


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    return trim


def give_back_free_memory() -> bool:
    """Return the allocator's free memory to the system; False where that cannot be done."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
