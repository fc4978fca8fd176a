"""When an article is created: its newsroom fields, its publication status and its dates.

* ``article.newsroom`` gets the checked :class:`~newsroom.model.Newsroom`;
* an article dated after the build's time becomes a draft (not published before its
  time) unless ``PUBLISH_FUTURE = True`` or its front matter says ``publish_future: true``;
  ``newsroom.held_until`` then says until when (the preview's "Embargoed until" banner).
  Where a draft is written, whatever its front matter says, is strict_build's concern
  (``strict_build.unpublished``: nowhere on publish);
* ``article.modified`` becomes the newest update or correction when that is later, so
  feeds (``updated``), sitemaps and the "Updated" line follow; ``article.date`` (the
  publication date, part of feed ids) never changes;
* authors written as mappings become Pelican authors named by their ``name``.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from markupsafe import Markup, escape
from pelican.contents import Article
from pelican.urlwrappers import Author

from content_errors import ContentError, display_path
from newsroom.fields import read_newsroom_fields
from newsroom.model import Newsroom, house_time
from newsroom.settings import newsroom_settings
from newsroom.source_lines import raw_front_matter

__all__ = ["build_time", "init_article"]

logger = logging.getLogger(__name__)
_TRUE = {"true", "yes"}


def build_time(settings: dict[str, Any]) -> dt.datetime:
    """``BUILD_DATE`` (from SOURCE_DATE_EPOCH) when set; otherwise now, the only clock read."""
    fixed = settings.get("BUILD_DATE")
    if isinstance(fixed, dt.datetime):
        return fixed
    return dt.datetime.now(dt.UTC)


def init_article(content: Any) -> None:
    """``content_object_init`` receiver; a bad field is logged, then fails the file."""
    if not isinstance(content, Article):
        return
    try:
        _init(content)
    except ContentError as error:
        # Pelican logs only "Could not process <file>"; the reason is logged here and the
        # exception still makes Pelican count the file as failed.
        logger.error("%s", error)
        raise


def _init(article: Any) -> None:
    settings = article.settings

    def path() -> str:
        # The file's name as the editor knows it, made only if a message needs it.
        return display_path(article.source_path, settings)

    raw = raw_front_matter(article, path)
    # An article may set its own time zone, as Pelican allows for its date.
    zone = str(article.metadata.get("timezone") or settings.get("TIMEZONE") or "UTC")
    newsroom = read_newsroom_fields(article.metadata, raw, path, zone)
    article.newsroom = newsroom
    _hold_future(article, newsroom, settings)
    _apply_modified(article, newsroom)
    if any(person.role or person.url for person in newsroom.authors):
        names = [_safe_name(person.name) for person in newsroom.authors]
        article.authors = [Author(name, settings) for name in names]
        article.author = article.authors[0]


def _hold_future(article: Any, newsroom: Newsroom, settings: dict[str, Any]) -> None:
    if getattr(article, "status", None) != "published" or not hasattr(article, "date"):
        return
    asked = article.metadata.get("publish_future")
    if asked is True or str(asked).lower() in _TRUE:
        return
    # The site's settings (checked when the build started, read once a build) only
    # matter for a future article.
    if article.date > build_time(settings) and not newsroom_settings(settings).publish_future:
        article.status = "draft"
        newsroom.held_until = article.date
        newsroom.held_until_label = house_time(article.date)


def _apply_modified(article: Any, newsroom: Newsroom) -> None:
    candidates = [note.date for note in (*newsroom.updates, *newsroom.corrections)]
    modified = getattr(article, "modified", None)
    if modified is not None:
        candidates.append(modified)
    newest = max(candidates, default=None)
    # An undated draft gets its date from Pelican only later; it has nothing to compare.
    if newest is None or not hasattr(article, "date") or newest <= article.date:
        return
    newsroom.updated = newest
    newsroom.updated_label = house_time(newest)
    article.modified = newest
    article.locale_modified = newsroom.updated_label


def _safe_name(name: str) -> str:
    # Like the other front-matter text (html_policy.plain_metadata): a name with HTML
    # characters is escaped text, safe wherever a template prints it.
    return Markup(escape(name)) if set(name) & set('<>"&') else name
