"""What a page's rendering read: the record that lets a later build reuse the page.

While a page renders, every value it gets from outside the template is noted with a
digest: the names it looks up in its context (``article``, ``SITENAME``, ``topics``…) and
every public attribute read of an article or page (``content`` object) — by the template
or by any code the template calls (a topic's excerpt reads its article's sections). Other
values are described *by value*, all the way down: lists, dicts, dates, Markup, the
dataclasses our plugins hand to templates (fields only: properties derive from them and
from code), Pelican's tags and pagination pages. A content object inside such a value is
described by its identity (class and source file) alone: what the page used of it was
noted when it was read. A page that meets a value of any other kind is not recorded, and
is always rendered again.

Given the same template code and settings (the fingerprint), a page whose reads all give
the same digests renders to the same text: that is what ``reuse`` checks, without
rendering. Used only with ``PAGE_REUSE = True``: on this project's pages, noting and
checking the reads costs about what rendering costs (README, "Performance").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import pickle
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jinja2.runtime import Context, Undefined
from jinja2.utils import missing
from markupsafe import Markup
from pelican.contents import Content
from pelican.paginator import Page as PaginationPage
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper

__all__ = [
    "ContentKey",
    "ReadKey",
    "UndescribableError",
    "combined",
    "content_key",
    "recording",
    "recording_installed",
]

# ("Article", "/abs/path/x.md"): an article or page, the same object in every build.
ContentKey = tuple[str, str]
# ("ctx", name) | ("attr", ContentKey, name)
ReadKey = tuple[Any, ...]
DIGEST_SIZE = 12
_SHORT = 48  # strings up to this length are kept as they are (no hashing)


class UndescribableError(Exception):
    """The page met a value it cannot describe: it is always rendered."""


def content_key(obj: Any) -> ContentKey:
    """The identity of an article or page (its source file) or of a keyed object.

    A class names the field that identifies its objects across builds with
    ``__page_reuse_key__`` (a topic: its slug); such objects, like articles, are
    described by identity and the attributes a page reads of them are noted one by one.
    """
    fields = object.__getattribute__(obj, "__dict__")
    if isinstance(obj, Content):
        source = fields.get("source_path")
        if not isinstance(source, str):
            raise UndescribableError(f"a {type(obj).__name__} without a source file")
        return (type(obj).__name__, source)
    kind = type(obj)
    return (f"{kind.__module__}.{kind.__qualname__}", str(fields[kind.__page_reuse_key__]))


def is_keyed(obj: Any) -> bool:
    return isinstance(obj, Content) or hasattr(type(obj), "__page_reuse_key__")


class Describer:
    """Digests of values; containers and dataclasses memoised by identity for a build."""

    def __init__(self) -> None:
        # id -> (the object, kept alive so that its id is not reused; its digest)
        self._memo: dict[int, tuple[Any, bytes]] = {}
        self._busy: set[int] = set()
        self.keys: dict[ReadKey, ReadKey] = {}
        # The last value and digest of each read (its object kept alive, as above).
        self.reads: dict[ReadKey, tuple[Any, bytes]] = {}
        # Content objects met while describing, by key (to find them again).
        self.registry: dict[ContentKey, Content] = {}

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
            if kind not in _patched and _patching:
                _patch(kind)
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
        if type(obj) in _NATIVE_TYPES:
            return None
        # Anything else by its own digest (a dataclass by its fields, memoised; an
        # article by its identity...).
        return self.describer.digest(obj)


class ReadLog:
    """The reads of one page's rendering, in the order they first happened."""

    def __init__(
        self, describer: Describer, page_context: dict[str, Any], page_globals: Any
    ) -> None:
        self.describer = describer
        self.page_context = page_context
        self.page_globals = page_globals
        self.reads: dict[ReadKey, bytes] = {}
        self.problem: str | None = None

    def note(self, key: ReadKey, value: Any, *, lasting: bool = True) -> None:
        """Note ``key`` read ``value``; ``lasting``: the value lives for the whole build."""
        if self.problem is not None or key in self.reads:
            return
        # The same read of the same object on another page: its digest is known.
        known = self.describer.reads.get(key)
        if known is not None and known[0] is value:
            self.reads[key] = known[1]
            return
        try:
            digest = self.describer.digest(value)
            # One key object per read for the whole build: the records of thousands of
            # pages share them (in memory and in the pickle that keeps them).
            key = self.describer.keys.setdefault(key, key)
            self.reads[key] = digest
            if lasting:  # a property's fresh value is not kept alive for nothing
                self.describer.reads[key] = (value, digest)
        except UndescribableError as why:
            self.problem = str(why)
        except Exception as error:  # never fails a page: it is rendered again
            self.problem = f"{type(error).__name__} while describing {key!r}"


