"""The editions plugin's settings: it has none, and a key with its prefix is a typo."""

from __future__ import annotations

from site_settings import SettingsSchema

__all__ = ["SCHEMA"]

# Editions are at editions/ and editions/<date>/ (editions.model); nothing to choose.
SCHEMA = SettingsSchema(plugin="editions", settings=(), prefixes=("EDITIONS_", "EDITION_"))
