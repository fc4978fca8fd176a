"""Fixtures for the edition tests: the same tiny synthetic sites as the feed tests."""

from tests.write.feeds.synthetic_sites import build_problems, synthetic_site

__all__ = ["build_problems", "synthetic_site"]
