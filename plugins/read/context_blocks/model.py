"""A context block as data: what a context file holds, checked, and its card."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

__all__ = ["KINDS", "ContextBlock"]

# Each kind and the label its card shows; each has its own template
# (templates/context_blocks/<kind>.html) and styles.
KINDS: dict[str, str] = {
    "qa": "Q&A",
    "guide": "Quick guide",
    "profile": "Profile",
    "timeline": "Timeline",
}


@dataclass(frozen=True)
class ContextBlock:
    """One explainer from ``content/context/<slug>.md``.

    ``reviewed`` is the moment the text was last checked (a date alone counts from the
    start of that day in the site's ``TIMEZONE``): an article showing the block is
    updated then, if that is later than its own dates. ``path`` (absolute) and ``digest``
    (of the bytes read) say which file, as it was, the card was made from.
    """

    slug: str
    title: str
    kind: str
    reviewed: dt.datetime
    reviewed_iso: str  # as the <time datetime> attribute gives it: 2026-01-25
    body_html: Markup
    source_path: str  # as messages show it: content/context/<slug>.md
    path: str
    digest: str
    card_html: Markup = field(default=Markup(""), compare=False)

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def title_id(self) -> str:
        """The id of the card's title, which names the card (``aria-labelledby``)."""
        return f"context-{self.slug}"

    @property
    def reviewed_label(self) -> str:
        """House style for the day: ``25 January 2026``."""
        return f"{self.reviewed.day} {self.reviewed:%B %Y}"
