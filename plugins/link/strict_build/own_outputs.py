"""The files the site writes of its own (not one source's page): places no source may take.

Collected once every generator has read its content (``all_generators_finalized``):

* Pelican's pages: the direct templates (index, tags, archives) and the tag pages, each
  with its numbered pages (Pelican's own ``Paginator``), and ``TEMPLATE_PAGES``;
* static files: the content's (``context["staticfiles"]``, ``_headers`` among them) and
  the theme's (``THEME_STATIC_PATHS``, copied under ``THEME_STATIC_DIR``);
* the other plugins' pages and files, from each generator that plans them: a generator
  with a ``planned_outputs()`` method returns ``{path in the site: what it is}`` (topic
  hubs and their index, editions, feeds, sitemaps and robots.txt);
* folders written after Pelican (``RESERVED_OUTPUT_FOLDERS``, ``{folder: what}``; the build
  script reserves the search index's ``pagefind/``): nothing may be written inside them.

A static file is the one own file a content file decides (its place in ``content/``, or
``EXTRA_PATH_METADATA``): one that would be written where another own file is (a second
static file, a site page, a theme file; case ignored) is kept in ``clashes`` for
collisions.py to report. Other own files that coincide are the site's own design.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pelican.generators import ArticlesGenerator, Generator
from pelican.paginator import Paginator

from strict_build.source_paths import display_path

__all__ = ["OwnOutputs", "StaticClash", "output_name", "own_outputs"]


def output_name(save_as: str) -> str:
    """``save_as`` as a ``/``-separated path inside the output folder."""
    return posixpath.normpath(save_as.replace("\\", "/")).lstrip("/")


@dataclass(frozen=True)
class StaticClash:
    """A static file (``source``, its display path) that would be written to ``output``,
    as would ``other`` (what that is: another static file, a site page, a theme file)."""

    source: str
    output: str
    other: str
    other_output: str


@dataclass
class OwnOutputs:
    """The site's own files (path -> what it is), the folders reserved whole, and the
    static files written where another own file is."""

    files: dict[str, str] = field(default_factory=dict)
    folders: dict[str, str] = field(default_factory=dict)
    clashes: list[StaticClash] = field(default_factory=list)
    # Case-folded name -> (name as first added, the static file's display path or "").
    _first: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)

    def add(self, save_as: str, what: str, *, static: str = "") -> None:
        """Note an own file; ``static``: the display path of the static file writing it."""
        if not save_as:
            return
        name = output_name(save_as)
        first = self._first.setdefault(name.casefold(), (name, static))
        if first == (name, static):
            self.files.setdefault(name, what)
            return
        first_name, first_static = first
        if static:
            self.clashes.append(StaticClash(static, name, self.files[first_name], first_name))
        elif first_static:  # a theme file (added after the static files) where one is
            self.clashes.append(StaticClash(first_static, first_name, what, name))
        else:
            self.files.setdefault(name, what)


def _pages(
    settings: Mapping[str, Any], template: str, save_as: str, url: str, count: int
) -> list[str]:
    """Every numbered page Pelican writes of ``template`` listing ``count`` items."""
    paginated = settings.get("PAGINATED_TEMPLATES") or {}
    per_page = None
    if template in paginated:
        per_page = paginated[template] or settings.get("DEFAULT_PAGINATION")
    paginator = Paginator(save_as, url, range(count), settings, per_page)
    return [str(paginator.page(number).save_as) for number in paginator.page_range]


def _pelican_pages(
    outputs: OwnOutputs, articles: ArticlesGenerator | None, settings: Mapping[str, Any]
) -> None:
    listed = len(articles.articles) if articles is not None else 0
    for name in settings.get("DIRECT_TEMPLATES", []):
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if not save_as:
            continue
        url = settings.get(f"{name.upper()}_URL", save_as)
        for page in _pages(settings, name, save_as, url, listed):
            outputs.add(page, f"the site's {name} page")
    if articles is None or not settings.get("TAG_SAVE_AS"):
        return
    tags = articles.tags
    pairs: Iterable[Any] = tags.items() if isinstance(tags, dict) else tags
    for tag, tagged in pairs:
        for page in _pages(settings, "tag", str(tag.save_as), str(tag.url), len(tagged)):
            outputs.add(page, f"the page of the tag {tag.slug!r}")


def _theme_files(outputs: OwnOutputs, settings: Mapping[str, Any]) -> None:
    """What StaticGenerator copies from the theme: each path's files, under the theme dir."""
    theme = str(settings.get("THEME", ""))
    target = str(settings.get("THEME_STATIC_DIR", "theme"))
    for path in settings.get("THEME_STATIC_PATHS", []):
        source = os.path.join(theme, path)
        if os.path.isfile(source):
            outputs.add(posixpath.join(target, os.path.basename(path)), f"the theme's {path}")
            continue
        for folder, _, files in os.walk(source):
            for name in files:
                relative = os.path.relpath(os.path.join(folder, name), source)
                shown = posixpath.join(path, relative.replace(os.sep, "/"))
                outputs.add(posixpath.join(target, relative), f"the theme's {shown}")


def own_outputs(
    generators: Iterable[Generator], context: Mapping[str, Any], settings: Mapping[str, Any]
) -> OwnOutputs:
    """Every file the site writes of its own; see the module docstring."""
    outputs = OwnOutputs()
    generators = list(generators)
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    _pelican_pages(outputs, articles, settings)
    for source, save_as in (settings.get("TEMPLATE_PAGES") or {}).items():
        outputs.add(str(save_as), f"the template page {source}")
    for generator in generators:
        planned = getattr(generator, "planned_outputs", None)
        if callable(planned):
            for save_as, what in planned().items():
                outputs.add(save_as, what)
    # By source path: of two static files with one output, the second is reported.
    statics = sorted(context.get("staticfiles") or [], key=lambda s: str(s.source_path))
    for static in statics:
        source = display_path(static.source_path, settings)
        # Not static.save_as: reading Static.save_as (or .url) marks the file's place as
        # referenced, and an article's {attach} link could then no longer move it beside
        # the article (Pelican warns and falls back to {filename}).
        save_as = static.get_url_setting("save_as")
        outputs.add(str(save_as or ""), f"{source} (a static file)", static=source)
    _theme_files(outputs, settings)
    for folder, what in (settings.get("RESERVED_OUTPUT_FOLDERS") or {}).items():
        outputs.folders[output_name(str(folder))] = str(what)
    return outputs
