"""What the pages are made from, as digests: the site's (for every page) and each page's own.

A page is made from its template (the templates, code and settings are the build's
fingerprint), its place (its file and ``localsiteurl``) and the site. The *site digest*
describes the site as what it is made from: the values in the generators' contexts, with
each content object, topic and edition met there described by identity, and once by
what it holds. An article is described as it was read (:mod:`read_notes`, before
the tags and topics are linked): what linking adds (topics, related coverage,
neighbours, hub timelines, editions) is made from that, with the topics' definitions,
the settings and the code, so it is left out (:mod:`parallel_write.page_roles` names
such fields of the topics and editions).

What no other page shows of an article is its body. An article's page shows it (and a
page's page), so a page's key adds the body digest of each content object among its own
variables (Pelican's ``article``, ``page``); the site digest holds an article's body only
when its summary is made from it (no ``summary`` in its metadata), since lists show that
summary. An edit to an article's text alone thus gives one page a new key, its own;
an edit to anything other pages show (a headline, a date, a topic, a section's excerpt)
changes the site digest, and every page is rendered again.

The rules pages keep for this (the theme's templates and the plugins do): a template
shows the body (``content``) only of the content objects among its page's own
variables, and what a plugin adds to articles after they are read is made from what
they held as read.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Iterable, Mapping
from typing import Any

from pelican.contents import Content, Static

from content_lists import ARTICLE_LISTS
from parallel_write.describe import Describer, UndescribableError, combined
from pelican_compat.bodies import BODY_FIELD, CONTEXT_FIELD, held_body

__all__ = [
    "BODY_FIELDS",
    "HELD_AS_READ",
    "SiteState",
    "body_digest",
    "content_held",
    "read_articles",
]

logger = logging.getLogger(__name__)

# Where a content object holds its body: Pelican's text, or the digest article_bodies
# leaves when it moves the text to disk.
BODY_FIELDS = (BODY_FIELD, "_content_digest")
# What an article held once read (read_notes), kept on it.
HELD_AS_READ = "_site_state_held"
# Not what pages are made from: the settings (in the fingerprint), the context (described
# as a whole), this module's own note.
_NOT_HELD = frozenset({"settings", CONTEXT_FIELD, HELD_AS_READ})
# Changes from page to page (a page's key has it).
_PER_PAGE = frozenset({"localsiteurl", "output_file"})
_ABSENT: Any = object()
# Pelican's maps from a source file to its content: looked up, never listed, and filled in
# an order that depends on a set's (static files linked from the articles).
_LOOKUP_TABLES = frozenset({"generated_content", "static_content"})
# Pelican's list of static files to copy: made from a set (its order is a process's own).
_UNORDERED_LISTS = frozenset({"staticfiles"})


def body_digest(content: Any) -> bytes | None:
    """A digest of ``content``'s body (``b"-"``: a static file, which has none; None: its
    body is somewhere this module cannot see)."""
    fields = vars(content)
    body = held_body(content)
    if body is not None:
        return hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    digest = fields.get("_content_digest")
    if isinstance(digest, bytes):
        return digest
    return b"-" if isinstance(content, Static) else None


def held_fields(obj: Any, derived: tuple[str, ...] = ()) -> dict[str, Any]:
    """What ``obj`` holds that pages are made from (its body aside), without the fields
    named in ``derived``."""
    if hasattr(obj, "__dict__"):
        fields = {
            name: value
            for name, value in vars(obj).items()
            if name not in _NOT_HELD and not callable(value)
        }
    else:  # a dataclass with slots
        fields = {field.name: getattr(obj, field.name) for field in dataclasses.fields(obj)}
    for name in derived:
        fields.pop(name, None)
    return fields


def content_held(obj: Any, describer: Describer) -> bytes:
    """A digest of what the content object ``obj`` holds; its body only when other pages
    show it (its summary is made from it)."""
    fields = held_fields(obj)
    for name in BODY_FIELDS:
        fields.pop(name, None)
    metadata = fields.get("metadata")
    if isinstance(metadata, Mapping):
        # Pelican makes most metadata attributes too: the very same value, described once.
        for name in [name for name, value in fields.items() if metadata.get(name) is value]:
            fields[name] = "(metadata)"
    if not isinstance(metadata, Mapping) or "summary" not in metadata:
        # Its summary, which lists show, is made from its body.
        body = body_digest(obj)
        if body is None:
            raise UndescribableError(f"the body of {vars(obj).get('source_path')}")
        fields["(body)"] = body
    names = sorted(fields)
    return describer.digest((names, [fields[name] for name in names]))


def read_articles(generator: Any) -> list[Any]:
    """The articles of an ArticlesGenerator at ``article_generator_pretaxonomy``: what
    :func:`content_held` describes as read (:mod:`parallel_write.read_notes`).

    Everything linking adds later (topics, related coverage, neighbours...) is made from
    what the articles hold as read, with the topics' definitions, the settings and the
    code: the site digest holds those, and need not describe what is made from them.
    """
    return [article for name in ARTICLE_LISTS for article in getattr(generator, name, None) or ()]


class SiteState:
    """The site digest of a build, and the key of each of its pages."""

    def __init__(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.describer = Describer()
        # Per shared snapshot of variables (by id, kept alive): its content-valued names.
        self._content_names: dict[int, tuple[Any, list[str]]] = {}

    def site_digest(
        self, contexts: Iterable[Mapping[str, Any]], settings: Mapping[str, Any]
    ) -> bytes | None:
        """One digest of everything ``contexts`` hold; None if something in them cannot
        be described (then no page is reused)."""
        try:
            return self._site_digest(contexts, settings)
        except UndescribableError as why:
            logger.debug("pages are all rendered: %s", why)
        return None

    def _site_digest(
        self, contexts: Iterable[Mapping[str, Any]], settings: Mapping[str, Any]
    ) -> bytes:
        describer = self.describer
        parts: list[bytes] = [self.fingerprint.encode()]
        for context in contexts:
            # By name: templates look names up (the order they were set in is a build's own).
            for name, value in sorted(context.items()):
                if name in _PER_PAGE or settings.get(name, _ABSENT) is value:
                    continue  # a setting as it is (the fingerprint has it)
                described = value
                if name in _LOOKUP_TABLES and isinstance(value, Mapping):
                    described = sorted(value.items())
                elif name in _UNORDERED_LISTS and isinstance(value, list):
                    described = sorted(value, key=lambda item: str(vars(item).get("source_path")))
                parts += (name.encode(), describer.digest(described))
        # Every keyed object met (describing one may meet more), by what it holds.
        held: set[Any] = set()
        while len(held) < len(describer.registry):
            for key in sorted(set(describer.registry) - held):
                held.add(key)
                parts += ("\0".join(key).encode(), self._holds(describer.registry[key]))
        return combined(parts)

    def _holds(self, obj: Any) -> bytes:
        if isinstance(obj, Content):
            noted = vars(obj).get(HELD_AS_READ)
            return noted if isinstance(noted, bytes) else content_held(obj, self.describer)
        derived = self.describer.roles.derived(type(obj))
        return self.describer.digest(sorted(held_fields(obj, derived).items()))

    def page_key(
        self, site: bytes, template: str, relative: str, localsiteurl: str, job: Any
    ) -> bytes | None:
        """The key of the page ``job`` (its file at ``relative`` in the site); None: it
        shows a body this module cannot see, and is always rendered."""
        parts = [site, template.encode(), relative.encode(), localsiteurl.encode()]
        for name in self._content_names_of(job):
            value = job.lookup(name)
            if isinstance(value, Content) and job.context.get(name, _ABSENT) is not value:
                body = body_digest(value)
                if body is None:
                    return None
                parts += (name.encode(), body)
        return combined(parts)

    def _content_names_of(self, job: Any) -> list[str]:
        """The names of ``job``'s variables that may be content objects."""
        names = [name for name, value in job.localcontext.items() if isinstance(value, Content)]
        shared = job.shared
        if shared is None:
            return names
        known = self._content_names.get(id(shared))
        if known is None:
            found = [name for name, value in shared.items() if isinstance(value, Content)]
            known = self._content_names[id(shared)] = (shared, found)
        return names + [name for name in known[1] if name not in job.localcontext]
