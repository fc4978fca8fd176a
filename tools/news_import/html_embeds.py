"""Embedded posts in a saved page (X, Bluesky, Mastodon, Threads, Instagram) -> Post data.

Each platform's embed code is a blockquote (or an iframe) with a known class; the post's
text, author, handle, link and date are read from it with BeautifulSoup. The platform's
script that would turn it into a widget is never kept.
"""

from __future__ import annotations

import re

from bs4 import Tag

from news_import.inline_markdown import escape_block_start, html_to_markdown
from news_import.model import Post
from news_import.posts import SIGNATURE, parse_post_date, parse_post_url, split_handle

_BLOCKQUOTE_PLATFORMS = {
    "twitter-tweet": "x",
    "twitter-video": "x",
    "bluesky-embed": "bluesky",
    "mastodon-embed": "mastodon",
    "text-post-media": "threads",
    "instagram-media": "instagram",
}
_PERMALINK_ATTRIBUTES = ("data-embed-url", "data-text-post-permalink", "data-instgrm-permalink")
_HANDLE = re.compile(r"@[\w.@-]+")
# Instagram and Threads embeds sign posts "A post shared by Name (@handle)".
_SHARED_BY = re.compile(r"^A post shared by (?P<name>.+?)\s*\(@(?P<handle>[\w.]+)\)$", re.I)


def find_embeds(root: Tag) -> list[Tag]:
    """Embed blockquotes and post iframes under ``root``, in document order."""
    found: list[Tag] = []
    for element in root.find_all(["blockquote", "iframe"]):
        if any(parent in found for parent in element.parents):
            continue
        if embed_platform(element):
            found.append(element)
    return found


def embed_platform(element: Tag) -> str | None:
    classes: list[str] = [str(name) for name in element.get("class") or []]
    for name in classes:
        if name in _BLOCKQUOTE_PLATFORMS:
            return _BLOCKQUOTE_PLATFORMS[name]
    if element.name == "iframe":
        src = str(element.get("src") or "")
        post_url = parse_post_url(src.removesuffix("/embed").split("/embed?")[0])
        if post_url:
            return post_url.platform
    return None


def post_from_embed(element: Tag) -> Post:
    platform = embed_platform(element) or "other"
    if element.name == "iframe":
        return _post_from_iframe(element, platform)
    url = _permalink(element)
    paragraphs = [
        _paragraph_lines(p)
        for p in element.find_all("p")
        if p.get_text(strip=True) and not _is_signature_paragraph(p)
    ]
    post = Post(platform=platform, url=url, paragraphs=[p for p in paragraphs if p])
    _read_signature(element, post)
    if post.url:
        parsed = parse_post_url(post.url)
        if parsed:
            post.url = parsed.url
            post.handle = post.handle or parsed.handle
    return post


def _post_from_iframe(element: Tag, platform: str) -> Post:
    src = str(element.get("src") or "")
    post_url = parse_post_url(src.removesuffix("/embed").split("/embed?")[0])
    if post_url is None:
        return Post(platform=platform)
    return Post(platform=post_url.platform, url=post_url.url, handle=post_url.handle)


def _permalink(element: Tag) -> str | None:
    for attribute in _PERMALINK_ATTRIBUTES:
        value = element.get(attribute)
        if value:
            return str(value)
    for anchor in reversed(element.find_all("a", href=True)):
        href = str(anchor["href"])
        if parse_post_url(href):
            return href
    return None


def _paragraph_lines(paragraph: Tag) -> list[str]:
    markdown = html_to_markdown(paragraph)
    lines = [line.strip() for line in markdown.split("\\\n")]
    lines = [line for line in lines if line]
    if lines:
        lines[0] = escape_block_start(lines[0])
    return lines


def _is_signature_paragraph(paragraph: Tag) -> bool:
    text = paragraph.get_text(" ", strip=True)
    return SIGNATURE.fullmatch(text) is not None or _SHARED_BY.match(text) is not None


def _read_signature(element: Tag, post: Post) -> None:
    """Author, handle and date from the text after the post ("— Name (@handle) Date")."""
    text = " ".join(element.get_text(" ").split())
    match = SIGNATURE.search(text)
    if match:
        post.author = match.group("name").strip() or None
        post.handle, platform = split_handle(match.group("handle"))
        if post.platform == "other":
            post.platform = platform
        post.date = parse_post_date(match.group("date"))
        return
    for paragraph in element.find_all("p"):
        shared = _SHARED_BY.match(" ".join(paragraph.get_text(" ").split()))
        if shared:
            post.author = shared.group("name")
            post.handle = shared.group("handle")
            return
    handle = _HANDLE.search(text)
    if handle and post.platform in {"x", "bluesky", "mastodon", "threads"}:
        post.handle = split_handle(handle.group(0))[0]
