"""Once its topics are matched, keep of each section's text only what excerpts show.

An article's sections carry their plain text (``markdown_reader``) so that topics can be
matched per section; after that, a hub shows at most an excerpt of it. The whole text of
every section of every article was a third of an article's memory (at N = 5,000, 25 MB
held through rendering), so it is cut to the start :func:`topic_hubs.model.excerpt` reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from topic_hubs.model import EXCERPT_CHARS

__all__ = ["excerpt_source", "shorten_section_texts"]

# What str.split() takes for white space among ASCII characters.
_ASCII_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def excerpt_source(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of ``text`` from which ``excerpt(..., limit)`` makes the same excerpt."""
    head = text[: 2 * limit]
    # ``excerpt`` reads only these first 2 x limit characters when, spaces collapsed, they
    # are longer than the limit; otherwise it reads the whole text, which is kept.
    if head.isascii():
        # Collapsed, the head keeps at least its characters that are not white space:
        # counted in C, which settles nearly every section without splitting it.
        spaces = sum(head.count(character) for character in _ASCII_SPACES)
        if len(head) - spaces > limit:
            return head
    return head if len(" ".join(head.split())) > limit else text


def shorten_section_texts(articles: Iterable[Any]) -> None:
    """Cut each section's ``text`` of ``articles`` to its :func:`excerpt_source`."""
    for article in articles:
        for section in getattr(article, "sections", None) or []:
            text = section.get("text")
            if isinstance(text, str) and len(text) > 2 * EXCERPT_CHARS:
                section["text"] = excerpt_source(text)
