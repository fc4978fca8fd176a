"""Recognise social-media posts as copied from a page: signatures, post URLs, notices.

A copied X or Bluesky embed ends with a signature line such as
``— Example Person (@example) January 25, 2026`` (the post's text comes before it,
sometimes with a ``https://t.co/…`` link glued to the dash); a post that a site did
not show leaves its URL and a "can't be displayed / cookies" notice instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# A date in another language ("25 janvier 2026", "25. Januar 2026", "٢٥ يناير ٢٠٢٦"):
# a day, a month word, a year; dateparser reads it.
_OTHER_DATE = r"\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?\s+(?:de\s+)?\d{4}"
SIGNATURE = re.compile(
    r"(?P<before>.*?)\s*(?:&mdash;|—|–|--)\s*"
    r"(?P<name>[^()—\n]*?)\s*\(\s*(?P<handle>@[\w.@-]+)\s*\)\s*"
    rf"(?P<date>(?:{_MONTHS})\.?\s+\d{{1,2}},\s+\d{{4}}|{_OTHER_DATE})"
    r"(?:\s+(?:at|à|a las|um|alle)\s+[\d:h.]+\s*(?:[AP]M)?)?\s*$"
)
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y")

# Post URLs per platform; a Mastodon post is https://<host>/@<user>/<number>.
_POST_URLS = (
    # x.com/i/web/status/<id> (and /i/status/<id>): a post whose author the link does not name.
    ("x", re.compile(r"^https?://(?:www\.|mobile\.)?(?:x|twitter)\.com/i/(?:web/)?status/\d+")),
    ("x", re.compile(r"^https?://(?:www\.|mobile\.)?(?:x|twitter)\.com/(?P<user>\w+)/status/\d+")),
    ("bluesky", re.compile(r"^https?://bsky\.app/profile/(?P<user>[^/\s]+)/post/\w+")),
    ("threads", re.compile(r"^https?://(?:www\.)?threads\.(?:net|com)/@(?P<user>[\w.]+)/post/\w+")),
    ("instagram", re.compile(r"^https?://(?:www\.)?instagram\.com/(?:p|reel)/[\w-]+/?")),
    ("mastodon", re.compile(r"^https?://(?P<host>[\w.-]+\.[a-z]{2,})/@(?P<user>\w+)/\d+")),
)

# What a news site prints where it did not load a post (consent walls, blocked embeds).
_NOTICES = (
    r"\b(?:this|the)\s+(?:post|content|tweet|embed|video)\s+"
    r"(?:can(?:'|’)?t|cannot|could\s*not|couldn(?:'|’)t)\s+be\s+(?:displayed|shown|loaded)",
    r"\bcookie\s+(?:settings|preferences|consent|policy)\b",
    r"\b(?:accept|allow|enable)\s+(?:all\s+)?(?:the\s+)?cookies\b",
    r"\bview\s+this\s+post\s+on\s+\w+",
    r"\bto\s+(?:view|see|display)\s+this\s+(?:content|post|tweet)\b",
    r"^(?:skip|end\s+of)\s+(?:twitter|x|instagram|bluesky|facebook|tiktok|youtube|threads)\s+"
    r"(?:post|content)",
    r"\bcontent\s+(?:is\s+)?(?:not|no\s+longer)\s+available\b",
)
NOTICE = re.compile("|".join(f"(?:{pattern})" for pattern in _NOTICES), re.IGNORECASE)
NOTICE_MAX_LENGTH = 300


@dataclass
class Signature:
    before: str  # post text on the same line, before the dash (may be empty)
    author: str | None
    handle: str
    platform: str
    date: str | None


def parse_signature(line: str) -> Signature | None:
    match = SIGNATURE.fullmatch(line.strip())
    if not match:
        return None
    before = match.group("before")
    # A dash inside running text ("… — Reuters (@Reuters) January 25, 2026" is still a
    # signature, but "a – b" in a sentence with no handle never reaches here).
    handle, platform = split_handle(match.group("handle"))
    return Signature(
        before=before.strip(),
        author=match.group("name").strip() or None,
        handle=handle,
        platform=platform,
        date=parse_post_date(match.group("date")),
    )


def split_handle(raw: str) -> tuple[str, str]:
    """``'@a@b.social'`` -> mastodon, ``'@a.bsky.social'`` -> bluesky, ``'@a'`` -> x."""
    handle = raw.strip().removeprefix("@")
    if "@" in handle:
        return handle, "mastodon"
    if "." in handle:
        return handle, "bluesky"
    return handle, "x"


def parse_post_date(text: str) -> str | None:
    cleaned = re.sub(r"\s+", " ", text.replace(".", "")).strip()
    cleaned = re.sub(r"^Sept\b", "Sep", cleaned)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    import dateparser

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed is not None else None


@dataclass
class PostUrl:
    url: str
    platform: str
    handle: str | None


def parse_post_url(text: str) -> PostUrl | None:
    """A link to one post on a known platform (tracking query strings removed)."""
    candidate = text.strip()
    for platform, pattern in _POST_URLS:
        match = pattern.match(candidate)
        if not match:
            continue
        # The match ends at the post's id: no "/embed", no tracking query string.
        url = match.group(0)
        user = match.groupdict().get("user")
        handle = None
        if user and platform == "mastodon":
            handle = f"{user}@{match.group('host')}"
        elif user and not user.startswith("did:"):
            handle = user
        return PostUrl(url=url, platform=platform, handle=handle)
    return None


def is_notice(text: str) -> bool:
    return len(text) <= NOTICE_MAX_LENGTH and NOTICE.search(text) is not None
