"""The site's full-text search index: Pagefind, offline, in shards under ``<site>/pagefind/``.

The indexer is the binary that the ``pagefind`` Python package ships (no download, no
network). It reads the written HTML: pages marked ``data-pagefind-body`` (articles, topic
hubs) are indexed, with the headline, date and topics that templates expose through
``data-pagefind-meta``. The search page's script loads the bundles from the same origin.

The index is split into shards, each a complete Pagefind bundle of its own:

* one per publication quarter of the articles (``2024/02/05/slug/index.html`` is in
  ``2024-q1``), and
* ``pages`` for every other indexed page (topic hubs, anything else with
  ``data-pagefind-body``).

Each shard is indexed by its own Pagefind run, one after another, so the memory Pagefind
needs is about one shard's, not the whole site's. ``pagefind/shards.json`` lists the shard
bundles; the browser loads the first and merges the others (Pagefind's ``mergeIndex``).

A shard whose pages are byte for byte those of a shard in the cache is not indexed again:
Pagefind's output is a deterministic function of its input pages, its version and its
options, all of which the shard's fingerprint covers. The cache is only read while
building; ``SearchIndex.remember`` writes it once the new site is in place, so a failed
build leaves it as it was.

Finding each page's digest reads every page of the site. A page that is still the very file
of the last build (an unchanged page is a hard link to it: same device, inode, size and
modification time as recorded by ``remember`` in ``digests.json``) keeps its recorded
digest without being read again: files are never written in place, so a file with the
same identity has the same bytes. Any other page is read and hashed.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import logging
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

BUNDLE_DIR = "pagefind"
MANIFEST = "shards.json"
# Every indexed page that is not an article.
OTHER_SHARD = "pages"
# Left out of the index: what assistive technology skips is decoration (the "#" of the
# section links), and would otherwise show up in result titles and excerpts.
EXCLUDE_SELECTORS = "[aria-hidden='true']"
# Raised whenever the way shards are made or stored changes, so older cache entries are
# never taken for current ones.
CACHE_FORMAT = 1
# In a cache entry: the fingerprint and the bundle's files, written last (see remember).
ENTRY_FILE = "entry.json"
# In the cache folder: every page of the last build, by path: its file's identity and digest.
DIGESTS_FILE = "digests.json"

# An article's page, as ARTICLE_SAVE_AS writes it: YYYY/MM/DD/slug/index.html.
_ARTICLE_PAGE = re.compile(r"^(?P<year>\d{4})/(?P<month>0[1-9]|1[0-2])/[^/]+/[^/]+/index\.html$")
# Pagefind indexes only the pages with this attribute once any page has it. A page that
# merely mentions the word is included too: harmless, Pagefind decides on the markup, and
# the fingerprint covers every page Pagefind is shown.
_INDEXED_MARK = re.compile(rb"data-pagefind-body", re.IGNORECASE)

log = logging.getLogger(__name__)


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message names the shard and what Pagefind said."""


# Indexes the pages under the site folder ``pages`` (those matching ``glob``, relative to it,
# when given; else all) into the bundle folder ``bundle``; raises SearchIndexError. A
# parameter of build_search_index so tests can count the runs.
Runner = Callable[[Path, Path, str | None], None]


@dataclass(frozen=True)
class Shard:
    """One shard of the index: its pages (relative to the site), fingerprint and origin."""

    name: str
    pages: tuple[str, ...]
    fingerprint: str
    reused: bool


# A file as the digest memo knows it: (device, inode, size, modification time in ns).
Identity = tuple[int, int, int, int]


@dataclass(frozen=True)
class PageDigest:
    """One page as read by this build: its file's identity and sha256 (None: not indexed)."""

    identity: Identity
    digest: str | None


