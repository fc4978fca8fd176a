"""Find sources that would be written to the same output file, or in its way.

Pelican warns about some of these, crashes on others ("Failed to overwrite"), and lets
the rest overwrite a page, a feed or a theme file without a word. Here each collision
is one error naming every source involved and the site's own file (see own_outputs),
reported before anything is written. Names are compared ignoring case: ``Report`` and
``report`` are one file on macOS's and Windows' file systems. Static files are held to
the same rule: one written where another static file, a site page or a theme file is
(own_outputs notes these) is an error naming both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pelican.contents import Content

from content_errors import ContentError
from strict_build.own_outputs import OwnOutputs, output_name
from strict_build.source_paths import display_path, metadata_line


@dataclass(frozen=True)
class Collision:
    output: str
    kept: Content  # the content that keeps the output file (first by source path)
    others: tuple[Content, ...]  # the contents that would overwrite it
    site_page: str | None = None  # set when a file the site writes itself is involved


def _save_as(content: Content) -> str:
    save_as = getattr(content, "save_as", "")
    return output_name(str(save_as)) if save_as else ""


def find_collisions(contents: Iterable[Content], own: OwnOutputs) -> list[Collision]:
    """Group ``contents`` by output file, ignoring case (one file on the hosts that do,
    macOS's and Windows' file systems); a group of two or more, or one on a file the
    site writes itself, is a collision."""
    by_output: dict[str, list[Content]] = {}
    for content in contents:
        name = _save_as(content)
        if name:
            by_output.setdefault(name.casefold(), []).append(content)
    reserved = {name.casefold(): (name, what) for name, what in own.files.items()}
    collisions = []
    # Only groups of two or more, or on a reserved name, are collisions (sorted then:
    # sorting every article's group of one costs more than the check).
    involved = [(o, g) for o, g in by_output.items() if len(g) > 1 or o in reserved]
    for key, group in sorted(involved):
        group.sort(key=lambda c: str(c.source_path))
        if key in reserved:
            name, what = reserved[key]
            collisions.append(Collision(name, None, tuple(group), what))
        else:
            collisions.append(Collision(_save_as(group[0]), group[0], tuple(group[1:])))
    return collisions


def static_clash_errors(own: OwnOutputs) -> list[ContentError]:
    """One error per static file written where another own file is (``own.clashes``)."""
    errors = []
    for clash in own.clashes:
        # Only the case differs: one file on the hosts that ignore case.
        case = (
            f" to {clash.other_output} (the same file where case is ignored)"
            if clash.output != clash.other_output
            else ""
        )
        errors.append(
            ContentError(
                clash.source,
                f"would be written to {clash.output}, as would {clash.other}{case}",
                hint="rename or move one of them, or give it another path in"
                " EXTRA_PATH_METADATA in pelicanconf.py",
            )
        )
    return errors


def _ancestors(name: str) -> list[str]:
    parts = name.split("/")
    return ["/".join(parts[:end]) for end in range(1, len(parts))]


def folder_conflicts(
    contents: Iterable[Content], own: OwnOutputs, settings: Mapping[str, object]
) -> tuple[list[ContentError], set[int]]:
    """Sources written where the site needs a folder, inside a file, or inside a folder
    that is written whole after Pelican (the search index); and their ``id()``."""
    contents = list(contents)
    files = {name.casefold(): what for name, what in own.files.items()}
    for content in contents:
        name = _save_as(content)
        if name:
            files.setdefault(name.casefold(), display_path(content.source_path, settings))
    # Each folder the site's own files need -> one file that needs it (for the message);
    # a source inside another source's file is reported once, by the check after this.
    folders: dict[str, tuple[str, str]] = {}
    for name, what in own.files.items():
        for folder in _ancestors(name):
            folders.setdefault(folder.casefold(), (name, what))
    errors, ids = [], set()
    for content in contents:
        name = _save_as(content)
        if not name:
            continue
        path = display_path(content.source_path, settings)
        problem = None
        for folder, what in own.folders.items():
            if name.casefold() == folder.casefold() or name.casefold().startswith(
                folder.casefold() + "/"
            ):
                problem = f"would be written to {name}, inside {folder}/, the folder of {what}"
                break
        if problem is None and name.casefold() in folders:
            needed, what = folders[name.casefold()]
            problem = (
                f"would be written to {name}, where the site needs a folder for {needed} ({what})"
            )
        if problem is None:
            for folder in _ancestors(name):
                if folder.casefold() in files:
                    problem = (
                        f"would be written to {name}, inside {folder}, which is a file:"
                        f" {files[folder.casefold()]}"
                    )
                    break
        if problem:
            ids.add(id(content))
            errors.append(
                ContentError(
                    path,
                    problem,
                    line=metadata_line(content.source_path, "save_as")
                    or metadata_line(content.source_path, "slug"),
                    hint="give it a different slug or save_as",
                )
            )
    return errors, ids


def duplicate_slug_errors(
    contents: Iterable[Content], settings: Mapping[str, object], already: set[str]
) -> list[ContentError]:
    """Articles of one language sharing a slug (Pelican would take them for translations).

    Sources in ``already`` (reported as collisions) get no second message.
    """
    groups: dict[tuple[str, str], list[Content]] = {}
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


def collision_errors(collision: Collision, settings: Mapping[str, object]) -> list[ContentError]:
    """One error per source that must change, naming the others involved."""
    errors = []
    involved = [c for c in (collision.kept, *collision.others) if c is not None]
    for content in collision.others:
        path = display_path(content.source_path, settings)
        rivals = [display_path(c.source_path, settings) for c in involved if c is not content]
        if collision.site_page:  # the site's own file first: no source can move it
            rivals.insert(0, collision.site_page)
        own = _save_as(content)
        # Only the case differs: one file on the hosts that ignore case.
        case = f" to {collision.output} (the same file where case is ignored)"
        line = metadata_line(content.source_path, "save_as") or metadata_line(
            content.source_path, "slug"
        )
        errors.append(
            ContentError(
                path,
                f"would be written to {own}, as would {' and '.join(rivals)}"
                + (case if own != collision.output else ""),
                line=line,
                hint="give one of them a different slug or save_as",
            )
        )
    return errors


def _plain_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def shared_tag_page_errors(
    contents: Iterable[Content], settings: Mapping[str, object]
) -> list[ContentError]:
    """Tags written differently (not just in case or spacing) that get one page.

    Pelican takes tags with the same slug for one tag: "Gaza" and "gaza" rightly share
    a page, "C++" and "C" would not be meant to. The first file (by path) to use a
    spelling keeps it; every file using another spelling of the slug gets an error.
    """
    first: dict[str, dict[str, tuple[str, str]]] = {}  # slug -> plain name -> (name, file)
    uses: list[tuple[str, str, str, Content]] = []
    for content in sorted(contents, key=lambda c: str(c.source_path)):
        for tag in getattr(content, "tags", None) or []:
            slug = str(getattr(tag, "slug", "") or "")
            if not slug:
                continue
            name = str(tag.name)
            spellings = first.setdefault(slug, {})
            spellings.setdefault(_plain_name(name), (name, str(content.source_path)))
            uses.append((slug, name, str(content.source_path), content))
    errors = []
    reported: set[tuple[str, str]] = set()
    for slug, name, source, _content in uses:
        spellings = first[slug]
        if len(spellings) < 2:
            continue
        kept_name, kept_source = next(iter(spellings.values()))
        if _plain_name(name) == _plain_name(kept_name) or (source, name) in reported:
            continue
        reported.add((source, name))
        errors.append(
            ContentError(
                display_path(source, settings),
                f"tag {name!r} would share the page of the tag {kept_name!r}"
                f" ({display_path(kept_source, settings)}): both make the slug {slug!r}",
                line=metadata_line(source, "tags"),
                hint=f"write it as {kept_name!r} if it is the same tag; if not, give one"
                " a distinct name, or add a rule to TAG_REGEX_SUBSTITUTIONS in pelicanconf.py",
            )
        )
    return errors
