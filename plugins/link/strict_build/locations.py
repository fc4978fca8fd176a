"""Refuse slugs, save_as and url values that could write or link somewhere unexpected.

An explicit ``slug`` becomes part of a URL as written, so it must be plain ASCII
letters, digits, ``-``, ``_`` and ``.`` (no path separators, no look-alike letters
from other scripts, no invisible or direction-override characters that make a URL
read differently from where it goes). ``save_as`` and ``url`` must stay inside the
site: relative, no ``..``, no backslashes or control characters, nothing that would
end the HTML attribute they are printed into (quotes, ``<``, ``>``, spaces), no folder or
file name longer than file systems allow (255 bytes); and when either is given in the
front matter, the ``url`` must lead to the ``save_as`` (else every link to the page is
broken). ``lang`` must be a well-formed BCP 47 language tag (``en``, ``pt-BR``,
``zh-Hant-TW``): it is printed into ``lang=""`` attributes and, for a translation,
becomes part of the output file name.
"""

from __future__ import annotations

import logging
import posixpath
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from pelican.contents import Content, Static

from content_errors import FrontMatterError
from markdown_reader import slugify
from pelican_compat.content_context import context_of
from strict_build.ledger import LEDGER_KEY
from strict_build.source_paths import display_path, metadata_line

logger = logging.getLogger(__name__)

# The build's context key of the contents read, waiting for their location check.
_READ_KEY = "STRICT_BUILD_READ"

_SAFE_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_DRIVE = re.compile(r"^[A-Za-z]:")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# What would end (or break out of) the attribute a URL is printed into.
_ATTRIBUTE_BREAKING = re.compile(r"[\"'<>`\s]")
# RFC 5646's langtag (well-formed, not checked against the registry), or a private-use
# tag; the grandfathered irregular tags ("i-klingon") are not accepted.
_BCP47 = re.compile(
    r"""
    (?:
      (?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})  # language, extlang
      (?:-[a-z]{4})?                                       # script
      (?:-(?:[a-z]{2}|[0-9]{3}))?                          # region
      (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*             # variants
      (?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*                  # extensions
      (?:-x(?:-[a-z0-9]{1,8})+)?                           # private use
    |
      x(?:-[a-z0-9]{1,8})+
    )
    """,
    re.ASCII | re.IGNORECASE | re.VERBOSE,
)


def is_language_tag(value: str) -> bool:
    """Whether ``value`` is a well-formed BCP 47 tag: ``pt-BR`` yes, ``en"x`` no."""
    return _BCP47.fullmatch(value) is not None


# The longest file or folder name most file systems allow (NAME_MAX), in bytes.
NAME_MAX = 255


def _describe_characters(value: str) -> str:
    """Name the characters that make ``value`` unsafe, for the message."""
    odd = []
    for char in value:
        if char in "/\\":
            odd.append(f"path separator {char!r}")
        elif ord(char) > 127 or unicodedata.category(char) in {"Cc", "Cf", "Zs"}:
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            odd.append(f"U+{ord(char):04X} {name}")
    unique = list(dict.fromkeys(odd))
    return ", ".join(unique[:3]) or "characters outside a-z, 0-9, '-', '_' and '.'"


def _slug_problem(slug: str) -> str | None:
    if _SAFE_SLUG.match(slug) and ".." not in slug:
        if len(slug.encode("utf-8")) > NAME_MAX:
            return f"slug is {len(slug.encode('utf-8'))} bytes long; file systems allow {NAME_MAX}"
        return None
    return f"slug {slug!r} is not a plain URL segment: it contains {_describe_characters(slug)}"


def _invisible(value: str) -> bool:
    """Whether ``value`` has a control or format character (Unicode categories Cc, Cf)."""
    if value.isascii():
        # ASCII has no Cf character, and its Cc ones are exactly the unprintable ones.
        return not value.isprintable()
    return any(unicodedata.category(ch) in {"Cc", "Cf"} for ch in value)


def _plainly_inside(value: str) -> bool:
    """A shortcut for :func:`_path_problem`'s every test at once: no leading separator, no
    ``:`` (drive or scheme), no backslash, printable ASCII, no ``..`` anywhere (normpath
    makes no ``..`` component that is not written)."""
    return (
        not value.startswith("/")
        and ":" not in value
        and "\\" not in value
        and ".." not in value
        and value.isascii()
        and value.isprintable()
        and not _ATTRIBUTE_BREAKING.search(value)
    )


def _too_long(key: str, value: str) -> str | None:
    for segment in value.split("/"):
        size = len(segment.encode("utf-8"))
        if size > NAME_MAX:
            return (
                f"{key} has a folder or file name of {size} bytes ({segment[:40]!r}...);"
                f" file systems allow {NAME_MAX}"
            )
    return None


def _path_problem(key: str, value: str) -> str | None:
    if not value:
        return None
    if _plainly_inside(value):
        return _too_long(key, value)
    if value.startswith(("/", "\\")) or _DRIVE.match(value):
        return f"{key} {value!r} is an absolute path"
    if _SCHEME.match(value):
        return f"{key} {value!r} starts with a URL scheme"
    if "\\" in value or _invisible(value):
        return f"{key} {value!r} contains backslashes or invisible characters"
    breaking = _ATTRIBUTE_BREAKING.search(value)
    if breaking:
        return (
            f"{key} {value!r} contains {breaking.group()!r}, which would end the HTML"
            " attribute it is printed into"
        )
    if ".." in posixpath.normpath(value).split("/") or ".." in value.split("/"):
        return f"{key} {value!r} climbs out of its folder with '..'"
    return _too_long(key, value)


