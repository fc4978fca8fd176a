"""What a parse read besides its own source file, so a cached parse is served only while
those files are unchanged.

A Markdown rule that shows another file's text in a document (``context_blocks``: a
``::: context`` block shows ``content/context/<slug>.md``) records that file, with a
digest of the bytes it read, through :func:`record`; the reader hands the record on in
the document's metadata under :data:`METADATA_KEY`. The content cache keys a parse by its
own file's bytes, so it asks :func:`unchanged` before serving one: an edit to a file the
parse read makes the document be parsed again, and only that document.

The record is bookkeeping no page shows (page reuse describes it by its class alone:
``parallel_write.page_roles``); what the read file changed on a page is in the page's
body. Not a Pelican plugin (no ``register``): a library the plugins share.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

from build_state import build_of

__all__ = ["METADATA_KEY", "ReadDependencies", "digest_of", "record", "unchanged"]

METADATA_KEY = "read_dependencies"
# This build's digests of the files asked about (a file does not change during a build).
_DIGESTS = "read_dependencies.digests"


def digest_of(data: bytes) -> str:
    """The digest a record keeps of a file's bytes."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class ReadDependencies:
    """The files a parse read, each as (absolute path, digest of the bytes read), sorted."""

    files: tuple[tuple[str, str], ...] = ()

    def adding(self, path: str, digest: str) -> ReadDependencies:
        return ReadDependencies(tuple(sorted({*self.files, (path, digest)})))


def record(env: MutableMapping[str, Any], path: str, digest: str) -> None:
    """Note in a markdown-it ``env`` that the document being parsed shows ``path``'s text
    as it was when its bytes had ``digest``."""
    metadata = env.setdefault("metadata", {})
    known = metadata.get(METADATA_KEY)
    if not isinstance(known, ReadDependencies):
        known = ReadDependencies()
    metadata[METADATA_KEY] = known.adding(path, digest)


def _current_digest(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return digest_of(handle.read())
    except OSError:  # removed (or unreadable) since: the parse is out of date
        return None


def unchanged(metadata: Mapping[str, Any], settings: Mapping[str, Any]) -> bool:
    """Whether every file the parse with this ``metadata`` read still has the bytes it read
    (True for a parse that read no other file)."""
    dependencies = metadata.get(METADATA_KEY)
    if not isinstance(dependencies, ReadDependencies):
        return True
    digests: dict[str, str | None] = build_of(settings).state(_DIGESTS, dict)
    for path, digest in dependencies.files:
        if path not in digests:
            digests[path] = _current_digest(path)
        if digests[path] != digest:
            return False
    return True
