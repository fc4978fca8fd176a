"""Name a missing title or date, or an unknown status, before Pelican skips the file.

Pelican logs "Skipping <file>: could not find information about 'date'" (or "Unknown
status") and drops the file; this says the same with the fix, and the build drops
Pelican's line as an echo.
"""

from __future__ import annotations

import logging

from pelican.contents import Content, Static

from content_errors import FrontMatterError
from strict_build.source_paths import display_path, metadata_line

logger = logging.getLogger(__name__)

_HINTS = {
    "title": "add a line 'title: ...' to its front matter",
    "date": "add a line such as 'date: 2026-01-25' or 'date: 2026-01-25T14:05:00+00:00'",
}


def missing_metadata_errors(content: Content) -> list[FrontMatterError]:
    """An error for each mandatory property (title, date) that ``content`` lacks."""
    if isinstance(content, Static) or not getattr(content, "source_path", None):
        return []
    errors = []
    for prop in content.mandatory_properties:
        # Pelican gives an undated draft a date of its own after this point.
        if prop == "date" and getattr(content, "status", None) == "draft":
            continue
        value = getattr(content, prop, None)
        if value is None or (isinstance(value, str) and not value.strip()):
            errors.append(
                FrontMatterError(
                    display_path(content.source_path, content.settings),
                    f"has no {prop}",
                    hint=_HINTS.get(prop),
                )
            )
    status = getattr(content, "status", None)
    allowed = getattr(content, "allowed_statuses", None)
    if isinstance(status, str) and allowed and status not in allowed:
        errors.append(
            FrontMatterError(
                display_path(content.source_path, content.settings),
                f"status {status!r} is not one of published, draft or hidden",
                line=metadata_line(content.source_path, "status"),
                hint="correct the spelling, or remove the line to publish",
            )
        )
    return errors


def report_missing_metadata(content: Content) -> None:
    """``content_object_init`` receiver."""
    if isinstance(content, Content):
        for error in missing_metadata_errors(content):
            logger.error("%s", error)
