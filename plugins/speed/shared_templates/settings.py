"""The shared_templates plugin's settings: declared once (defaults, checks)."""

from __future__ import annotations

from site_settings import Setting, SettingsSchema, boolean

__all__ = ["SCHEMA"]

SCHEMA = SettingsSchema(
    plugin="shared_templates",
    settings=(
        Setting(
            "SHARED_TEMPLATES",
            True,
            boolean,
            "False: each generator compiles its templates itself, as Pelican does.",
        ),
    ),
    prefixes=("SHARED_TEMPLATE",),
)
