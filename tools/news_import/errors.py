"""The importer's error: input it cannot turn into an article."""

from __future__ import annotations

from content_errors import ContentError


class ImportInputError(ContentError):
    """The source file is empty, binary, undecodable or not an article (or an option is bad).

    Its text is one line naming the file, printed instead of a traceback.
    """
