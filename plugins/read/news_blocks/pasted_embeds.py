"""Turn pasted embed code (an ``html_block`` token) into posts, with a real HTML parser.

Recognised: X/Twitter ``blockquote.twitter-tweet``, Bluesky ``blockquote.bluesky-embed``,
Mastodon ``iframe.mastodon-embed`` (and the newer ``blockquote.mastodon-embed``), Threads
``blockquote.text-post-media`` and Instagram ``blockquote.instagram-media``. Their
``<script>`` tags (``widgets.js``, ``embed.js``) are dropped: the card needs no script.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from markupsafe import Markup

from html_policy import sanitise
from news_blocks.post import Location, Post, check_complete
from news_blocks.post_links import post_from_url

# BeautifulSoup (with soupsieve and lxml, ~8 MB and 0.1 s) is imported when embed code is
# first read: a build whose articles come from the content cache never needs it.
if TYPE_CHECKING:
    from bs4 import Tag

# The class each platform gives the element it pastes.
_EMBED_CLASSES = {
    "twitter-tweet": "x",
    "bluesky-embed": "bluesky",
    "mastodon-embed": "mastodon",
    "text-post-media": "threads",
    "instagram-media": "instagram",
}
# Hosts of the platforms' embed scripts; a block holding only these is dropped.
_SCRIPT_HOSTS = ("platform.twitter.com", "embed.bsky.app", "threads.net", "instagram.com")
# "— Example Person (@example)" as the X and Bluesky embeds sign a post (text, not HTML).
_SIGNATURE = re.compile(r"^[\s\u2014\u2013-]*(?P<author>.*?)\s*\(@?(?P<handle>[^()\s]+)\)\s*$")
# How the embeds print a post's date: "January 25, 2026" or "January 25, 2026 at 2:05 PM".
_DATE_FORMATS = ("%B %d, %Y", "%B %d, %Y at %I:%M %p")
# A Bluesky record key is a TID: 13 base32-sortable characters holding a zero bit, then
# the microseconds since 1970 (UTC) when the post was written, then a 10-bit clock id.
_TID_DIGITS = "234567abcdefghijklmnopqrstuvwxyz"
_TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# Every UTC offset in use lies between these, and is a whole number of quarter hours.
_OFFSETS = (dt.timedelta(hours=-12), dt.timedelta(hours=14))
_QUARTER_HOUR = dt.timedelta(minutes=15)


def _classes(element: Tag) -> list[str]:
    value = element.get("class")
    if isinstance(value, str):
        return value.split()
    return [str(name) for name in value or []]


def _embed_platform(element: Tag) -> str | None:
    for name in _classes(element):
        if name in _EMBED_CLASSES:
            return _EMBED_CLASSES[name]
    return None


def _is_embed_script(element: Tag) -> bool:
    if element.name != "script":
        return False
    src = str(element.get("src") or "")
    return (
        src.endswith("embed.js")
        or src.endswith("widgets.js")
        or any(host in src for host in _SCRIPT_HOSTS)
    )


def _parse_date(text: str) -> dt.date | None:
    """The date as the embed prints it: a date, or a *naive* datetime (see _post_date)."""
    cleaned = " ".join(text.split())
    for pattern in _DATE_FORMATS:
        try:
            moment = dt.datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
        return moment.date() if pattern == "%B %d, %Y" else moment
    return None


def _tid_time(record_key: str) -> dt.datetime | None:
    """When a Bluesky post was written, from its record key (a TID), in UTC."""
    if not _TID.match(record_key):
        return None
    value = 0
    for digit in record_key:
        value = value * 32 + _TID_DIGITS.index(digit)
    return _EPOCH + dt.timedelta(microseconds=value >> 10)


def _record_time(element: Tag, platform: str, url: str) -> dt.datetime | None:
    if platform != "bluesky":
        return None
    # at://did:plc:…/app.bsky.feed.post/<key>, or the post's address …/post/<key>.
    for address in (_attribute(element, "data-bluesky-uri"), url):
        key = address.rstrip("/").rsplit("/", 1)[-1] if address else ""
        moment = _tid_time(key)
        if moment is not None:
            return moment.replace(microsecond=0)
    return None


def _post_date(shown: dt.date | None, written: dt.datetime | None) -> dt.date | None:
    """A date, or a datetime with its time zone: never a time that could be any zone's.

    The time an embed prints ("January 25, 2026 at 2:05 PM") is in the time zone of
    whoever copied the code: Bluesky's "Embed post" dialog formats it in the browser's
    zone, with no offset (real embeds show 12:58 AM for a post written at 23:58 UTC, or
    7:02 PM for 03:02 UTC), so it cannot be read as UTC. The record key says when the post
    was written, in UTC: it is used when the printed time is that moment in some real
    zone (a whole number of quarter hours between UTC-12 and UTC+14). Otherwise only
    the printed day is kept.
    """
    if not isinstance(shown, dt.datetime) or shown.utcoffset() is not None:
        return shown
    if written is not None:
        offset = shown - written.replace(tzinfo=None, second=0)
        if _OFFSETS[0] <= offset <= _OFFSETS[1] and offset % _QUARTER_HOUR == dt.timedelta(0):
            return written
    return shown.date()


def _attribute(element: Tag, name: str) -> str:
    value = element.get(name)
    return value if isinstance(value, str) else ""


def _shows_something(paragraph: Tag) -> bool:
    if paragraph.get_text(strip=True):
        return True
    # An emoji is an <img> with the character as its alt text in X's embed code.
    return any(str(image.get("alt") or "").strip() for image in paragraph.find_all("img"))


def _text_of(paragraphs: list[Tag]) -> tuple[Markup, str]:
    """The paragraphs as sanitised HTML (links kept, rel added), and as plain text.

    Post text keeps no image: the platforms' emoji and media thumbnails are served by
    the platform (pbs.twimg.com, abs-0.twimg.com...), and the card loads nothing from it.
    The sanitiser puts each image's alt text in its place (an emoji stays an emoji).
    """
    from bs4 import BeautifulSoup

    paragraphs = [p for p in paragraphs if _shows_something(p)]
    html = sanitise("\n".join(str(p) for p in paragraphs), images=False).strip()
    shown = BeautifulSoup(html, "html.parser")
    for line_break in shown.find_all("br"):
        line_break.replace_with("\n")
    # The words as the card shows them: nothing added between a link and the comma after
    # it, so the text (and its digest) is the one a ``::: post`` block of it would keep.
    plain = "\n".join(
        "\n".join(" ".join(line.split()) for line in element.get_text().split("\n"))
        for element in shown.find_all(recursive=False)
    )
    return Markup(html), plain


def _signed_post(element: Tag, platform: str) -> Post:
    """X and Bluesky: paragraphs of text, then "— Name (@handle)" and a dated link."""
    from bs4.element import NavigableString

    post = Post(platform=platform)
    paragraphs = element.find_all("p", recursive=False)
    post.text_html, post.text = _text_of(paragraphs)
    signature = "".join(str(node) for node in element.children if isinstance(node, NavigableString))
    match = _SIGNATURE.match(signature.strip())
    links = [a for a in element.find_all("a", recursive=False)]
    if match:
        post.author = match.group("author").strip()
        post.handle = match.group("handle").lstrip("@")
    elif links:
        # Bluesky puts the handle in a link: "— Name (<a>@handle</a>)".
        post.author = signature.split("(")[0].strip(" \u2014\u2013-")
        post.handle = links[0].get_text(strip=True).lstrip("@")
    for link in reversed(links):
        found = post_from_url(_attribute(link, "href"))
        if found:
            post.url = found.url
            post.handle = post.handle or found.handle
            shown = _parse_date(link.get_text(" ", strip=True))
            post.date = _post_date(shown, _record_time(element, platform, post.url))
            if post.date is None:
                post.date_text = link.get_text(" ", strip=True)
            break
    return post


def _linked_post(element: Tag, platform: str) -> Post:
    """Mastodon, Threads: the embed carries the post's address, not its text."""
    candidates = [
        _attribute(element, "src").removesuffix("/embed"),
        _attribute(element, "data-embed-url").removesuffix("/embed"),
        _attribute(element, "data-text-post-permalink"),
        *(_attribute(a, "href") for a in element.find_all("a")),
    ]
    for candidate in candidates:
        found = post_from_url(candidate) if candidate else None
        if found:
            found.platform = platform
            return found
    return Post(platform=platform)


