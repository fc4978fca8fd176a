"""Entry and feed ids as RFC 4151 tag URIs: stable across rebuilds and domain moves."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

__all__ = ["article_id", "edition_id", "feed_id"]


def _specific(text: str) -> str:
    # The tag's specific part allows URI pchars; anything else is percent-encoded.
    return quote(text, safe="-._~/:@!$&'()*+,;=")


def article_id(authority: str, published: date, slug: str) -> str:
    """The id of an article: its publication day and slug, never its address."""
    return f"tag:{authority}:article/{published.isoformat()}/{_specific(slug)}"


def edition_id(authority: str, day: date) -> str:
    """The id of the edition of ``day``."""
    return f"tag:{authority}:edition/{day.isoformat()}"


def feed_id(authority: str, name: str) -> str:
    """The id of a feed, e.g. ``all``, ``topics/rafah-crossing`` or ``editions``."""
    return f"tag:{authority}:feed/{_specific(name)}"
