"""Which plugins each stage's test sites are built with (the ``site_plugins`` fixture).

A test site enables only the plugins it tests and what they need: the read stage's tests
the readers alone, the link stage's the readers too, the write stage's every feature (a
feed lists topics and editions), the speed layer's every feature and the speed layer, as
``FAST_BUILD = True`` builds. The lists come from the project's pelicanconf.py, so a
feature a site owner adds there is built by the write and speed tests too.
"""

from __future__ import annotations

import pelicanconf

__all__ = ["FAST_BUILD_PLUGINS", "FEATURES", "LINK_PLUGINS", "READ_PLUGINS", "SPEED_PLUGINS"]

# The site owner's choice of features, in pipeline order, and the speed layer FAST_BUILD adds.
FEATURES: list[str] = list(pelicanconf.FEATURES)
SPEED_PLUGINS: list[str] = list(pelicanconf.SPEED_PLUGINS)
FAST_BUILD_PLUGINS: list[str] = [*FEATURES, *SPEED_PLUGINS]

# Each stage builds on the ones before it (plugins/read, plugins/link).
READ_PLUGINS: list[str] = [
    "markdown_reader",
    "html_policy",
    "news_blocks",
    "live_coverage",
    "context_blocks",
]
LINK_PLUGINS: list[str] = [*READ_PLUGINS, "topic_hubs", "editions", "newsroom", "strict_build"]
