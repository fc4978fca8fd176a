"""Where the importer tests' fixtures live.

A module of its own (not conftest.py): several test folders have a conftest.py, and a
``from conftest import ...`` picks whichever was imported first when folders run together.
"""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
