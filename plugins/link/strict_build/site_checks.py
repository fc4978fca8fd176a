"""Run every whole-site check once all sources are read, before anything is written.

Problems are logged as ContentErrors (the build collects and lists them together).
Sources that would write outside their place, or over another source's page, are
taken out of the generators' lists, so Pelican never writes them.
"""

from __future__ import annotations

import fnmatch
import html
import logging
import os
import re
from collections.abc import Container, Mapping
from typing import Any

from pelican.contents import Article, Content, SkipStub
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator

from content_errors import ContentError
from content_lists import content_lists
from strict_build.collisions import (
    collision_errors,
    duplicate_slug_errors,
    find_collisions,
    folder_conflicts,
    shared_tag_page_errors,
    static_clash_errors,
)
from strict_build.content_files import ContentFolder, FileCount, account_for_files
from strict_build.ledger import SourceLedger
from strict_build.links import forget_link_records, link_errors
from strict_build.locations import checked_locations, url_mismatch_errors
from strict_build.own_outputs import OwnOutputs, own_outputs
from strict_build.source_paths import display_path, metadata_line

logger = logging.getLogger(__name__)

_STATUS_GROUPS = (
    ("articles", "translations"),
    ("hidden_articles", "hidden_translations"),
    ("drafts", "drafts_translations"),
    ("pages", "translations"),
    ("hidden_pages", "hidden_translations"),
    ("draft_pages", "draft_translations"),
)
# Editors' backup and lock files are not sources (dotfiles are ignored by Pelican).
_EDITOR_FILES = ("*~", "#*#")
# fnmatch's own patterns, compiled once (fnmatch.fnmatch = normcase + this match).
_EDITOR_FILE = re.compile("|".join(fnmatch.translate(pattern) for pattern in _EDITOR_FILES))


def _unread_file_error(relative: str, settings: Mapping[str, object], path: str) -> ContentError:
    folder = os.path.dirname(relative) or "."
    extension = os.path.splitext(relative)[1] or "no extension"
    return ContentError(
        display_path(os.path.join(path, relative), settings),
        f"is in {folder}/ but is not a format newsdigest reads ({extension})",
        hint=f"rename it to .md if it is an article or page; otherwise move it out of {folder}/",
    )


def _found_sources(
    generator: Generator, paths_key: str, excludes_key: str, context: Mapping[str, Any]
) -> tuple[dict[str, str], list[ContentError]]:
    """Every file in the generator's folders: absolute path -> its path relative to the
    content folder (the key Pelican records it under); errors for unreadable ones."""
    settings = generator.settings
    static: Mapping[str, Any] = context.get("static_content", {})
    sources: dict[str, str] = {}
    errors = []
    files = generator.get_files(
        settings[paths_key], exclude=settings[excludes_key], extensions=False
    )
    root = str(settings["PATH"])
    # get_files gives paths relative to the generator's folder; when that is the content
    # folder (absolute, as Pelican makes it), the relative path needs no relpath.
    same_root = generator.path == root and os.path.isabs(root) and os.path.normpath(root) == root
    templates = _template_page_sources(settings)
    for relative in sorted(files):
        name = os.path.basename(relative)
        if _EDITOR_FILE.match(name):  # normcase changes neither "~" nor "#"
            continue
        if relative.replace(os.sep, "/") in static:
            continue
        source = os.path.normpath(os.path.join(generator.path, relative))
        extension = os.path.splitext(name)[1][1:]
        key = os.path.normpath(relative)
        if not same_root or key.startswith("..") or os.path.isabs(key):
            key = os.path.relpath(source, root)  # outside the folder walked: as Pelican does
        key = key.replace(os.sep, "/")
        readable = extension in generator.readers.extensions
        if key in templates:
            if readable:  # Pelican reads it as an article or page as well
                errors.append(_template_page_error(key, settings, root))
            else:
                continue  # a template, written by Pelican's TemplatePagesGenerator
        elif not readable:
            errors.append(_unread_file_error(relative, settings, generator.path))
        sources[source] = key
    return sources, errors


def _held_back(content: Content) -> bool:
    """Unpublished content, which the draft settings may keep out of the site on purpose
    (publishconf.py): the ledger counts it as a draft or hidden, not as lost."""
    status = getattr(content, "status", None)
    return status == "draft" or (status == "hidden" and isinstance(content, Article))


