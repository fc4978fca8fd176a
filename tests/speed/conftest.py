"""The speed layer's test sites are built as ``FAST_BUILD = True`` builds: every feature and
the speed layer (tests/stage_plugins.py)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from tests.stage_plugins import FAST_BUILD_PLUGINS


@pytest.fixture
def site_plugins() -> Sequence[str]:
    return FAST_BUILD_PLUGINS