# Settings are in the fingerprint; noting them for every page would only cost time.
_NOT_NOTED = frozenset({"settings"})

# The log of the page being rendered in this process (None: not recording).
_log: ReadLog | None = None
_describing = False
# True while a noted attribute's value is being computed (a property running).
_inside = False


_IDENTITY = "_page_reuse_identity"
_get = object.__getattribute__


def _identity(obj: Any) -> ContentKey:
    """``content_key(obj)``, kept on the object (private: never noted) after the first time."""
    fields = _get(obj, "__dict__")
    key: ContentKey | None = fields.get(_IDENTITY)
    if key is None:
        key = fields[_IDENTITY] = content_key(obj)
    return key


def _recording_getattribute(self: Any, name: str) -> Any:
    # Called for every attribute of every article while pages render: the cheap
    # tests first (most reads are Pelican's own, of private fields, or repeated).
    global _inside  # noqa: PLW0603  # one per process: no threads render
    log = _log
    if log is None or _inside or _describing or name[0] == "_" or name in _NOT_NOTED:
        return _get(self, name)
    # What a property reads to make its value is not noted: its value is, and that
    # is all the page gets from it.
    _inside = True
    try:
        value = _get(self, name)
    finally:
        _inside = False
    try:
        key = ("attr", _identity(self), name)
    except UndescribableError as why:
        log.problem = str(why)
        return value
    # A method is not a value: what a page shows of it is text the template made from
    # values it noted, or what the method reads when called (noted then).
    if key not in log.reads and not callable(value):
        _note_quietly(log, key, value, lasting=_get(self, "__dict__").get(name) is value)
    return value


def _note_quietly(log: ReadLog, key: ReadKey, value: Any, *, lasting: bool = True) -> None:
    """Note a read; what describing the value reads itself is not noted."""
    global _describing  # noqa: PLW0603  # one flag per process, no threads render
    _describing = True
    try:
        log.note(key, value, lasting=lasting)
    finally:
        _describing = False


class RecordingContext(Context):
    """Notes the names a page looks up from its own context (Pelican's), or finds missing.

    A name bound by a template (``{% set %}``, a loop variable passed to an include) is
    not noted: it derives from what was.
    """

    def resolve_or_missing(self, key: str) -> Any:
        value = super().resolve_or_missing(key)
        log = _log
        if log is not None and ("ctx", key) not in log.reads:
            given = log.page_context.get(key, missing)
            if given is missing:
                given = log.page_globals.get(key, missing)
            if value is given:
                _note_quietly(log, ("ctx", key), value)
        return value


# Classes whose attribute reads are noted, with what they had before; None: not installed.
_patched: dict[type, Any] = {}
_patching = False


def _patch(kind: type) -> None:
    _patched[kind] = kind.__dict__.get("__getattribute__")
    kind.__getattribute__ = _recording_getattribute  # type: ignore[method-assign,assignment]


@contextmanager
def recording_installed(environments: list[Any]) -> Iterator[None]:
    """Keyed objects' attribute reads and context lookups are noted while a log is active."""
    global _patching  # noqa: PLW0603
    contexts = [(env, env.__dict__.get("context_class")) for env in environments]
    _patching = True
    _patch(Content)
    for env in environments:
        env.context_class = RecordingContext
    try:
        yield
    finally:
        _patching = False
        for kind, before in _patched.items():
            if before is None:
                del kind.__getattribute__
            else:
                kind.__getattribute__ = before  # type: ignore[method-assign]
        _patched.clear()
        for env, before in contexts:
            if before is None:
                del env.context_class
            else:
                env.context_class = before


@contextmanager
def recording(
    describer: Describer, page_context: dict[str, Any], page_globals: Any
) -> Iterator[ReadLog]:
    """Note the reads of the rendering done inside (``recording_installed`` must be on)."""
    global _log  # noqa: PLW0603
    log = ReadLog(describer, page_context, page_globals)
    _log = log
    try:
        yield log
    finally:
        _log = None


def combined(digests: Iterator[bytes]) -> bytes:
    """One digest for a page's reads, in order (what its record keeps)."""
    hasher = hashlib.blake2b(digest_size=16)
    for digest in digests:
        hasher.update(len(digest).to_bytes(4, "little"))
        hasher.update(digest)
    return hasher.digest()