def _template_page_sources(settings: Mapping[str, Any]) -> set[str]:
    """``TEMPLATE_PAGES`` sources, as paths relative to the content folder."""
    pages = settings.get("TEMPLATE_PAGES") or {}
    return {os.path.normpath(str(source)).replace(os.sep, "/") for source in pages}


def _template_page_error(relative: str, settings: Mapping[str, object], path: str) -> ContentError:
    folder = os.path.dirname(relative) or "."
    return ContentError(
        display_path(os.path.join(path, relative), settings),
        f"is a TEMPLATE_PAGES template, but in {folder}/ it is read as an article or page too",
        hint=f"move it out of {folder}/, to content/templates/ say, and change its"
        " TEMPLATE_PAGES entry",
    )


def _silent_drop_errors(
    sources: Mapping[str, str],
    generated: Mapping[str, Content],
    settings: Mapping[str, object],
    extensions: set[str],
) -> list[ContentError]:
    """Sources Pelican would pass over without a word: status 'skip', empty save_as.

    ``sources``: absolute path -> path relative to the content folder."""
    errors = []
    for source in sorted(sources):
        if os.path.splitext(source)[1][1:] not in extensions:
            continue  # not a format we read: reported by _found_sources
        relative = sources[source]
        content = generated.get(relative, SkipStub)
        if content is None:
            continue  # failed, with its error already logged
        if content is SkipStub:  # Pelican records every source it read, except these
            errors.append(
                ContentError(
                    display_path(source, settings),
                    "has status 'skip', so it is left out of the site without a trace",
                    line=metadata_line(source, "status"),
                    hint="use status: draft or hidden to keep it off the lists",
                )
            )
        elif not getattr(content, "save_as", None) and not _held_back(content):
            errors.append(
                ContentError(
                    display_path(source, settings),
                    "has an empty save_as, so no page is written for it",
                    line=metadata_line(source, "save_as"),
                    hint="remove save_as, or use status: draft or hidden",
                )
            )
    return errors


def _name_errors(contents: list[Content], settings: Mapping[str, object]) -> list[ContentError]:
    """Tags and authors that make no URL (Pelican warns without naming the file)."""
    errors = []
    for content in contents:
        for key in ("tags", "authors"):
            for item in getattr(content, key, None) or []:
                if getattr(item, "slug", None):
                    continue
                kind = key.removesuffix("s")
                problem = (
                    "has no letters or digits to make its page's URL from"
                    if item.name
                    else "is empty once the HTML in it is removed"
                )
                errors.append(
                    ContentError(
                        display_path(content.source_path, settings),
                        f"{kind} {html.unescape(str(item.name))!r} {problem}",
                        line=metadata_line(content.source_path, key),
                        hint=f"write the {kind} as plain words",
                    )
                )
    return errors


def _placement_problems(
    contents: list[Content],
    settings: Mapping[str, object],
    readers: list[Generator],
    unsafe: Container[int],
    own: OwnOutputs,
) -> tuple[list[ContentError], set[int]]:
    """Collisions and duplicate slugs; and the contents to withhold (``unsafe``: ``id()``
    of each content with a location problem, already logged by checked_locations)."""
    remove = {id(c) for c in contents if id(c) in unsafe}
    placed = [c for c in contents if id(c) not in remove]
    problems, in_the_way = folder_conflicts(placed, own, settings)
    remove |= in_the_way
    placed = [c for c in placed if id(c) not in in_the_way]
    collided: set[str] = set()
    for collision in find_collisions(placed, own):
        problems.extend(collision_errors(collision, settings))
        remove.update(id(c) for c in collision.others)
        collided.update(
            display_path(c.source_path, settings)
            for c in (collision.kept, *collision.others)
            if c is not None
        )
    # Pelican groups each status list by slug to find translations (see _STATUS_GROUPS).
    for generator in readers:
        is_pages = isinstance(generator, PagesGenerator)
        for names in _STATUS_GROUPS[3:] if is_pages else _STATUS_GROUPS[:3]:
            group = [c for name in names for c in getattr(generator, name, []) or []]
            problems.extend(duplicate_slug_errors(group, settings, collided))
    return problems, remove


