"""The read stage's test sites are built with the readers alone (tests/stage_plugins.py)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from tests.stage_plugins import READ_PLUGINS


@pytest.fixture
def site_plugins() -> Sequence[str]:
    return READ_PLUGINS
