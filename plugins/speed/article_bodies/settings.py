"""The article_bodies plugin's settings: declared once (defaults, checks)."""

from __future__ import annotations

from site_settings import Setting, SettingsSchema, boolean

__all__ = ["SCHEMA"]

SCHEMA = SettingsSchema(
    plugin="article_bodies",
    settings=(
        Setting(
            "ARTICLE_BODIES_ON_DISK",
            True,
            boolean,
            "Keep article bodies in a file between reading and rendering; False: in memory.",
        ),
    ),
    prefixes=("ARTICLE_BODIES",),
)
