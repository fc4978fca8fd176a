"""Say where a problem is: a source file as the editor knows it, and a metadata key's line."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

# Metadata sits in the first lines; a key further down would be body text.
_HEADER_SCAN_LINES = 200


def project_root(settings: Mapping[str, Any]) -> str:
    """The folder that holds content/: paths in messages are relative to it."""
    return os.path.dirname(os.path.abspath(str(settings.get("PATH", "."))))


def display_path(source_path: str, settings: Mapping[str, Any]) -> str:
    """``/site/content/articles/x.md`` -> ``content/articles/x.md``."""
    absolute = os.path.abspath(source_path)
    relative = os.path.relpath(absolute, project_root(settings))
    return absolute if relative.startswith("..") else relative.replace(os.sep, "/")


def metadata_line(source_path: str, key: str) -> int | None:
    """The 1-based line where ``key:`` is set in the file's header, if it is there."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*:", re.IGNORECASE)
    try:
        with open(source_path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if number > _HEADER_SCAN_LINES:
                    break
                if pattern.match(line):
                    return number
    except OSError:
        return None
    return None
