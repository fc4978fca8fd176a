"""Whether a build uses a plugin, and signal receivers that act only for builds that do.

Pelican's signals are process-wide and stay connected after a build, so in a process that
builds several sites (the tests, ``make serve``) a receiver registered for one site is
called for the next too. Every plugin therefore connects its receivers with
:func:`connect`, which wraps each in the one guard: the receiver runs only when the site
it is called for lists the plugin in ``PLUGINS`` (by name, or as the module), and
otherwise returns None (for ``get_generators`` and ``get_writer``: no generator, no
writer). The settings are found on the signal's sender (a Pelican object, generator,
readers, reader or content object: ``.settings``; the first of a list of generators),
or in its ``settings`` or ``context`` keyword. Not a Pelican plugin (no ``register``): a
library the plugins share.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, Protocol

__all__ = ["connect", "settings_of_signal", "uses_plugin"]


class _Signal(Protocol):
    def connect(self, receiver: Callable[..., Any], *, weak: bool = ...) -> Any: ...


def uses_plugin(settings: Mapping[str, Any] | None, name: str) -> bool:
    """True when ``settings["PLUGINS"]`` names the plugin ``name`` (or is its module)."""
    plugins = (settings or {}).get("PLUGINS") or ()
    return any(getattr(plugin, "__name__", plugin) == name for plugin in plugins)


def settings_of_signal(sender: object, kwargs: Mapping[str, object]) -> Mapping[str, Any] | None:
    """The settings of the build a signal was sent for (None when it cannot be told)."""
    if isinstance(sender, list) and sender:
        # all_generators_finalized sends the build's generators.
        sender = sender[0]
    for candidate in (kwargs.get("settings"), getattr(sender, "settings", None)):
        if isinstance(candidate, Mapping):
            return candidate
    context = kwargs.get("context")
    return context if isinstance(context, Mapping) else None


@functools.cache
def _guarded(receiver: Callable[..., Any], plugin: str) -> Callable[..., Any]:
    # One wrapper per receiver and plugin for the whole process: Pelican calls every
    # register() again for each build, and blinker keeps a receiver connected twice only
    # once (in its first place) when it is the same object.
    @functools.wraps(receiver)
    def receive(sender: Any, *args: Any, **kwargs: Any) -> Any:
        if not uses_plugin(settings_of_signal(sender, kwargs), plugin):
            return None
        return receiver(sender, *args, **kwargs)

    return receive


def connect(signal: _Signal, receiver: Callable[..., Any], *, plugin: str) -> None:
    """Connect ``receiver`` to ``signal`` for the builds whose ``PLUGINS`` list ``plugin``."""
    # Held strongly: the wrapper is referenced nowhere else but the cache above.
    signal.connect(_guarded(receiver, plugin), weak=False)