@dataclass(frozen=True)
class SearchIndex:
    """The sharded index just built into ``site``/pagefind/, and the cache it may update."""

    shards: tuple[Shard, ...]
    cache: Path | None
    # Every HTML page of the site (relative path) as this build found it.
    pages: Mapping[str, PageDigest] = field(default_factory=dict)

    def remember(self, site: Path, *, restamped: bool = False) -> None:
        """Keep this build's shard bundles (now under ``site``) as the cache's entries.

        Called once the build has succeeded and its output is in place. Files are hard-linked
        (copied across file systems); each entry appears with one rename, complete. Shards
        this build does not have, and older entries of its shards, are removed. The cache
        only saves time, so a failure to write it is logged, not raised. ``restamped``: the
        site's modification times were set since it was indexed (SOURCE_DATE_EPOCH), so the
        pages' identities are taken again.
        """
        if self.cache is None:
            return
        try:
            if os.path.lexists(self.cache) and not self.cache.is_dir():
                self.cache.unlink()  # a damaged cache: made again
            self.cache.mkdir(parents=True, exist_ok=True)
            for shard in self.shards:
                _store_entry(site / BUNDLE_DIR / shard.name, self.cache / shard.name, shard)
            current = {shard.name for shard in self.shards}
            for folder in sorted(self.cache.iterdir()):
                if (
                    folder.name not in current
                    and not folder.name.startswith(".")
                    and folder.is_dir()
                ):
                    shutil.rmtree(folder, ignore_errors=True)
            _store_digests(site, self.pages, self.cache / DIGESTS_FILE, restamped)
        except OSError as error:
            log.warning("search index cache %s not updated: %s", self.cache, error)


def shard_name(page: str) -> str:
    """The shard of a page, given its path relative to the site (``/``-separated)."""
    article = _ARTICLE_PAGE.match(page)
    if article is None:
        return OTHER_SHARD
    quarter = (int(article["month"]) - 1) // 3 + 1
    return f"{article['year']}-q{quarter}"


