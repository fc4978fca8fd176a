"""Make front-matter text safe to print anywhere.

Titles, datelines, key points, tags and authors are written by editors (or imported
from other sites) and printed by many templates, some of which escape them (``|e``)
and some of which print them as they are, as Pelican's own themes do (Pelican treats
a title as HTML). So before Pelican builds an article from its metadata, each such
value that contains a character with a meaning in HTML (``< > " &``) becomes a
``markupsafe.Markup`` of safe HTML: a few inline tags without attributes (``<em>``,
``<b>``, ``<code>`` ...) are kept, everything else is removed by nh3 (script and style
with their contents), and text is escaped, quotes included. Printed raw it runs
nothing, even inside an attribute; ``|e`` leaves it as it is (no double escaping);
``|striptags`` gives the text back (which templates then escape with ``|e``).
Values without those characters are left exactly as written.

Pelican makes a title's slug from its text (its slugify strips tags and unescapes), so
slugs of ordinary titles do not change; a script's text no longer ends up in a URL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import nh3
from markupsafe import Markup
from pelican.urlwrappers import URLWrapper

# The fields that are text to show (data fields such as URLs are the owning plugin's).
TEXT_FIELDS = frozenset({"title", "subtitle", "dateline", "key_points", "tags", "authors"})
# One search, not a set of every value's characters (35,000 values at 5,000 articles).
_HAS_HTML_CHARACTER = re.compile(r'[<>"&]').search
# Inline formatting a headline may carry; no attributes, so no quotes inside tags.
INLINE_TAGS = frozenset({"b", "strong", "i", "em", "code", "sub", "sup", "small", "mark", "s"})


def plain_text(value: str) -> str:
    """``'<b onclick=x>Hi</b> & "you"'`` -> ``Markup('<b>Hi</b> &amp; &#34;you&#34;')``."""
    if isinstance(value, Markup) or not _HAS_HTML_CHARACTER(value):
        return value
    cleaned = nh3.clean(value, tags=set(INLINE_TAGS), attributes={}, strip_comments=True)
    return Markup(cleaned.replace('"', "&#34;").strip())


def _plain(value: Any, settings: Mapping[str, Any]) -> Any:
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, list):
        return [_plain(item, settings) for item in value]
    if isinstance(value, URLWrapper):
        name = value.name
        plain = plain_text(name)
        return value if plain is name else type(value)(plain, settings)
    return value


def make_metadata_plain(sender: Any, metadata: dict[str, Any] | None = None) -> None:
    """``article_generator_context``/``page_generator_context`` receiver (edits in place)."""
    if metadata is None:
        return
    settings: Mapping[str, Any] = getattr(sender, "settings", {})
    for key in TEXT_FIELDS & metadata.keys():
        metadata[key] = _plain(metadata[key], settings)
