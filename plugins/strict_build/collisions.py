"""Find sources that would be written to the same output file.

Pelican warns about some of these and crashes on others ("Failed to overwrite"),
without saying which sources are involved. Here each collision is one error naming
every source involved, reported before anything is written.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from content_errors import ContentError
from strict_build.source_paths import display_path, metadata_line


@dataclass(frozen=True)
class Collision:
    output: str
    kept: Any  # the content that keeps the output file (first by source path)
    others: tuple[Any, ...]  # the contents that would overwrite it
    site_page: str | None = None  # set when a page the site generates is involved


def _output_name(save_as: str) -> str:
    return posixpath.normpath(save_as.replace("\\", "/")).lstrip("/")


def site_pages(settings: Mapping[str, Any], tag_slugs: Iterable[str]) -> dict[str, str]:
    """The output files of the site's own pages (index, archives, tags): name -> what."""
    pages: dict[str, str] = {}
    for name in settings.get("DIRECT_TEMPLATES", []):
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if save_as:
            pages[_output_name(save_as)] = f"the site's {name} page"
    tag_save_as = settings.get("TAG_SAVE_AS", "")
    for slug in tag_slugs:
        if tag_save_as:
            pages[_output_name(tag_save_as.format(slug=slug))] = f"the page of the tag {slug!r}"
    return pages


def find_collisions(contents: Iterable[Any], reserved: Mapping[str, str]) -> list[Collision]:
    """Group ``contents`` by output file; each group of two or more is a collision."""
    by_output: dict[str, list[Any]] = {}
    for content in contents:
        save_as = getattr(content, "save_as", "")
        if save_as:
            by_output.setdefault(_output_name(str(save_as)), []).append(content)
    collisions = []
    # Only groups of two or more, or on a reserved name, are collisions (sorted then:
    # sorting every article's group of one costs more than the check).
    involved = [(o, g) for o, g in by_output.items() if len(g) > 1 or o in reserved]
    for output, group in sorted(involved):
        group.sort(key=lambda c: str(c.source_path))
        if output in reserved:
            collisions.append(Collision(output, None, tuple(group), reserved[output]))
        else:
            collisions.append(Collision(output, group[0], tuple(group[1:])))
    return collisions


def duplicate_slug_errors(
    contents: Iterable[Any], settings: Mapping[str, Any], already: set[str]
) -> list[ContentError]:
    """Articles of one language sharing a slug (Pelican would take them for translations).

    Sources in ``already`` (reported as collisions) get no second message.
    """
    groups: dict[tuple[str, str], list[Any]] = {}
    for content in contents:
        key = (str(getattr(content, "slug", "")), str(getattr(content, "lang", "")))
        groups.setdefault(key, []).append(content)
    errors = []
    shared = [(key, group) for key, group in groups.items() if len(group) > 1 and key[0]]
    for (slug, _), group in sorted(shared):
        first = min(group, key=lambda c: display_path(c.source_path, settings))
        first_path = display_path(first.source_path, settings)
        for content in group:
            path = display_path(content.source_path, settings)
            if content is first or path in already:
                continue
            errors.append(
                ContentError(
                    path,
                    f"has the slug {slug!r}, as does {first_path}",
                    line=metadata_line(content.source_path, "slug"),
                    hint="give each article its own slug",
                )
            )
    return errors


def collision_errors(collision: Collision, settings: Mapping[str, Any]) -> list[ContentError]:
    """One error per source that must change, naming the others involved."""
    errors = []
    involved = [c for c in (collision.kept, *collision.others) if c is not None]
    for content in collision.others:
        path = display_path(content.source_path, settings)
        rivals = [display_path(c.source_path, settings) for c in involved if c is not content]
        if collision.site_page:
            rivals.append(collision.site_page)
        line = metadata_line(content.source_path, "save_as") or metadata_line(
            content.source_path, "slug"
        )
        errors.append(
            ContentError(
                path,
                f"would be written to {collision.output}, as would {' and '.join(rivals)}",
                line=line,
                hint="give one of them a different slug or save_as",
            )
        )
    return errors
