"""Build the editions once every article is read, and write their pages and index."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from editions.grouping import build_editions
from editions.model import EDITIONS_INDEX_SAVE_AS, EDITIONS_INDEX_URL

__all__ = ["EditionsGenerator"]


class EditionsGenerator(Generator):  # type: ignore[misc]  # Pelican is untyped
    """Puts ``editions`` (newest first) in the context; writes one page per day and an index."""

    def generate_context(self) -> None:
        # Runs after the articles generator, so topic plugins have tagged the articles.
        zone = ZoneInfo(self.settings.get("TIMEZONE") or "UTC")
        articles = self.context.get("articles") or []
        editions = build_editions(articles, zone)
        self.context["editions"] = editions
        # The archives find each day's edition here: filtering the list for every day
        # of every archives page grew with the square of the archive.
        self.context["editions_by_day"] = {edition.date: edition for edition in editions}
        self.context["EDITIONS_INDEX_URL"] = EDITIONS_INDEX_URL

    def planned_outputs(self) -> dict[str, str]:
        """The files :meth:`generate_output` writes: path in the site -> what it is."""
        editions = self.context.get("editions") or []
        planned = {edition.save_as: f"the edition of {edition.date}" for edition in editions}
        if editions:
            planned[EDITIONS_INDEX_SAVE_AS] = "the editions index"
        return planned

    def generate_output(self, writer: Any) -> None:
        editions = self.context["editions"]
        relative = self.settings.get("RELATIVE_URLS", False)
        page = self.get_template("editions/edition")
        for edition in editions:
            writer.write_file(
                edition.save_as, page, self.context, relative, url=edition.url, edition=edition
            )
        if editions:
            writer.write_file(
                EDITIONS_INDEX_SAVE_AS,
                self.get_template("editions/index"),
                self.context,
                relative,
                url=EDITIONS_INDEX_URL,
                editions_index=True,
            )
