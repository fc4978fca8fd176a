"""Logging in a forked worker of the build: count the problems instead of printing them.

A forked worker (parallel_read, parallel_write) inherits the build's logging, but what
it logs would print a second time and never reach the build's problem list, which lives
in the build process. So a worker counts its warnings and errors; the build redoes the
work of any file or page that logged something, and its messages are reported as usual.
Not a Pelican plugin (no ``register``): a library the parallel plugins share (and
content_cache, which counts the problems of each file it reads).
"""

from __future__ import annotations

import logging

__all__ = ["ProblemCounter", "count_problems_instead_of_logging"]


class ProblemCounter(logging.Handler):
    """Counts the warnings and errors logged since ``count`` was last set to 0."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def count_problems_instead_of_logging(counter: ProblemCounter) -> None:
    """In a worker: every logger's records go to ``counter`` only."""
    logging.root.handlers = [counter]
    for logger in logging.root.manager.loggerDict.values():
        if isinstance(logger, logging.Logger):
            logger.handlers = []
            logger.propagate = True