def _source_problems(
    readers: list[Generator], generated: Mapping[str, Any], settings: Mapping[str, object]
) -> tuple[set[str], list[ContentError]]:
    """Every source file found, and the ones Pelican would pass over without a word."""
    sources: dict[str, str] = {}
    problems: list[ContentError] = []
    for generator in readers:
        keys = ("ARTICLE_PATHS", "ARTICLE_EXCLUDES")
        if isinstance(generator, PagesGenerator):
            keys = ("PAGE_PATHS", "PAGE_EXCLUDES")
        found, unread = _found_sources(generator, *keys, generator.context)
        sources.update(found)
        problems.extend(unread)
    extensions = {ext for g in readers for ext in g.readers.extensions}
    problems.extend(_silent_drop_errors(sources, generated, settings, extensions))
    return set(sources), problems


def _content_folder_problems(
    ledger: SourceLedger, contents: list[Content], sources: set[str], problems: list[ContentError]
) -> tuple[set[str], set[int], FileCount]:
    """Links to outside the content folder, and files in it nothing reads (added to
    ``problems``); return those files, the ``id()`` of contents read from outside, and
    the count of every file under the content folder by kind.

    Static files from outside (through a link, or a ``{static}`` path climbing out, which
    links.py reports) are taken out of the static generator's list: never copied.
    """
    context = ledger.context
    folder = ContentFolder(ledger.settings)
    problems.extend(folder.outside_links())
    outside = {id(c) for c in contents if folder.is_outside(c.source_path)}
    staticfiles = context.get("staticfiles")
    found = [s.source_path for s in staticfiles or []]
    if isinstance(staticfiles, list):
        staticfiles[:] = [s for s in staticfiles if not folder.is_outside(s.source_path)]
    copied = [s.source_path for s in staticfiles or []]
    account = account_for_files(folder, sources, found, copied=copied)
    problems.extend(error for _, error in account.stray)
    return {path for path, _ in account.stray}, outside, account.count


def _source_paths(readers: list[Generator], names: tuple[str, ...]) -> set[str]:
    return {
        os.path.normpath(c.source_path)
        for generator in readers
        for name in names
        for c in getattr(generator, name, [])
    }


def check_site(generators: list[Generator]) -> None:
    """``all_generators_finalized`` receiver: the checks, then the ledger's expectations."""
    ledger = next((g for g in generators if isinstance(g, SourceLedger)), None)
    if ledger is None:
        return
    settings = ledger.settings
    readers = [g for g in generators if isinstance(g, ArticlesGenerator | PagesGenerator)]
    lists = [items for generator in readers for items in content_lists(generator)]
    contents = [content for items in lists for content in items]
    generated: Mapping[str, Content] = ledger.context.get("generated_content", {})

    # Unsafe locations first, in reading order. With frozen_urls, save_as and url are
    # frozen by now: computed once for these checks, the JSON-LD and the written page.
    unsafe = checked_locations(ledger.context, contents)
    own = own_outputs(generators, ledger.context, settings)
    problems, remove = _placement_problems(contents, settings, readers, unsafe, own)
    problems.extend(static_clash_errors(own))
    problems.extend(_name_errors(contents, settings))
    problems.extend(shared_tag_page_errors(contents, settings))
    placed = [c for c in contents if id(c) not in remove]
    problems.extend(url_mismatch_errors(placed))
    problems.extend(link_errors(placed, ledger.context, settings))
    sources, found_problems = _source_problems(readers, generated, settings)
    problems.extend(found_problems)
    stray, outside, files = _content_folder_problems(ledger, contents, sources, problems)
    remove |= outside
    for problem in problems:
        logger.error("%s", problem)
    forget_link_records(contents)

    # Withheld from writing: Pelican would write them outside their place or over another.
    for items in lists:
        items[:] = [c for c in items if id(c) not in remove]
    for generator in readers:
        if isinstance(generator, ArticlesGenerator):
            generator.dates[:] = [c for c in generator.dates if id(c) not in remove]

    root = str(settings["PATH"])
    failed = {
        os.path.normpath(os.path.join(root, rel)) for rel, obj in generated.items() if obj is None
    }
    ledger.expect(
        sources | stray,
        drafts=_source_paths(
            readers, ("drafts", "drafts_translations", "draft_pages", "draft_translations")
        ),
        hidden=_source_paths(readers, ("hidden_articles", "hidden_pages", "hidden_translations")),
        failed=failed
        | stray
        | {os.path.normpath(c.source_path) for c in contents if id(c) in remove},
        files=files,
    )
