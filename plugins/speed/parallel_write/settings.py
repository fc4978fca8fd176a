"""The parallel_write plugin's settings: declared once (defaults, checks)."""

from __future__ import annotations

from site_settings import Setting, SettingsSchema, boolean, optional, whole_number

__all__ = ["SCHEMA"]

SCHEMA = SettingsSchema(
    plugin="parallel_write",
    settings=(
        Setting(
            "PARALLEL_WRITE_WORKERS",
            None,
            optional(whole_number(0)),
            "Processes that render pages; None: one per core; 0 or 1: Pelican's own writer.",
        ),
        Setting(
            "PARALLEL_WRITE_MIN_PAGES",
            64,
            whole_number(0),
            "Builds with fewer pages render them in the build process alone.",
        ),
        Setting(
            "PAGE_REUSE",
            True,
            boolean,
            "Link a page whose key is the last build's from LAST_OUTPUT_PATH instead of "
            "rendering it again.",
        ),
    ),
    prefixes=("PARALLEL_WRITE", "PAGE_REUSE"),
)
