"""Whether a build uses a plugin: the test every plugin's signal receivers start with.

Pelican's signals are process-wide and stay connected after a build, so in a process that
builds several sites (the tests, ``make serve``) a receiver registered for one site is
called for the next too. Each receiver acts only when the site it is called for lists its
plugin in ``PLUGINS`` (by name, or as the module). Not a Pelican plugin (no ``register``):
a library the plugins share.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["uses_plugin"]


def uses_plugin(settings: Mapping[str, Any] | None, name: str) -> bool:
    """True when ``settings["PLUGINS"]`` names the plugin ``name`` (or is its module)."""
    plugins = (settings or {}).get("PLUGINS") or ()
    return any(getattr(plugin, "__name__", plugin) == name for plugin in plugins)
