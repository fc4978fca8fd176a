"""``{attach}`` links resolved in the build process before any page is rendered.

Pelican moves a static file linked with ``{attach}`` next to the article or page that links
it when it renders that one's body (``Static.attach_to``), and copies the static files once
every page is written. A page rendered in a forked worker, or linked from the last build
without rendering, left that move undone in the build: the file was copied to its own place
while the page linked it beside itself. So each body that may hold such a link is rendered
once in the build before the pages are (the moved files' places are then part of the site
digest, too).
"""

from __future__ import annotations

from typing import Any

from pelican.contents import Content, Static

from build_state import build_of
from pelican_compat.bodies import held_body

__all__ = ["note_attach_links", "resolve_attachments"]

# Where the build keeps its contents whose body may hold an {attach} link (build_state).
_PENDING = "parallel_write.attach_links"


def note_attach_links(content: Any) -> None:
    """``content_object_init`` receiver: remember a body that may hold an {attach} link."""
    if not isinstance(content, Content) or isinstance(content, Static):
        return
    settings = content.settings
    body = held_body(content)
    # Every form of the link names it ({attach}, |attach|): a cheap test, read as made.
    if body is None or "attach" not in body:
        return
    pending: list[Any] = build_of(settings).state(_PENDING, list)
    pending.append(content)


def resolve_attachments(settings: Any) -> None:
    """Render, here, each body of the build with ``settings`` that may hold an {attach} link."""
    for content in build_of(settings).drop(_PENDING) or ():
        content.get_content(content.get_siteurl())
