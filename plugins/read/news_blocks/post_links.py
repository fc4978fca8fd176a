"""Recognise the address of a post (X, Bluesky, Mastodon, Threads, Instagram).

Used for plain post links on a line of their own, which become link-only cards, and
to read the platform and handle from the links inside pasted embed code.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit, urlunsplit

from markdown_it.token import Token

from news_blocks.post import Post

X_HOSTS = frozenset({"x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com"})
_BLUESKY_HOSTS = frozenset({"bsky.app"})
_THREADS_HOSTS = frozenset({"threads.net", "threads.com"})
_INSTAGRAM_HOSTS = frozenset({"instagram.com"})


def _host(netloc: str) -> str:
    return netloc.lower().split(":")[0].removeprefix("www.")


def post_from_url(url: str) -> Post | None:
    """The post a URL points to (platform, handle, URL without query), or None.

    ``https://x.com/<user>/status/<id>``, ``https://bsky.app/profile/<h>/post/<id>``,
    ``https://<host>/@<user>/<id>`` (Mastodon), ``https://www.threads.net/@<user>/post/<id>``
    and ``https://www.instagram.com/p/<id>/``.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    host = _host(parts.netloc)
    segments = [s for s in parts.path.split("/") if s]
    # Tracking parameters (?ref_src=..., ?s=20) are not part of the post's address.
    clean = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    if host in X_HOSTS:
        if len(segments) >= 3 and segments[1] == "status" and segments[2].isdigit():
            return Post(platform="x", handle=segments[0], url=clean)
    elif host in _BLUESKY_HOSTS:
        if len(segments) == 4 and segments[0] == "profile" and segments[2] == "post":
            return Post(platform="bluesky", handle=segments[1], url=clean)
    elif host in _THREADS_HOSTS:
        if len(segments) == 3 and segments[0].startswith("@") and segments[1] == "post":
            return Post(platform="threads", handle=segments[0][1:], url=clean)
    elif host in _INSTAGRAM_HOSTS:
        if len(segments) == 2 and segments[0] in {"p", "reel"}:
            return Post(platform="instagram", url=clean)
    elif (
        len(segments) == 2
        and segments[0].startswith("@")
        and len(segments[0]) > 1
        and segments[1].isdigit()
    ):
        # Mastodon and other fediverse servers: the handle includes the server.
        return Post(platform="mastodon", handle=f"{segments[0][1:]}@{host}", url=clean)
    return None


def bare_link_post(tokens: Sequence[Token], index: int) -> Post | None:
    """The post when ``tokens[index:index + 3]`` is a paragraph holding only its URL.

    The URL may be written bare or as an autolink (``<https://…>``); a paragraph with
    anything else in it is ordinary text and is left alone.
    """
    if index + 2 >= len(tokens) or tokens[index].type != "paragraph_open":
        return None
    inline = tokens[index + 1]
    if inline.type != "inline" or tokens[index + 2].type != "paragraph_close":
        return None
    text = inline.content.strip()
    if not text or any(c.isspace() for c in text):
        return None
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    return post_from_url(text)