def _identity(status: os.stat_result) -> Identity:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def _html_files(folder: str, prefix: str, found: list[tuple[str, os.DirEntry[str]]]) -> None:
    """Add every ``*.html`` entry under ``folder`` (not following links to folders), with its
    path relative to the site (``prefix`` + name), leaving out the bundle folder."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if prefix or entry.name != BUNDLE_DIR:
                    _html_files(entry.path, f"{prefix}{entry.name}/", found)
            elif entry.name.endswith(".html"):
                found.append((prefix + entry.name, entry))


def read_pages(site: Path, known: Mapping[str, PageDigest] | None = None) -> dict[str, PageDigest]:
    """Every HTML page of ``site`` with its digest (None when Pagefind would not index it).

    A page whose file has the identity ``known`` records for its path (the last build's very
    file, linked into this one) keeps the known digest; every other page is read and hashed.
    """
    known = known or {}
    found: list[tuple[str, os.DirEntry[str]]] = []
    _html_files(str(site), "", found)
    pages: dict[str, PageDigest] = {}
    for page, entry in sorted(found, key=lambda item: item[0]):
        try:
            status = entry.stat()
        except FileNotFoundError:  # a dangling symbolic link: no page
            continue
        if not stat.S_ISREG(status.st_mode):
            continue
        identity = _identity(status)
        memo = known.get(page)
        if memo is not None and memo.identity == identity:
            pages[page] = memo
            continue
        data = (site / page).read_bytes()
        digest = hashlib.sha256(data).hexdigest() if _INDEXED_MARK.search(data) else None
        pages[page] = PageDigest(identity, digest)
    return pages


def assign_shards(
    site: Path, pages: Mapping[str, PageDigest] | None = None
) -> dict[str, dict[str, str]]:
    """Every page Pagefind would index, by shard: {shard: {page: sha256 of its bytes}}.

    ``pages`` is what read_pages found in ``site`` (read here when not given).
    """
    if pages is None:
        pages = read_pages(site)
    shards: dict[str, dict[str, str]] = {}
    for page, found in pages.items():
        if found.digest is not None:
            shards.setdefault(shard_name(page), {})[page] = found.digest
    return shards


def load_digests(file: Path) -> dict[str, PageDigest]:
    """The pages ``remember`` recorded in ``file``; nothing if it is missing or malformed."""
    try:
        recorded = json.loads(file.read_text(encoding="utf-8"))
        if recorded.get("format") != CACHE_FORMAT:
            return {}
        known: dict[str, PageDigest] = {}
        for page, (device, inode, size, mtime, digest) in recorded["pages"].items():
            identity = (int(device), int(inode), int(size), int(mtime))
            known[str(page)] = PageDigest(identity, None if digest is None else str(digest))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return known


def _store_digests(
    site: Path, pages: Mapping[str, PageDigest], file: Path, restamped: bool
) -> None:
    """Record the pages now in ``site`` with their files' identities (replaced atomically).

    The files are those read (moving the site renames its folder, never a file, and no file
    is written in place), so the identities read_pages found still hold, unless the site was
    restamped: then each page is looked at again, and recorded only if its file is still
    the one that was read (same device, inode and size), with its new modification time.
    """
    recorded: dict[str, list[object]] = {}
    for page, found in pages.items():
        if not restamped:
            recorded[page] = [*found.identity, found.digest]
            continue
        try:
            status = (site / page).stat()
        except OSError:
            continue
        now = _identity(status)
        if now[:3] == found.identity[:3]:
            recorded[page] = [*now, found.digest]
    staging = file.with_name(f".{file.name}.{os.getpid()}")
    try:
        staging.write_text(
            json.dumps({"format": CACHE_FORMAT, "pages": recorded}, separators=(",", ":")),
            encoding="utf-8",
        )
        staging.replace(file)
    finally:
        staging.unlink(missing_ok=True)


def _options() -> list[str]:
    """The indexing options every shard gets (part of each fingerprint)."""
    return ["--exclude-selectors", EXCLUDE_SELECTORS]


def pagefind_version() -> str:
    """The installed Pagefind (the binary's package, else the Python API's)."""
    for package in ("pagefind_bin", "pagefind"):
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    raise SearchIndexError(
        "Pagefind is not installed: run `make html` (it installs requirements.txt)"
    )


def fingerprint(pages: dict[str, str], version: str) -> str:
    """What a shard's bundle depends on: its pages' paths and bytes, Pagefind and options."""
    digest = hashlib.sha256()
    header = {"format": CACHE_FORMAT, "pagefind": version, "options": _options()}
    digest.update(json.dumps(header, sort_keys=True).encode() + b"\n")
    for page in sorted(pages):
        digest.update(f"{pages[page]} {page}\n".encode())
    return digest.hexdigest()


def _pagefind_binary() -> list[str]:
    """The command that starts Pagefind: its binary, found as ``python -m pagefind`` finds it
    (``PAGEFIND_BINARY_PATH``, then the installed binary packages, then ``PATH``), and started
    directly (an interpreter started only to exec it costs about 0.15 s a shard)."""
    try:
        from pagefind.service import get_executable

        found = get_executable()
    except ImportError:
        found = None
    return [str(found)] if found is not None else [sys.executable, "-m", "pagefind"]


def run_pagefind(pages: Path, bundle: Path, glob: str | None = None) -> None:
    """Index the HTML under ``pages`` (only what ``glob`` matches, if given) into the folder
    ``bundle`` with the Pagefind binary."""
    command = [
        *_pagefind_binary(),
        "--site",
        str(pages),
        *(["--glob", glob] if glob else []),
        "--output-path",
        str(bundle),
        *_options(),
        "--quiet",
    ]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:  # the interpreter or the bundled binary cannot be started
        raise SearchIndexError(f"could not run Pagefind: {error}") from error
    said = "\n".join(part.strip() for part in (completed.stdout, completed.stderr) if part.strip())
    if completed.returncode != 0:
        raise SearchIndexError(f"Pagefind failed (exit {completed.returncode}): {said}")
    if not (bundle / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind wrote no search bundle into {bundle}: {said}")


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link (the bytes are shared, never rewritten); a copy across file systems."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _bundle_files(bundle: Path) -> list[str]:
    return sorted(
        path.relative_to(bundle).as_posix() for path in bundle.rglob("*") if path.is_file()
    )


def _reuse(entry_folder: Path, fingerprint_: str, bundle: Path) -> bool:
    """Link the cached bundle for ``fingerprint_`` into ``bundle``; False if there is none.

    The entry's file list is read first and every listed file must be there: an entry another
    build is removing at the same moment is then not used half (the shard is indexed instead).
    """
    entry = entry_folder / fingerprint_
    try:
        recorded = json.loads((entry / ENTRY_FILE).read_text(encoding="utf-8"))
        files = recorded["files"]
        if recorded.get("fingerprint") != fingerprint_ or not isinstance(files, list):
            return False
        for name in files:
            _link_or_copy(entry / str(name), bundle / str(name))
    except (OSError, ValueError, KeyError, TypeError):
        shutil.rmtree(bundle, ignore_errors=True)
        return False
    return True


def _store_entry(bundle: Path, entry_folder: Path, shard: Shard) -> None:
    """Make ``entry_folder``/<fingerprint>/ hold ``bundle`` and drop the shard's other entries."""
    entry = entry_folder / shard.fingerprint
    if not (entry / ENTRY_FILE).is_file():
        entry_folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".new-", dir=entry_folder))
        try:
            files = _bundle_files(bundle)
            for name in files:
                _link_or_copy(bundle / name, staging / name)
            recorded = {"fingerprint": shard.fingerprint, "shard": shard.name, "files": files}
            (staging / ENTRY_FILE).write_text(json.dumps(recorded, indent=1), encoding="utf-8")
            shutil.rmtree(entry, ignore_errors=True)  # an incomplete leftover
            staging.rename(entry)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            if not (entry / ENTRY_FILE).is_file():  # not made by another build meanwhile
                raise
    for old in entry_folder.iterdir():
        if old.name != shard.fingerprint and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)


