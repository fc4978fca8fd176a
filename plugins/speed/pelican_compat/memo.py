"""gc_tuning's patch: Pelican's ``get_content``/``get_summary`` memo caches emptied after a build.

Why: Pelican memoizes ``get_content`` and ``get_summary`` per content object in caches
that live as long as the process, so every article of every build stayed reachable, for
good in ``make serve``, which builds again and again in one process. The caches are
reachable only through the class's ``__dict__`` (the memo object, not the method).
Touches: ``Content.__dict__["get_content"].cache``, ``...["get_summary"].cache``
(emptied). Written against Pelican 4.12.0. Gain (commit 97f97fc): not one that
``make bench`` sees (one build per process, time and peak unchanged): ``make serve`` no
longer keeps every earlier build's site alive, each rebuild adding its articles to the
process (tests/speed/test_gc_tuning.py holds that a finished build's articles
are freed).
"""

from __future__ import annotations

from pelican.contents import Content

__all__ = ["empty_memo_caches"]

_MEMOIZED = ("get_content", "get_summary")


def empty_memo_caches() -> None:
    """Let go of every content object Pelican's memo caches hold (it fills them again)."""
    for name in _MEMOIZED:
        cache = getattr(Content.__dict__.get(name), "cache", None)
        if isinstance(cache, dict):
            cache.clear()
