"""The one sanitising policy for HTML that did not come from our own renderer.

The reader's raw HTML, imported web pages and the text of embedded posts all pass
through :func:`sanitise`, so there is exactly one allow-list to review. It is an
allow-list (nh3, i.e. the ammonia crate): anything not named here is dropped.
"""

from html_policy.policy import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    EXTERNAL_REL,
    URL_SCHEMES,
    is_external,
    sanitise,
)

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "EXTERNAL_REL",
    "URL_SCHEMES",
    "is_external",
    "sanitise",
]
