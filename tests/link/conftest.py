"""The link stage's test sites are built with the readers and the linking plugins, without
feeds or the speed layer (tests/stage_plugins.py)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from tests.stage_plugins import LINK_PLUGINS


@pytest.fixture
def site_plugins() -> Sequence[str]:
    return LINK_PLUGINS
