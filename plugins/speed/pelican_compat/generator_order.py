"""parallel_write's patch: its ``get_generators`` receiver moved after every other one.

Why: Pelican adds plugin generators in the order the ``get_generators`` receivers were
connected (blinker calls them in that order; Pelican does not promise it), and signals
stay connected for the life of the process, so a plugin registered by an earlier build
in the same process (tests, ``make serve``) would add its generator after
parallel_write's flush, and its pages would be neither rendered in parallel nor reused.
Touches: the order of ``signals.get_generators``' receivers (a receiver disconnected and
connected again). Written against Pelican 4.12.0 (blinker 1.x). Gain: none in
``make bench``'s one build per process; in a process that builds again it keeps
parallel_write's gain (see :mod:`pelican_compat.page_files`) for every page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pelican import signals

__all__ = ["run_generator_receiver_last"]


def run_generator_receiver_last(receiver: Callable[[Any], Any]) -> None:
    """Make ``receiver`` the last ``get_generators`` receiver Pelican calls."""
    signals.get_generators.disconnect(receiver)
    signals.get_generators.connect(receiver)
