"""Readable, stable slugs for heading ids and URLs."""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

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
