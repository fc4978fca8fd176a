"""News blocks: key-point boxes and embedded social posts, rendered without scripts.

    plugin          the markdown-it rules: ``::: key-points`` and ``::: post``
                    containers, pasted embed code and bare post links -> tokens
    key_points      a box's list, or front-matter ``key_points``, as inline HTML
    post            a post as data (fields checked) for the card template
    post_block      the ``::: post`` container's fields and text
    pasted_embeds   X, Bluesky, Mastodon, Threads and Instagram embed code (bs4)
    post_links      post addresses on a line of their own
    post_copies     once all is read: one post quoted twice keeps one text
    render          render rules: the tokens through ``templates/news_blocks/``
    front_matter    front-matter ``key_points`` rendered once the article is read

Article metadata after reading: ``key_points`` (a list of HTML strings, from front
matter or from the body's box), ``key_points_box`` (``{line, points}`` when the box is
in the body; the article template then does not repeat it) and ``embedded_posts`` (a
list of dicts: platform, platform_name, author, handle, url, unlinked_url, date,
media_alt, context, archived, unlinked_archived, status, text, text_sha256, text_html,
line, source).
"""

from __future__ import annotations

from pelican import signals

from markdown_reader import configure_markdown
from news_blocks.front_matter import render_front_matter_key_points
from news_blocks.plugin import add_news_blocks, news_blocks_plugin
from news_blocks.post import PLATFORMS, Post
from news_blocks.post_copies import check_post_copies
from plugin_use import connect

__all__ = ["PLATFORMS", "Post", "add_news_blocks", "news_blocks_plugin", "register"]


PLUGIN = "news_blocks"


def register() -> None:
    connect(configure_markdown, add_news_blocks, plugin=PLUGIN)
    connect(signals.content_object_init, render_front_matter_key_points, plugin=PLUGIN)
    # A link-stage check, kept with the posts it reads: it only reports, never withholds.
    connect(signals.all_generators_finalized, check_post_copies, plugin=PLUGIN)
