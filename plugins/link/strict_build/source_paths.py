"""Name source files the way editors know them, and find a metadata key's line.

The site checks' names for the shared helpers of ``content_errors`` (one home each), and
the way back from a printed path to the file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from content_errors.locations import display_path, metadata_line, project_root

__all__ = ["absolute_path", "display_path", "metadata_line", "project_root"]


def absolute_path(path: str, settings: Mapping[str, object]) -> str:
    """The inverse of :func:`display_path`."""
    return os.path.normpath(os.path.join(project_root(settings), path))
