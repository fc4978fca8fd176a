"""Raise the collector's thresholds for one build and restore them afterwards."""

from __future__ import annotations

import gc
from typing import Any

from build_state import build_of
from gc_tuning.settings import DEFAULT_THRESHOLD, SCHEMA
from site_settings import setting_values

__all__ = ["DEFAULT_THRESHOLD", "raise_thresholds", "restore_thresholds"]

# Where the build keeps the thresholds it found (build_state): what to restore.
_SAVED = "gc_tuning.saved"


def raise_thresholds(pelican: Any) -> None:
    """``initialized`` receiver."""
    settings = pelican.settings
    threshold = setting_values(SCHEMA, settings)["GC_THRESHOLD"]
    if threshold is None:
        return
    build_of(settings).state(_SAVED, gc.get_threshold)
    gc.set_threshold(*threshold)


def restore_thresholds(pelican: Any) -> None:
    """``finalized`` receiver."""
    saved = build_of(pelican.settings).drop(_SAVED)
    if saved is not None:
        gc.set_threshold(*saved)
