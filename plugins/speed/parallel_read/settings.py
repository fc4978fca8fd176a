"""The parallel_read plugin's settings: declared once (defaults, checks)."""

from __future__ import annotations

from site_settings import Setting, SettingsSchema, optional, whole_number

__all__ = ["SCHEMA"]

SCHEMA = SettingsSchema(
    plugin="parallel_read",
    settings=(
        Setting(
            "PARALLEL_READ_WORKERS",
            None,
            optional(whole_number(0)),
            "Processes that parse articles; None: one per core; 0 or 1: read in one process.",
        ),
        Setting(
            "PARALLEL_READ_MIN_FILES",
            64,
            whole_number(0),
            "Sites with fewer article files are read in one process.",
        ),
    ),
    prefixes=("PARALLEL_READ",),
)
