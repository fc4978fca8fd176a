"""The content_cache plugin's settings: declared once (defaults, checks)."""

from __future__ import annotations

from site_settings import Setting, SettingsSchema, boolean, whole_number

__all__ = ["SCHEMA"]

SCHEMA = SettingsSchema(
    plugin="content_cache",
    settings=(
        Setting("CONTENT_CACHE", True, boolean, "False: no content cache (every file is parsed)."),
        Setting(
            "CONTENT_CACHE_KEEP",
            3,
            whole_number(1),
            "Cache folders (fingerprints) kept, e.g. one for make html and one for make publish.",
        ),
    ),
    prefixes=("CONTENT_CACHE",),
)
