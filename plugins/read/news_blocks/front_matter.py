"""Front-matter ``key_points`` as inline HTML, and one key-points box per article.

Runs on ``content_object_init`` (every article and page, once it is read): a
``key_points`` list written in front matter is rendered like a box's items, so
``article.key_points`` is a list of HTML strings whichever way it was written. Key
points written both in front matter and in a ``::: key-points`` box are an error
(the page would show two boxes, or lose one).
"""

from __future__ import annotations

import functools
import logging

from markdown_it import MarkdownIt
from pelican.contents import Content

from content_errors import FrontMatterError, MarkupError, display_path
from markdown_reader import build_parser
from news_blocks.key_points import points_from_front_matter

logger = logging.getLogger(__name__)


@functools.cache
def _inline_parser() -> MarkdownIt:
    # The site's Markdown without plugin rules: key points are inline text. Configured
    # once and never changed, so it holds no state from one build to the next.
    return build_parser({})


def render_front_matter_key_points(content: object) -> None:
    """``content_object_init`` receiver (sets ``key_points`` on the content)."""
    if not isinstance(content, Content):
        return
    metadata = content.metadata
    points = metadata.get("key_points")
    if points is None:
        return
    box = metadata.get("key_points_box")
    if box:
        if points != box["points"]:
            logger.error(
                "%s",
                MarkupError(
                    display_path(str(content.source_path or ""), content.settings),
                    "key points are given twice: in the front matter and in a '::: key-points' box",
                    line=box["line"],
                    hint="keep one of them",
                ),
            )
        return
    rendered = points_from_front_matter(_inline_parser(), points)
    if rendered is None:
        logger.error(
            "%s",
            FrontMatterError(
                display_path(str(content.source_path or ""), content.settings),
                f"'key_points' must be a list of text lines, not {points!r}",
                hint="write one '  - point' line per key point",
            ),
        )
        return
    metadata["key_points"] = rendered
    content.key_points = rendered
