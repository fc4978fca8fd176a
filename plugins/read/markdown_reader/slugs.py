"""Readable, stable slugs for heading ids and URLs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from unidecode import unidecode

from content_errors import ContentError

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """``'Hamas–Turkiye talks in Istanbul'`` -> ``'hamas-turkiye-talks-in-istanbul'``.

    Transliterated to ASCII (unidecode) so that homoglyphs and direction-override
    characters cannot make two different-looking ids or URLs, or one that hides
    its real target.
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in {"Cf", "Cc"})
    ascii_text = unidecode(text).lower().replace("'", "")
    return _NOT_WORD.sub("-", ascii_text).strip("-")


def data_file_slug(
    values: Mapping[str, Any],
    path: Path,
    lines: Mapping[str, int],
    shown: str,
    *,
    kind: str,
    example: str,
    error: type[ContentError],
) -> str:
    """The slug of a data file (a topic, a context block): its ``slug:`` or its file name,
    which must already be a slug; ``error`` (naming ``shown`` and the line) otherwise."""
    slug = values.get("slug", path.stem)
    where = lines.get("slug", 1)
    if not isinstance(slug, str) or not slug:
        raise error(shown, f"'slug' must be text, not {slug!r}", line=where, hint=f"e.g. {example}")
    if slugify(slug) != slug:
        raise error(
            shown,
            f"'{slug}' is not a valid {kind} slug (lower-case letters, digits and hyphens)",
            line=where,
            hint=f"use '{slugify(slug)}'"
            + (f" or rename the file to {slugify(slug)}.md" if "slug" not in values else ""),
        )
    return slug
