"""Reuse the pages of the last build whose reads have not changed (``PAGE_REUSE = True``).

A build records, for every page it renders, what the rendering read (``reads``) and the
size of the file; the record is kept in the cache folder, named after the output
folder it describes (its device and inode: the temporary folder a build writes becomes
the output folder by a rename, so a record describes exactly one output folder, and a
failed build's record describes none). The next build, given the last output folder
(``LAST_OUTPUT_PATH``, set by scripts/build.py), checks each page before rendering it:
same template, same code and settings (the fingerprint), same ``localsiteurl``, the old
file still there with its size, and every read giving the same digest now. Such a page
is hard-linked from the last output into the new one: not rendered, not rewritten.
A page that is rendered but comes out byte for byte as before is linked too.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.contents import Content

from parallel_write.reads import ContentKey, Describer, ReadKey, combined, content_key
from unchanged_output import previous_file

__all__ = ["PageRecord", "Reuse"]

logger = logging.getLogger(__name__)
MANIFEST_VERSION = 2
KEEP_MANIFESTS = 2
# A page variable that is not there (None is a value a page may have).
_ABSENT: Any = object()
_CONTEXT_LISTS = ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages")


@dataclass
class PageRecord:
    """What one page's rendering read, and the file it made."""

    template: str
    localsiteurl: Any
    # What it read, in order, and one digest of all that the reads gave.
    reads: tuple[ReadKey, ...]
    digest: bytes
    size: int


def _folder_id(folder: str | os.PathLike[str]) -> str:
    stat = os.stat(folder)
    return f"{stat.st_dev}-{stat.st_ino}"


class Reuse:
    """The last build's page records, and the checks that decide which pages to reuse."""

    def __init__(self, settings: Any, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.cache = Path(settings["CACHE_PATH"]) / "pages"
        self.output = str(settings["OUTPUT_PATH"])
        last = settings.get("LAST_OUTPUT_PATH")
        self.last_output: str | None = str(last) if last and os.path.isdir(str(last)) else None
        self.records: dict[str, PageRecord] = {}
        self.describer = Describer()
        self._digests: dict[tuple[ReadKey, Any], bytes | None] = {}
        if self.last_output is not None:
            self.records = self._load(self.cache / (_folder_id(self.last_output) + ".pickle"))

    def _load(self, path: Path) -> dict[str, PageRecord]:
        try:
            with path.open("rb") as handle:
                data = pickle.load(handle)
        except FileNotFoundError:
            return {}
        except Exception as error:  # a damaged record: render every page
            logger.debug("page records %s unreadable: %s", path, error)
            return {}
        if (
            not isinstance(data, dict)
            or data.get("version") != MANIFEST_VERSION
            or data.get("fingerprint") != self.fingerprint
        ):
            return {}
        records: dict[str, PageRecord] = data["pages"]
        return records

    def relative(self, path: str) -> str:
        return os.path.relpath(path, self.output)

    def register(self, contexts: Iterable[dict[str, Any]]) -> None:
        """Know every article and page of the site by key (the reads name them so)."""
        registry = self.describer.registry
        for context in contexts:
            for name in _CONTEXT_LISTS:
                for content in context.get(name) or ():
                    for item in (content, *(getattr(content, "translations", None) or ())):
                        if isinstance(item, Content):
                            try:
                                registry.setdefault(content_key(item), item)
                            except Exception:  # no source file: unnamed
                                continue

    def reusable(self, relative: str, template: str, localsiteurl: Any, job: Any) -> bool:
        """True when the last build's file for ``relative`` is what rendering would make."""
        record = self.records.get(relative)
        if record is None:
            logger.debug("page reuse: %s is rendered again: no record of it", relative)
            return False
        if record.template != template or record.localsiteurl != localsiteurl:
            logger.debug("page reuse: %s is rendered again: another template", relative)
            return False
        previous = previous_file(self.last_output, relative)
        if previous is None or os.path.getsize(previous) != record.size:
            logger.debug("page reuse: %s is rendered again: its last file changed", relative)
            return False
        digests = (self._digest_now(key, localsiteurl, job) or b"?" for key in record.reads)
        if combined(digests) != record.digest:
            logger.debug("page reuse: %s is rendered again: what it reads changed", relative)
            return False
        return True

    def _digest_now(self, key: ReadKey, localsiteurl: Any, job: Any) -> bytes | None:
        if key[0] == "ctx":
            name = key[1]
            value = job.lookup(name, _ABSENT)
            if value is _ABSENT:
                if name not in job.template.globals:
                    return b"-"  # as the recording noted a name the context did not have
                value = job.template.globals[name]
            try:
                return self.describer.digest(value)
            except Exception:  # not describable now: not the same read
                return None
        memo_key = (key, localsiteurl)
        if memo_key in self._digests:
            return self._digests[memo_key]
        digest = self._attribute_digest(key[1], key[2])
        self._digests[memo_key] = digest
        return digest

    def _attribute_digest(self, owner: ContentKey, name: str) -> bytes | None:
        content = self.describer.registry.get(owner)
        if content is None:
            return None
        try:
            return self.describer.digest(getattr(content, name))
        except Exception:  # it raised or cannot be described: render
            return None

    def save(self, records: dict[str, PageRecord]) -> None:
        """Keep ``records`` for the build that will reuse this one's output folder."""
        self.cache.mkdir(parents=True, exist_ok=True)
        target = self.cache / (_folder_id(self.output) + ".pickle")
        data = {
            "version": MANIFEST_VERSION,
            "fingerprint": self.fingerprint,
            "pages": records,
        }
        handle, name = tempfile.mkstemp(prefix=target.name + ".", dir=self.cache)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(data, stream, pickle.HIGHEST_PROTOCOL)
            os.replace(name, target)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        kept = sorted(self.cache.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in kept[KEEP_MANIFESTS:]:
            if stale != target:
                stale.unlink(missing_ok=True)
