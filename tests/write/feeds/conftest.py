"""Fixtures for the feed tests: tiny synthetic sites (see synthetic_sites.py)."""

from tests.write.feeds.synthetic_sites import build_problems, synthetic_site

__all__ = ["build_problems", "synthetic_site"]
