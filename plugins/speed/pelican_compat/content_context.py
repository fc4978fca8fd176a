"""strict_build's read of a content object's private ``_context`` (not a patch).

Why: strict_build checks where a source will be written once everything is read, in
one pass over a ledger kept in the build's context (``plugins/link/strict_build``,
``locations.py``); a content object reaches that context only through Pelican's private
``_context``, which ``get_siteurl`` reads and no public method returns.
Touches: ``Content._context`` (read). Written against Pelican 4.12.0. Not switched off
on another version: when the context cannot be read (None) strict_build checks the
source at once, the same checks and messages. Gain: none measured on its own; the
deferred checks run on the values frozen_urls computes once (commit d13ac87).
"""

from __future__ import annotations

from typing import Any

__all__ = ["context_of"]


def context_of(content: Any) -> dict[str, Any] | None:
    """The build context ``content`` was made with, or None when it cannot be read."""
    context = getattr(content, "_context", None)
    return context if isinstance(context, dict) else None
