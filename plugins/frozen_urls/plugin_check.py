"""Whether a build's settings list this plugin (its receivers stay connected for later builds)."""

from __future__ import annotations

from typing import Any

__all__ = ["uses_this_plugin"]


def uses_this_plugin(settings: Any) -> bool:
    """True when ``settings["PLUGINS"]`` names frozen_urls (by name or module)."""
    plugins = (settings or {}).get("PLUGINS") or []
    return any(getattr(p, "__name__", p) in {"frozen_urls", __package__} for p in plugins)