def _instagram_post(element: Tag, platform: str) -> Post:
    """Instagram: the permalink, the caption (if captioned) and "A post shared by …"."""
    from bs4 import Tag

    post = _linked_post(element, platform)
    post.url = post.url or _attribute(element, "data-instgrm-permalink").split("?")[0]
    caption: list[Tag] = []
    for paragraph in element.find_all("p"):
        text = paragraph.get_text(" ", strip=True)
        if text.startswith("A post shared by"):
            match = _SIGNATURE.match(text.removeprefix("A post shared by").split(" on ")[0])
            if match:
                post.author, post.handle = match.group("author"), match.group("handle")
            time = paragraph.find("time")
            if isinstance(time, Tag):
                post.date = _post_date(_iso_date(_attribute(time, "datetime")), None)
        elif text and text != "View this post on Instagram":
            caption.append(paragraph)
    post.text_html, post.text = _text_of(caption)
    return post


def _iso_date(text: str) -> dt.date | None:
    """Instagram's ``<time datetime>``: with an offset; without one, naive (see _post_date)."""
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


_READERS: dict[str, Callable[[Tag, str], Post]] = {
    "x": _signed_post,
    "bluesky": _signed_post,
    "mastodon": _linked_post,
    "threads": _linked_post,
    "instagram": _instagram_post,
}


def posts_from_embed(html: str, where: Location) -> list[Post] | None:
    """The posts in pasted embed code; ``[]`` for a block of embed scripts only.

    None when the block is anything else (ordinary raw HTML, sanitised as usual): a
    block is taken only if every element in it is an embed or an embed script.
    """
    # Most raw HTML is not embed code: a look at the text spares it the parser.
    if not any(name in html for name in _EMBED_CLASSES) and "<script" not in html.lower():
        return None
    from bs4 import BeautifulSoup, Tag
    from bs4.element import NavigableString

    soup = BeautifulSoup(html, "html.parser")
    posts: list[Post] = []
    scripts = 0
    for node in soup.children:
        if isinstance(node, NavigableString):
            if node.strip():
                return None
            continue
        if not isinstance(node, Tag):
            continue
        if _is_embed_script(node):
            scripts += 1
            continue
        platform = _embed_platform(node)
        if platform is None:
            return None
        post = _READERS[platform](node, platform)
        post.line, post.source = where.line, "embed"
        posts.append(check_complete(post, where))
    # A block with no element at all (a closing tag, a comment) is not embed code.
    return posts if posts or scripts else None
