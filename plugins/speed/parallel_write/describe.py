"""Digests of the values pages are made from: the same in every build for the same values.

A value is pickled (in C, without a memo, so that which equal values are one object does
not matter) and the pickle hashed. What the pickle would get wrong is taken care of:

* a content object (article, page, static file) and a keyed object (a topic by its slug,
  an edition by its day: :mod:`parallel_write.page_roles`) stand for themselves by
  identity; each one met is registered, so that the caller describes what it holds once
  (:mod:`parallel_write.site_state`);
* Pelican's tags, categories and authors by their class, name and slug;
* a build's bookkeeping, never shown on a page (``page_roles``), is described by its
  class alone;
* a ``line`` entry in a dict is where something is in its source file, for messages: it
  is left out (an edit above it moves it, and no page shows it), and sets are sorted.

A value that cannot be pickled raises ``UndescribableError``: no page is reused then.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from parallel_write.page_roles import FEATURE_ROLES, PageRoles

__all__ = ["ContentKey", "Describer", "UndescribableError", "combined", "content_key", "is_keyed"]

# ("Article", "/abs/path/x.md"): an article or page, the same object in every build.
ContentKey = tuple[str, str]
DIGEST_SIZE = 16
# The key of a dict's entry that is a line number in a source file (a section's, a
# key-points box's...): left out of every digest.
SOURCE_POSITION = "line"


class UndescribableError(Exception):
    """A value that cannot be described: pages made from it are always rendered."""


def content_key(obj: object, roles: PageRoles = FEATURE_ROLES) -> ContentKey:
    """The identity of an article or page (its source file) or of a keyed object."""
    if isinstance(obj, Content):
        source = vars(obj).get("source_path")
        if not isinstance(source, str):
            raise UndescribableError(f"a {type(obj).__name__} without a source file")
        return (type(obj).__name__, source)
    kind = type(obj)
    return (f"{kind.__module__}.{kind.__qualname__}", str(getattr(obj, roles.keyed[kind].key)))


def is_keyed(obj: object, roles: PageRoles = FEATURE_ROLES) -> bool:
    return isinstance(obj, Content) or type(obj) in roles.keyed


_CONTAINERS = frozenset({dict, list, tuple, set, frozenset})


def _plain(value: Any) -> Any:
    """``value`` with the ``line`` entries of its dicts left out and its sets sorted (only
    through lists, tuples, dicts and sets: what objects hold is pickled as it is)."""
    kind = type(value)
    if kind is dict:
        return {
            key: _plain(item) if type(item) in _CONTAINERS else item
            for key, item in value.items()
            if key != SOURCE_POSITION or not isinstance(item, int | None)
        }
    if kind is list or kind is tuple:
        if not any(type(item) in _CONTAINERS for item in value):
            return value  # nothing to change inside: pickled as it is
        return kind([_plain(item) if type(item) in _CONTAINERS else item for item in value])
    if kind is set or kind is frozenset:
        try:
            return ("set", sorted(_plain(item) for item in value))
        except TypeError as error:  # items that do not sort: no order to rely on
            raise UndescribableError("a set of values that do not sort") from error
    return value


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, describer: Describer) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.fast = True  # no memo
        self.describer = describer

    def reducer_override(self, obj: Any) -> Any:
        # Called for every value that is not a plain str, number, list, dict...
        kind = type(obj)
        if kind is Markup:  # the commonest, by far (titles, key points, summaries)
            return (Markup, (str(obj),))
        roles = self.describer.roles
        if is_keyed(obj, roles):
            return (str, ("\0".join(self.describer.register(obj)),))
        if isinstance(obj, URLWrapper):
            return (str, (f"{kind.__qualname__}|{obj.name}|{obj.slug}",))
        if kind in roles.bookkeeping:
            return (str, (f"{kind.__module__}.{kind.__qualname__}",))
        return NotImplemented


class Describer:
    """Digests of values; the keyed objects met while describing, by key."""

    def __init__(self, roles: PageRoles = FEATURE_ROLES) -> None:
        self.roles = roles
        self.registry: dict[ContentKey, Any] = {}

    def register(self, obj: object) -> ContentKey:
        key = content_key(obj, self.roles)
        self.registry.setdefault(key, obj)
        return key

    def digest(self, value: Any) -> bytes:
        buffer = io.BytesIO()
        try:
            _Pickler(buffer, self).dump(_plain(value))
        except UndescribableError:
            raise
        except (
            pickle.PicklingError,
            TypeError,
            ValueError,
            AttributeError,
            RecursionError,
        ) as error:
            raise UndescribableError(f"{type(value).__qualname__}: {error}") from error
        return hashlib.blake2b(buffer.getbuffer(), digest_size=DIGEST_SIZE).digest()


def combined(digests: Iterable[bytes]) -> bytes:
    """One digest for a sequence of digests, in order."""
    hasher = hashlib.blake2b(digest_size=DIGEST_SIZE)
    for digest in digests:
        hasher.update(len(digest).to_bytes(4, "little"))
        hasher.update(digest)
    return hasher.digest()
