"""An embedded post as data: its fields, checked, whichever syntax it was written in."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from content_errors import MarkupError

# Platform key -> the name readers see. The key is the card's data-platform value.
PLATFORMS: dict[str, str] = {
    "x": "X",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "threads": "Threads",
    "instagram": "Instagram",
    "other": "social media",
}
# Names editors may write for a platform; "twitter" is what many still call X.
PLATFORM_ALIASES = {"twitter": "x", "bsky": "bluesky"}
# What a post's ``status`` may say once it is gone from its platform (no status: online).
STATUSES = ("deleted", "unavailable")

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass
class Location:
    """Where a block starts, for error messages: the file and its 1-based line."""

    path: str
    line: int | None

    def error(
        self, message: str, *, line: int | None = None, hint: str | None = None
    ) -> MarkupError:
        return MarkupError(self.path, message, line=line or self.line, hint=hint)


@dataclass
class Post:
    """One post, ready for the card template (``templates/news_blocks/post.html``)."""

    platform: str = "other"
    author: str = ""
    handle: str = ""
    url: str = ""
    # A url field that is not a web address: shown as text, never linked.
    unlinked_url: str = ""
    date: dt.date | None = None
    date_text: str = ""  # the date as the source wrote it, when it could not be read
    media_alt: str = ""
    context: str = ""
    # An archived copy's address (http(s) only); another value is kept as text, never linked.
    archived: str = ""
    unlinked_archived: str = ""
    status: str = ""  # "" (online), or one of STATUSES
    text_html: Markup = field(default_factory=Markup)
    text: str = ""  # plain text, for search and structured data
    line: int | None = None
    source: str = "markdown"  # markdown | embed | link

    @property
    def platform_name(self) -> str:
        """``X``, ``Bluesky``...; for another platform, the host of the post's address."""
        if self.platform == "other" and self.url:
            return urlsplit(self.url).netloc.lower().removeprefix("www.")
        return PLATFORMS[self.platform]

    @property
    def datetime_attr(self) -> str:
        return self.date.isoformat() if self.date else ""

    @property
    def date_display(self) -> str:
        """``25 January 2026`` (with ``, 14:05`` for a datetime)."""
        if self.date is None:
            return self.date_text
        text = f"{self.date.day} {_MONTHS[self.date.month - 1]} {self.date.year}"
        if isinstance(self.date, dt.datetime):
            text += f", {self.date:%H:%M}"
        return text

    @property
    def text_sha256(self) -> str:
        """SHA-256 (hex, of UTF-8) of the kept text; ``""`` when no text was kept."""
        kept = digest_text(self.text)
        return hashlib.sha256(kept.encode("utf-8")).hexdigest() if kept else ""

    def as_metadata(self) -> dict[str, Any]:
        """The post as plain data for ``embedded_posts`` (later stages, feeds, JSON-LD)."""
        return {
            "platform": self.platform,
            "platform_name": self.platform_name,
            "author": self.author,
            "handle": self.handle,
            "url": self.url,
            "unlinked_url": self.unlinked_url,
            "date": self.datetime_attr or None,
            "media_alt": self.media_alt,
            "context": self.context,
            "archived": self.archived,
            "unlinked_archived": self.unlinked_archived,
            "status": self.status,
            "text": self.text,
            "text_sha256": self.text_sha256,
            "text_html": str(self.text_html),
            "line": self.line,
            "source": self.source,
        }


def digest_text(text: str) -> str:
    """A post's text as its digest sees it: NFC, every run of white space one space.

    ``text`` is the plain text the card shows (links' words, images' alt text, no
    markup), so emphasis, links, line breaks and paragraphs can change, and a
    composed or decomposed accent be pasted, without the post's text changing.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def post_status(value: str, where: Location) -> str:
    """``deleted`` or ``unavailable`` (any case); an empty value means online."""
    status = value.strip().lower()
    if status and status not in STATUSES:
        raise where.error(
            f"unknown post status {value.strip()!r}",
            hint="use one of " + ", ".join(STATUSES) + ", or leave the field out while the"
            " post is online",
        )
    return status


def platform_key(value: str, where: Location) -> str:
    key = value.strip().lower()
    key = PLATFORM_ALIASES.get(key, key)
    if key not in PLATFORMS:
        raise where.error(
            f"unknown platform {value!r}",
            hint="use one of " + ", ".join(PLATFORMS),
        )
    return key


def post_date(value: str, where: Location) -> dt.date:
    """An ISO date (``2026-01-25``) or datetime (``2026-01-25T14:05:00+00:00``)."""
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise where.error(
            f"invalid post date {value!r}",
            hint="write it as 2026-01-25 or 2026-01-25T14:05:00+00:00",
        ) from None


def is_web_address(value: str) -> bool:
    """An absolute http(s) URL: the only kind a card links to (never ``javascript:``)."""
    parts = urlsplit(value)
    return (
        parts.scheme in {"http", "https"}
        and bool(parts.netloc)
        and not any(c.isspace() or ord(c) < 32 for c in value)
    )


def handle_text(value: str) -> str:
    """``@example`` and ``example`` are the same handle."""
    return value.strip().removeprefix("@")


def check_complete(post: Post, where: Location) -> Post:
    """A card needs something to show: the post's text or a link to it (or to a copy)."""
    if not post.url and not post.archived and not post.text_html.strip():
        raise where.error(
            "embedded post has neither a url nor text",
            hint="add a line 'url: https://…' or the post's text after a blank line",
        )
    return post
