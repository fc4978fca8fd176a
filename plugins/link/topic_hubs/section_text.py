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

__all__ = ["excerpt_source", "shorten_section_text", "shorten_section_texts"]

# What collapsing white space would change in ASCII text: a run of spaces, another white
# space character (what str.split() splits at), a space first.
_NOT_COLLAPSED = re.compile(r"  |[\t\n\r\x0b\x0c\x1c-\x1f]|^ ")
# Marks a kept text that went on (any character but a space would do).
CUT_MARK = "…"


def _is_collapsed_ascii(head: str) -> bool:
    """Whether ASCII ``head`` is as collapsing white space makes it (``_NOT_COLLAPSED``)."""
    if not head.isascii():
        return False
    if head.isprintable():
        # No control character at all, so no white space but the space: only a run of
        # spaces or a space first could be collapsed. Three tests in C, where the regular
        # expression tried its alternatives at every position (~50 us a section).
        return "  " not in head and not head.startswith(" ")
    return _NOT_COLLAPSED.search(head) is None


def _words_follow(text: str, start: int) -> bool:
    """Whether ``text`` (longer than ``start``) has more than white space from ``start``."""
    # The next character nearly always says so: no copy of the rest of a long text.
    return not text[start].isspace() or not text[start:].isspace()


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
    if _is_collapsed_ascii(head) and _words_follow(text, limit):
        # Already as collapsing makes it (single spaces, none first), and more words follow:
        # the collapsed text starts with it and goes on. Settles nearly every section, in C.
        return head + CUT_MARK
    # As excerpt() collapses it: its start, when that is already longer than the limit.
    head = " ".join(text[: 2 * limit].split())
    collapsed = head if len(head) > limit else " ".join(text.split())
    if len(collapsed) <= limit:
        return collapsed
    return collapsed[:limit] + CUT_MARK


# Longer than anything excerpt_source keeps: a text not cut yet.
_UNCUT = EXCERPT_CHARS + len(CUT_MARK)


def shorten_section_text(section: dict[str, Any]) -> None:
    """Cut the ``text`` of ``section`` to its :func:`excerpt_source` (unless it is cut)."""
    text = section.get("text")
    if isinstance(text, str) and len(text) > _UNCUT:
        section["text"] = excerpt_source(text)


def shorten_section_texts(articles: Iterable[Any]) -> None:
    """Cut each section's ``text`` of ``articles`` to its :func:`excerpt_source`."""
    for article in articles:
        # Linking calls this for articles some plugin made without early matching; most
        # are cut already.
        for section in getattr(article, "sections", None) or []:
            shorten_section_text(section)
