"""The gc_tuning plugin's settings: declared once (defaults, checks)."""

from __future__ import annotations

from typing import Any

from site_settings import Setting, SettingsSchema

__all__ = ["DEFAULT_THRESHOLD", "SCHEMA"]

DEFAULT_THRESHOLD = (100_000, 50, 100)


def _threshold(value: Any) -> str | None:
    numbers = isinstance(value, tuple | list) and 1 <= len(value) <= 3
    if value is None or (
        numbers and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value)
    ):
        return None
    return (
        "None or up to three whole numbers ≥ 0, as gc.set_threshold takes, e.g. (100_000, 50, 100)"
    )


SCHEMA = SettingsSchema(
    plugin="gc_tuning",
    settings=(
        Setting(
            "GC_THRESHOLD",
            DEFAULT_THRESHOLD,
            _threshold,
            "The collector's thresholds during a build (gc.set_threshold); None: Python's own.",
        ),
    ),
    prefixes=("GC_",),
)
