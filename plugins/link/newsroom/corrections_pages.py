"""Write the corrections log's pages (``corrections/``) from ``newsroom/corrections.html``.

The log is made once the articles generator has read every article (this generator's
``generate_context`` runs after it), so strict_build, at ``all_generators_finalized``,
finds its pages in :meth:`CorrectionsLogGenerator.planned_outputs` and keeps every source
off them. The page is written on every site with the newsroom plugin, with or without
corrections, so the footer's link always leads somewhere.
"""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from newsroom.corrections_log import CORRECTIONS_URL, CorrectionsLog, build_log
from newsroom.settings import newsroom_settings

__all__ = ["LOG_KEY", "LOG_URL_KEY", "CorrectionsLogGenerator"]

LOG_KEY = "corrections_log"
"""Context key: the :class:`~newsroom.corrections_log.CorrectionsLog` (the feeds read it)."""
LOG_URL_KEY = "CORRECTIONS_LOG_URL"
"""Context key: the log's address (``corrections/``), for the links to it."""


class CorrectionsLogGenerator(Generator):  # type: ignore[misc]  # Pelican is untyped
    """Puts the log in the context; writes its pages."""

    def generate_context(self) -> None:
        articles = self.context.get("articles") or ()
        size = newsroom_settings(self.settings).corrections_page_size
        self.context[LOG_KEY] = build_log(articles, size)
        self.context[LOG_URL_KEY] = CORRECTIONS_URL

    def planned_outputs(self) -> dict[str, str]:
        """The files :meth:`generate_output` writes: path in the site -> what it is."""
        log: CorrectionsLog | None = self.context.get(LOG_KEY)
        if log is None:
            return {}
        return {page.save_as: f"page {page.number} of the corrections log" for page in log.pages}

    def generate_output(self, writer: Any) -> None:
        log: CorrectionsLog = self.context[LOG_KEY]
        relative = self.settings.get("RELATIVE_URLS", False)
        template = self.get_template("newsroom/corrections")
        for page in log.pages:
            writer.write_file(
                page.save_as,
                template,
                self.context,
                relative_urls=relative,
                url=page.url,
                corrections_page=page,
                page_name="corrections",
            )