def _file_of_url(url: str) -> str:
    """The file a link to ``url`` opens on a static host (a folder's index.html)."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    return posixpath.normpath(path + "index.html" if path.endswith("/") or not path else path)


def url_mismatch_errors(contents: Iterable[Content]) -> list[FrontMatterError]:
    """Contents whose front matter gives a ``save_as`` or ``url`` without the other to
    match: every link to the page would lead where it is not."""
    return [error for content in contents if (error := _url_problem(content))]


def _url_problem(content: Content) -> FrontMatterError | None:
    """A ``save_as`` or ``url`` given in the front matter without the other to match."""
    given = [key for key in ("save_as", "url") if key in content.metadata]
    if not given:
        return None
    save_as, url = str(content.save_as or ""), str(content.url or "")
    if not save_as or _file_of_url(url) == posixpath.normpath(save_as):
        return None
    suggestion = save_as.removesuffix("index.html")
    if given == ["save_as"]:
        problem = f"has save_as {save_as!r} but no url: links to it would go to {url!r}"
        hint = f"add url: {suggestion}"
    else:
        problem = f"has url {url!r}, which does not lead to its save_as {save_as!r}"
        hint = f"set url: {suggestion}" + ("" if "save_as" in given else " or a save_as to match")
    line = metadata_line(content.source_path, given[-1])
    return FrontMatterError(
        display_path(content.source_path, content.settings), problem, line=line, hint=hint
    )


def location_errors(content: Content) -> list[FrontMatterError]:
    """The problems with where ``content`` would be written or linked, if any."""
    if isinstance(content, Static) or not getattr(content, "source_path", None):
        return []
    errors = []
    lang = content.metadata.get("lang")
    if lang is not None and not is_language_tag(str(lang)):
        errors.append(
            FrontMatterError(
                display_path(content.source_path, content.settings),
                f"lang {str(lang)!r} is not a BCP 47 language tag",
                line=metadata_line(content.source_path, "lang"),
                hint="write a language tag such as en, fr or pt-BR",
            )
        )
        return errors  # the url and save_as of a translation are made from it
    if not getattr(content, "slug", None):
        return errors  # no title to make a slug from: reported as a missing title
    slug = content.metadata.get("slug")
    if isinstance(slug, str):
        problem = _slug_problem(slug)
        if problem:
            suggestion = slugify(slug.replace("/", " "))[:60] or "a-plain-slug"
            errors.append(
                FrontMatterError(
                    display_path(content.source_path, content.settings),
                    problem,
                    line=metadata_line(content.source_path, "slug"),
                    hint=(
                        f"use a shorter slug, e.g. slug: {suggestion}"
                        if "bytes long" in problem
                        else f"use ASCII letters, digits and hyphens, e.g. slug: {suggestion}"
                    ),
                )
            )
            return errors  # save_as and url are made from the slug: one message is enough
    for key in ("save_as", "url"):
        try:
            value = str(getattr(content, key) or "")
        except Exception:  # a missing date or title: Pelican reports that itself
            continue
        problem = _path_problem(key, value)
        if problem and not any("bytes" in str(error) for error in errors):  # one is enough
            errors.append(
                FrontMatterError(
                    display_path(content.source_path, content.settings),
                    problem,
                    line=metadata_line(content.source_path, key)
                    or metadata_line(content.source_path, "slug")
                    or metadata_line(content.source_path, "title"),
                    hint=(
                        f"give it a shorter slug, e.g. slug: {str(content.slug)[:60].rstrip('-')}"
                        if "bytes" in problem
                        else "give a path inside the site, e.g. 2026/01/example/index.html"
                    ),
                )
            )
    return errors


def report_unsafe_location(content: Content) -> None:
    """``content_object_init`` receiver: have ``content``'s location checked once it is final.

    In a build with the source ledger (strict_build's), ``content`` is noted in the
    build's context and :func:`checked_locations` checks it once everything is read, with
    the ``save_as`` and ``url`` Pelican then writes it with (frozen_urls computes them
    once for the checks, the JSON-LD and the page); that also covers a source Pelican
    then refuses ("would be written outside output path"), which our message replaces.
    Without the ledger, nothing would check it later: it is checked now.
    """
    if not isinstance(content, Content):
        return
    context = context_of(content)
    if context is not None and LEDGER_KEY in context:
        context.setdefault(_READ_KEY, []).append(content)
        return
    for error in location_errors(content):
        logger.error("%s", error)


def checked_locations(
    context: dict[str, Any], contents: Iterable[Content]
) -> dict[int, list[FrontMatterError]]:
    """Check every content :func:`report_unsafe_location` noted, in reading order, then
    any of ``contents`` it did not (one served from Pelican's cache is never initialised);
    log each problem and return them by ``id()`` of the content (those with problems)."""
    noted: list[Content] = context.pop(_READ_KEY, [])
    seen = {id(content) for content in noted}
    problems = {}
    for content in [*noted, *(c for c in contents if id(c) not in seen)]:
        errors = location_errors(content)
        for error in errors:
            logger.error("%s", error)
        if errors:
            problems[id(content)] = errors
    return problems
