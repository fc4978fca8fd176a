"""Once its topics are matched, keep of each section's text only what excerpts show.

An article's sections carry their plain text (``markdown_reader``) so that topics can be
matched per section; after that, a hub shows at most an excerpt of it. The whole text of
every section of every article was a third of an article's memory (at N = 5,000, 25 MB
held through rendering), so it is cut to what :func:`topic_hubs.model.excerpt` shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from topic_hubs.model import EXCERPT_CHARS

__all__ = ["excerpt_source", "shorten_section_texts"]

# What collapsing white space would change in ASCII text: a run of spaces, another white
# space character (what str.split() splits at), a space first.
_NOT_COLLAPSED = re.compile(r"  |[\t\n\r\x0b\x0c\x1c-\x1f]|^ ")
# Marks a kept text that went on (any character but a space would do).
CUT_MARK = "…"


def excerpt_source(text: str, limit: int = EXCERPT_CHARS) -> str:
    """What to keep of ``text``: ``excerpt(kept, limit)`` is ``excerpt(text, limit)``.

    A text whose excerpt is cut keeps the first ``limit`` characters of its collapsed
    text and a mark: what follows them never changes what is kept, so an edit further
    down a section leaves its article as it was for every page but its own (parallel_write
    keys pages by what the site holds). A shorter text is kept as it is.
    """
    if len(text) <= limit:
        return text
    head = text[:limit]
    if head.isascii() and _NOT_COLLAPSED.search(head) is None and not text[limit:].isspace():
        # Already as collapsing makes it (single spaces, none first), and more words follow:
        # the collapsed text starts with it and goes on. Settles nearly every section, in C.
        return head + CUT_MARK
    # As excerpt() collapses it: its start, when that is already longer than the limit.
    head = " ".join(text[: 2 * limit].split())
    collapsed = head if len(head) > limit else " ".join(text.split())
    if len(collapsed) <= limit:
        return collapsed
    return collapsed[:limit] + CUT_MARK


def shorten_section_texts(articles: Iterable[Any]) -> None:
    """Cut each section's ``text`` of ``articles`` to its :func:`excerpt_source`."""
    for article in articles:
        for section in getattr(article, "sections", None) or []:
            text = section.get("text")
            # Longer than what excerpt_source keeps: not cut yet (linking calls this for
            # articles some plugin made without early matching; most are cut already).
            if isinstance(text, str) and len(text) > EXCERPT_CHARS + len(CUT_MARK):
                section["text"] = excerpt_source(text)
