"""One build's state: an object made when a build starts, dropped when the next starts.

Pelican's signals are process-wide and outlive a build, and a process may build several
sites one after another (the tests, ``make serve``). What a plugin keeps between two of
its receivers (topics loaded as the first article was made, the collector's thresholds
to restore, notes for the writer) therefore lives on the :class:`Build` of the settings
it was made for, never in a module: the next build, with other settings, gets a new
object and sees none of it. Forked workers inherit the build they were forked from.

The build in progress is held in a context variable; :func:`build_of` makes a new
:class:`Build` whenever it is asked about other settings than the current build's (a new
``Pelican`` reads its settings into a new dict). Not a Pelican plugin (no ``register``):
a library the plugins share.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any, TypeVar

__all__ = ["Build", "build_of"]

T = TypeVar("T")


class Build:
    """The state of the build made with ``settings``: one value per plugin key."""

    def __init__(self, settings: Mapping[str, object]) -> None:
        self.settings = settings
        self._state: dict[str, Any] = {}

    def state(self, key: str, make: Callable[[], T]) -> T:
        """The value kept under ``key`` for this build, made by ``make()`` on first use."""
        if key not in self._state:
            self._state[key] = make()
        value: T = self._state[key]
        return value

    def replace(self, key: str, value: object) -> None:
        """Keep ``value`` under ``key`` for the rest of this build."""
        self._state[key] = value

    def drop(self, key: str) -> Any:
        """Forget the value under ``key`` (None if there was none) and return it."""
        return self._state.pop(key, None)


_current: ContextVar[Build | None] = ContextVar("newsdigest_build", default=None)


def build_of(settings: Mapping[str, object]) -> Build:
    """The build made with ``settings`` (the very dict Pelican hands its generators,
    readers and content objects); a new one if the current build has other settings."""
    current = _current.get()
    if current is None or current.settings is not settings:
        current = Build(settings)
        _current.set(current)
    return current