def _stage(site: Path, pages: Iterable[str], folder: Path) -> None:
    """A site folder holding exactly the shard's pages (hard links), for Pagefind to read.

    Pagefind then sees only the pages the fingerprint covers; page URLs stay the same as
    they are relative to the site folder.
    """
    for page in pages:
        _link_or_copy(site / page, folder / page)


def _shard_order(names: Iterable[str]) -> list[str]:
    """Newest quarter first (the likeliest to be searched), the other pages last."""
    quarters = sorted((name for name in names if name != OTHER_SHARD), reverse=True)
    return quarters + ([OTHER_SHARD] if OTHER_SHARD in names else [])


def quarter_glob(name: str) -> str | None:
    """The Pagefind glob of exactly the article pages of quarter shard ``name`` (else None):
    ``2024-q4`` -> ``2024/{10,11,12}/*/*/index.html``, what ``_ARTICLE_PAGE`` matches."""
    year, _, quarter = name.partition("-q")
    if not (year.isdigit() and len(year) == 4 and quarter in ("1", "2", "3", "4")):
        return None
    first = (int(quarter) - 1) * 3 + 1
    months = ",".join(f"{month:02d}" for month in range(first, first + 3))
    return f"{year}/{{{months}}}/*/*/index.html"


def _page_count(bundle: Path) -> int | None:
    """How many pages Pagefind says the bundle holds (None if it cannot be read)."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(int(language["page_count"]) for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _index_in_place(site: Path, glob: str, count: int, bundle: Path, runner: Runner) -> bool:
    """Index the shard's pages where they are, selected by ``glob``; False if Pagefind did not
    find exactly ``count`` pages (then nothing is left in ``bundle``)."""
    runner(site, bundle, glob)
    if _page_count(bundle) == count:
        return True
    shutil.rmtree(bundle, ignore_errors=True)
    return False


def _make_shard(
    site: Path,
    name: str,
    pages: dict[str, str],
    *,
    version: str,
    cache: Path | None,
    staging: Path,
    runner: Runner,
    in_place: bool,
) -> Shard:
    """Take the shard's bundle from the cache, or index its pages into the site.

    ``in_place``: every page the quarter's glob can match is one of ``pages``, so Pagefind
    is pointed at the site with that glob; otherwise (and should Pagefind count other pages
    than the shard's) it gets a folder of exactly the shard's pages, linked (``_stage``).
    """
    key = fingerprint(pages, version)
    bundle = site / BUNDLE_DIR / name
    reused = cache is not None and _reuse(cache / name, key, bundle)
    glob = quarter_glob(name) if in_place else None
    if not reused:
        folder = staging / name
        try:
            if glob is None or not _index_in_place(site, glob, len(pages), bundle, runner):
                _stage(site, sorted(pages), folder)
                runner(folder, bundle, None)
        except (SearchIndexError, OSError) as error:
            raise SearchIndexError(f"shard {name} ({len(pages)} pages): {error}") from error
        shutil.rmtree(folder, ignore_errors=True)
    return Shard(name, tuple(sorted(pages)), key, reused)


def build_search_index(
    site: Path,
    *,
    cache: Path | None = None,
    runner: Runner | None = None,
    alongside: bool | None = None,
) -> SearchIndex:
    """Index the HTML under ``site`` into ``site``/pagefind/<shard>/ and write the manifest.

    ``cache`` is the folder of earlier builds' shard bundles (read only here). ``runner``
    indexes one shard (default: run_pagefind, looked up at call time so tests can count
    runs). ``alongside``: index the other pages' shard at the same time as the quarters
    (default: when there is more than one core). Raises SearchIndexError, naming the shard
    (the first in shard order when several failed), if Pagefind fails.
    """
    if alongside is None:
        alongside = (os.cpu_count() or 1) > 1
    runner = runner or run_pagefind
    if not site.is_dir():
        raise SearchIndexError(f"no built site at {site}")
    root = site / BUNDLE_DIR
    if root.exists():
        raise SearchIndexError(f"{root} exists already: a site is indexed once, when built")
    made: list[Shard] = []
    try:
        known = load_digests(cache / DIGESTS_FILE) if cache is not None else {}
        pages = read_pages(site, known)
        shards = assign_shards(site, pages)
        root.mkdir()
        # Next to the site, so hard links work (and ``output.*`` folders are ignored by git).
        staging = Path(tempfile.mkdtemp(prefix=site.name + ".search-", dir=site.parent))
    except OSError as error:
        raise SearchIndexError(f"cannot index {site}: {error}") from error
    version = pagefind_version() if shards else ""

    # Quarters with a page Pagefind would not index (no data-pagefind-body) are staged.
    unmarked = {shard_name(page) for page, found in pages.items() if found.digest is None}

    def make(name: str) -> Shard:
        return _make_shard(
            site,
            name,
            shards[name],
            version=version,
            cache=cache,
            staging=staging,
            runner=runner,
            in_place=name not in unmarked,
        )

    order = _shard_order(shards)
    # The other pages' shard (hubs: few pages, little memory) is made alongside the
    # quarters, which are made one after another (each needs about one shard's memory).
    side = None
    if alongside and OTHER_SHARD in shards and len(order) > 1:
        side = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        others = side.submit(make, OTHER_SHARD)
    try:
        try:
            for name in order:
                if name == OTHER_SHARD and side is not None:
                    made.append(others.result())
                else:
                    made.append(make(name))
        finally:
            if side is not None:
                side.shutdown(wait=True)
        manifest = {"shards": [f"{shard.name}/" for shard in made]}
        (root / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        raise SearchIndexError(f"cannot write the search index into {root}: {error}") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return SearchIndex(tuple(made), cache, pages)
