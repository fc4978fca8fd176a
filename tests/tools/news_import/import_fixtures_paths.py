"""Where the importer tests' fixtures live, and the date they take as today.

A module of its own (not conftest.py): several test folders have a conftest.py, and a
``from conftest import ...`` picks whichever was imported first when folders run together.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
# The file-name date of an undated draft in these tests.
TODAY = dt.date(2026, 1, 1)
