"""Digests of the values pages are made from, the same in every build for the same values.

Values are described *by value*, all the way down: strings, numbers, dates, Markup, lists,
dicts, the dataclasses our plugins hand to templates (fields only: properties derive from
them and from code), Pelican's tags and pagination pages. A content object (an article,
a page) and an object whose class names a key field (``__page_reuse_key__``: a topic by
its slug, an edition by its day) are described by their identity alone, and met while
describing they are registered, so that the caller can describe what they hold once
(:mod:`parallel_write.site_state`). A class that is a build's bookkeeping, never shown
on a page, says so with ``__page_data__ = False`` (described by its class alone); a
``line`` entry in a dict is where something is in its source file, for messages, and is
left out (an edit above it moves it, and no page shows it). A
value of any other kind cannot be described
(``UndescribableError``): no page is reused then.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import pickle
import types
from collections.abc import Iterator
from typing import Any

from jinja2.runtime import Undefined
from jinja2.utils import missing
from markupsafe import Markup
from pelican.contents import Content
from pelican.paginator import Page as PaginationPage
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper

__all__ = ["ContentKey", "Describer", "UndescribableError", "combined", "content_key", "is_keyed"]

# ("Article", "/abs/path/x.md"): an article or page, the same object in every build.
ContentKey = tuple[str, str]
DIGEST_SIZE = 12
_SHORT = 48  # strings up to this length are kept as they are (no hashing)


class UndescribableError(Exception):
    """A value that cannot be described: pages made from it are always rendered."""


def content_key(obj: Any) -> ContentKey:
    """The identity of an article or page (its source file) or of a keyed object.

    A class names the field that identifies its objects across builds with
    ``__page_reuse_key__`` (a topic: its slug); such objects, like articles, are
    described by identity where they are met, and by what they hold once.
    """
    if isinstance(obj, Content):
        source = vars(obj).get("source_path")
        if not isinstance(source, str):
            raise UndescribableError(f"a {type(obj).__name__} without a source file")
        return (type(obj).__name__, source)
    kind = type(obj)
    return (f"{kind.__module__}.{kind.__qualname__}", str(getattr(obj, kind.__page_reuse_key__)))


def is_keyed(obj: Any) -> bool:
    return isinstance(obj, Content) or hasattr(type(obj), "__page_reuse_key__")


class Describer:
    """Digests of values; containers and dataclasses memoised by identity for a build."""

    def __init__(self) -> None:
        # id -> (the object, kept alive so that its id is not reused; its digest)
        self._memo: dict[int, tuple[Any, bytes]] = {}
        self._busy: set[int] = set()
        # Keyed objects (content, topics...) met while describing, by key.
        self.registry: dict[ContentKey, Any] = {}

    def digest(self, value: Any) -> bytes:
        kind = type(value)
        if value is missing:  # a name the context does not have
            return b"-"
        if value is None or kind is bool or kind is int or kind is float:
            return repr(value).encode()
        if kind is str:
            return self._text(b"s", value)
        if isinstance(value, Markup):
            return self._text(b"M", str(value))
        if isinstance(value, str):  # another str subclass: its class matters to Jinja
            return self._text(kind.__qualname__.encode(), str(value))
        if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
            zone = getattr(value, "tzinfo", None)
            return self._text(b"t", f"{kind.__qualname__}|{value!r}|{zone!r}")
        if isinstance(value, dt.tzinfo):
            return self._text(b"z", f"{kind.__qualname__}|{value}")
        if isinstance(value, Content) or hasattr(kind, "__page_reuse_key__"):
            key = _identity(value)
            self.registry.setdefault(key, value)
            return self._text(b"C", "\0".join(key))
        if isinstance(value, Undefined):
            return self._text(b"U", repr(object.__getattribute__(value, "_undefined_name")))
        if isinstance(value, types.MethodType):
            owner = value.__self__
            if is_keyed(owner):
                return self._text(b"m", f"{self.digest(owner).hex()}.{value.__name__}")
            raise UndescribableError(f"a method of {type(owner).__qualname__}")
        if isinstance(value, types.FunctionType | types.BuiltinFunctionType | type):
            # Code: the fingerprint covers it.
            return self._text(b"f", f"{value.__module__}.{value.__qualname__}")
        if getattr(kind, "__page_data__", True) is False:
            # A build's bookkeeping kept in the context, which no page shows.
            return self._text(b"n", f"{kind.__module__}.{kind.__qualname__}")
        found = self._memo.get(id(value))
        if found is not None:
            return found[1]
        if id(value) in self._busy:  # a cycle (a hub page's topic lists its hub pages)
            return self._text(b"c", kind.__qualname__)
        self._busy.add(id(value))
        try:
            result = self._composite(value)
        finally:
            self._busy.discard(id(value))
        self._memo[id(value)] = (value, result)
        return result

    def _text(self, tag: bytes, text: str) -> bytes:
        data = text.encode("utf-8", "surrogatepass")
        if len(data) <= _SHORT:
            return tag + b":" + data
        return tag + b"#" + hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()

    def _hash(self, tag: bytes, parts: Iterator[bytes]) -> bytes:
        hasher = hashlib.blake2b(tag, digest_size=DIGEST_SIZE)
        for part in parts:
            hasher.update(len(part).to_bytes(4, "little"))
            hasher.update(part)
        return tag + b"#" + hasher.digest()

    def _pickled(self, value: Any) -> bytes:
        """The digest of a list, dict or dataclass, made by pickling it whole (in C, in order).

        Plain values and containers inside are pickled as they are, dataclasses as their
        fields; anything else as its own digest (an article as its identity, a tag as its
        name…), so the pickle never depends on memory addresses and never reaches into an
        object it cannot describe.
        """
        buffer = io.BytesIO()
        _DigestPickler(buffer, self).dump(value)
        return b"P#" + hashlib.blake2b(buffer.getvalue(), digest_size=DIGEST_SIZE).digest()

    def _composite(self, value: Any) -> bytes:
        kind = type(value)
        if kind is list or kind is tuple or kind is dict:
            return self._pickled(value)
        if dataclasses.is_dataclass(value):
            # Fields only: a cached property's value, kept in the object, is derived.
            fields = [getattr(value, field.name) for field in dataclasses.fields(value)]
            return self._pickled((f"{kind.__module__}.{kind.__qualname__}", fields))
        if isinstance(value, list | tuple):
            return self._pickled((kind.__qualname__, list(value)))
        if isinstance(value, dict):
            return self._pickled((kind.__qualname__, dict(value)))
        if isinstance(value, set | frozenset):
            return self._hash(b"set", iter(sorted(self.digest(item) for item in value)))
        if isinstance(value, URLWrapper):
            return self._text(b"w", f"{kind.__qualname__}|{value.name}|{value.slug}")
        if isinstance(value, PaginationPage):
            # What its methods and URLs derive from (with settings, in the fingerprint).
            paginator = value.paginator
            parts = (
                self.digest(value.name),
                self.digest(value.url),
                self.digest(value.number),
                self.digest(list(value.object_list)),
                self.digest(paginator.num_pages),
                self.digest(paginator.count),
                self.digest(paginator.per_page),
            )
            return self._hash(b"pelican.Page", iter(parts))
        if isinstance(value, Paginator):
            described = (
                self.digest(value.name),
                self.digest(value.url),
                # The site's list itself (memoised), not a copy made for every page.
                self.digest(value.object_list),
                self.digest(value.per_page),
                self.digest(value.orphans),
            )
            return self._hash(b"pelican.Paginator", iter(described))
        raise UndescribableError(f"a value of type {kind.__module__}.{kind.__qualname__}")


# The key of a dict's entry that is a line number in a source file (a section's, a
# key-points box's...): left out of every digest (see _DigestPickler.persistent_id).
SOURCE_POSITION = "line"

# Pickled as they are: their pickles depend on their values only.
_NATIVE_TYPES = frozenset(
    {str, int, float, bool, type(None), bytes, list, tuple, dict, Markup}
    | {dt.datetime, dt.date, dt.time, dt.timedelta}
)


class _DigestPickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, describer: Describer) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        # No memo: the pickle must not depend on which equal values are one object (a
        # cached article and a freshly parsed one share their strings differently).
        self.fast = True
        self.describer = describer

    def persistent_id(self, obj: Any) -> Any:
        kind = type(obj)
        if kind is dict and SOURCE_POSITION in obj:
            # Where something is in its source file, for messages: no page shows it, and
            # an edit above it moves it.
            return self.describer.digest({k: v for k, v in obj.items() if k != SOURCE_POSITION})
        if kind in _NATIVE_TYPES:
            return None
        # Anything else by its own digest (a dataclass by its fields, memoised; an
        # article by its identity...).
        return self.describer.digest(obj)


def combined(digests: Iterator[bytes]) -> bytes:
    """One digest for a sequence of digests, in order."""
    hasher = hashlib.blake2b(digest_size=16)
    for digest in digests:
        hasher.update(len(digest).to_bytes(4, "little"))
        hasher.update(digest)
    return hasher.digest()


_IDENTITY = "_page_reuse_identity"


def _identity(obj: Any) -> ContentKey:
    """``content_key(obj)``, kept on the object after the first time (a private field)."""
    fields = getattr(obj, "__dict__", None)
    if fields is None:  # slots: worked out each time
        return content_key(obj)
    key: ContentKey | None = fields.get(_IDENTITY)
    if key is None:
        key = fields[_IDENTITY] = content_key(obj)
    return key
