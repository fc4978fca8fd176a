"""Write the hub of every topic (``topics/<slug>/``) and the topic index (``topics/``)."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

__all__ = ["TopicsGenerator"]

INDEX_SAVE_AS = "topics/index.html"
INDEX_URL = "topics/"


class TopicsGenerator(Generator):  # type: ignore[misc]  # Pelican is untyped
    """Writes pages from data linked at ``article_generator_finalized`` (see topic_hubs)."""

    def planned_outputs(self) -> dict[str, str]:
        """The files :meth:`generate_output` writes: path in the site -> what it is."""
        topics = self.context.get("topics") or []
        planned = {
            page.save_as: f"the hub of the topic {topic.slug!r}"
            for topic in topics
            for page in topic.hub_pages
        }
        if topics:
            planned[INDEX_SAVE_AS] = "the topic index"
        return planned

    def generate_output(self, writer: Any) -> None:
        topics = self.context.get("topics") or []
        if not topics:  # no topic defined: no index either (the theme hides its link)
            return
        relative = self.settings.get("RELATIVE_URLS", False)
        hub = self.get_template("topics/topic")
        for topic in topics:
            for page in topic.hub_pages:
                writer.write_file(
                    page.save_as,
                    hub,
                    self.context,
                    relative_urls=relative,
                    url=page.url,
                    topic=topic,
                    hub_page=page,
                    page_name=f"topics/{topic.slug}",
                )
        writer.write_file(
            INDEX_SAVE_AS,
            self.get_template("topics/topics"),
            self.context,
            relative_urls=relative,
            url=INDEX_URL,
            page_name="topics",
        )
