"""Raise the collector's thresholds for one build and restore them afterwards."""

from __future__ import annotations

import gc
from typing import Any

from plugin_use import uses_plugin

DEFAULT_THRESHOLD = (100_000, 50, 100)

# The thresholds before the running build raised them (None: nothing to restore).
_saved: tuple[int, int, int] | None = None


def _uses_this_plugin(settings: Any) -> bool:
    return uses_plugin(settings, "gc_tuning")


def raise_thresholds(pelican: Any) -> None:
    """``initialized`` receiver."""
    global _saved  # noqa: PLW0603  # one build at a time per process
    settings = pelican.settings
    threshold = settings.get("GC_THRESHOLD", DEFAULT_THRESHOLD)
    if not _uses_this_plugin(settings) or threshold is None:
        return
    if _saved is None:
        _saved = gc.get_threshold()
    gc.set_threshold(*threshold)


def restore_thresholds(pelican: Any) -> None:
    """``finalized`` receiver."""
    global _saved  # noqa: PLW0603
    if _saved is not None:
        gc.set_threshold(*_saved)
        _saved = None
