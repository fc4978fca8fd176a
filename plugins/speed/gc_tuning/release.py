"""When a build ends, let go of what it made, so that the next build does not keep it.

Pelican memoizes ``get_content`` and ``get_summary`` per content object in caches that
live as long as the process, so every article of every build stayed reachable, for good
in ``make serve``, which builds again and again in one process. The caches are emptied
(Pelican fills them again as needed; :mod:`pelican_compat.memo`, off on another Pelican
version); the collector frees the rest in its own time (a
full collection here would cost half a second at N = 5,000 for nothing: ``make html``
leaves right after).
"""

from __future__ import annotations

from typing import Any

import pelican_compat
from free_memory import give_back_free_memory
from pelican_compat.memo import empty_memo_caches

__all__ = ["release_build", "trim_after_reading"]


def release_build(pelican: Any) -> None:
    """``finalized`` receiver (after the collector's thresholds are restored)."""
    if pelican_compat.enabled(pelican.settings):
        empty_memo_caches()


def trim_after_reading(generator: Any) -> None:
    """``article_generator_finalized`` receiver: parsing's freed memory back to the system
    (≈ 6 MB of the build process at N = 5,000, before pages are recorded and rendered)."""
    give_back_free_memory()
