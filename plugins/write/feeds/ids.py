"""Entry and feed ids as RFC 4151 tag URIs: stable across rebuilds and domain moves."""

from __future__ import annotations

from datetime import UTC, date, datetime
from urllib.parse import quote

__all__ = ["article_id", "edition_id", "feed_id", "live_entry_id", "note_id"]


def _specific(text: str) -> str:
    # The tag's specific part allows URI pchars; anything else is percent-encoded.
    return quote(text, safe="-._~/:@!$&'()*+,;=")


def article_id(authority: str, published: date, slug: str) -> str:
    """The id of an article: its publication day and slug, never its address."""
    return f"tag:{authority}:article/{published.isoformat()}/{_specific(slug)}"


def live_entry_id(authority: str, published: date, slug: str, anchor: str) -> str:
    """The id of one entry of a live article: the article's id and the entry's anchor
    (from its ``id:`` or its time, so the same in every build)."""
    return f"{article_id(authority, published, slug)}/entry/{_specific(anchor)}"


def edition_id(authority: str, day: date) -> str:
    """The id of the edition of ``day``."""
    return f"tag:{authority}:edition/{day.isoformat()}"


def note_id(
    authority: str, kind: str, published: date, slug: str, moment: datetime, *, number: int = 1
) -> str:
    """The id of a correction or update (``kind``) of the article published on ``published``
    as ``slug``, dated ``moment``; ``number`` tells apart notes of one kind dated alike."""
    when = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    suffix = f"/{number}" if number > 1 else ""
    return f"tag:{authority}:{kind}/{published.isoformat()}/{_specific(slug)}/{when}{suffix}"


def feed_id(authority: str, name: str) -> str:
    """The id of a feed, e.g. ``all``, ``topics/rafah-crossing`` or ``editions``."""
    return f"tag:{authority}:feed/{_specific(name)}"
