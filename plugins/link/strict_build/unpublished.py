"""Put unpublished articles and draft pages where drafts go, whatever their front matter says.

Pelican writes a hidden article at its published address, and a draft (article or page)
with a ``save_as`` of its own there: front-matter ``save_as`` and ``url`` win over
``DRAFT_SAVE_AS`` and ``DRAFT_PAGE_SAVE_AS``. Either would then be on the published site.
Once a generator has read everything, each of these is given the draft settings expanded
as Pelican expands them (``DRAFT_[LANG_]SAVE_AS`` / ``URL`` for articles,
``DRAFT_PAGE_[LANG_]SAVE_AS`` / ``URL`` for pages): ``drafts/`` in the preview, nothing
on publish (publishconf.py sets them empty). The ledger counts each as a draft or hidden.

Hidden *pages* (404, search) are not drafts: they keep their address.

Why here and not in newsroom (which decides that an article dated after the build is a
draft): the placement needs nothing of newsroom, and "nothing unpublished is published"
is a guarantee of the strict build, which every site that wants it uses; a site without
newsroom in PLUGINS would otherwise publish its drafts with a ``save_as``. It runs on the
generators' ``*_generator_finalized`` signals, before ``all_generators_finalized``, so the
location checks and collisions see where each is really written.
"""

from __future__ import annotations

from collections.abc import Mapping

from pelican.generators import ArticlesGenerator, Generator, PagesGenerator

from plugin_use import uses_plugin

__all__ = ["place_draft_pages", "place_unpublished_articles"]

# The generators' lists of content that is not published, and the settings prefix of
# where Pelican puts drafts of that kind.
_ARTICLES = ("drafts", "drafts_translations", "hidden_articles", "hidden_translations")
_PAGES = ("draft_pages", "draft_translations")


def _place(generator: Generator, lists: tuple[str, ...], prefix: str) -> None:
    settings: Mapping[str, object] = generator.settings
    # Signals outlive a build: a site without this plugin is left as it is.
    if not uses_plugin(settings, "strict_build"):
        return
    for name in lists:
        for content in getattr(generator, name, None) or ():
            # As Content._expand_settings: the setting formatted with the url fields.
            fields = content.url_format
            lang = "" if content.in_default_lang else "LANG_"
            content.override_save_as = str(settings[f"{prefix}{lang}SAVE_AS"]).format(**fields)
            content.override_url = str(settings[f"{prefix}{lang}URL"]).format(**fields)


def place_unpublished_articles(generator: ArticlesGenerator) -> None:
    """``article_generator_finalized`` receiver: drafts and hidden articles go where
    drafts go."""
    _place(generator, _ARTICLES, "DRAFT_")


def place_draft_pages(generator: PagesGenerator) -> None:
    """``page_generator_finalized`` receiver: draft pages go where draft pages go."""
    _place(generator, _PAGES, "DRAFT_PAGE_")
