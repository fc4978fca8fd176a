"""Account for every file under the content folder, and keep out files from outside it.

Pelican reads only the folders it is told to (``ARTICLE_PATHS``, ``PAGE_PATHS``,
``STATIC_PATHS``): a Markdown file saved in ``content/`` itself or in a new folder is
neither built nor mentioned. Here every file is either a source, a static file, a topic
file, a context file, a template page, ignored (a dotfile, an editor's backup,
``IGNORE_FILES``, a folder in ``*_EXCLUDES``), or reported by name with what to do (and
counted as a source with an error). The build prints how many of each there are, from the
same walk, so that a reader can check them against the files in the folder:

    24 files in content/ = 11 sources + 6 topic files + 5 static files + 1 template page + 1 ignored

(with "+ 2 context files" after the topic files when the site has any).

Pelican also follows symbolic links and ``{static}`` paths wherever they lead, so a link
under ``content/`` (to an image, a folder, an article) or ``{static}../../x`` would publish
a file from outside the project. A symbolic link whose target is outside the content
folder is an error naming the link; anything read or copied from outside is withheld.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from content_errors import ContentError
from plugin_use import uses_plugin
from strict_build.source_paths import display_path

__all__ = ["ContentFolder", "FileAccount", "FileCount", "account_for_files"]

# Editors' backup and lock files are not content.
_EDITOR_FILES = ("*~", "#*#")


def _ignore_rule(settings: Mapping[str, Any]) -> re.Pattern[str]:
    """IGNORE_FILES and editors' files as one expression (fnmatch's), matched against a
    file's name and its path in the content folder; dotfiles are never content."""
    patterns = [".*", *settings.get("IGNORE_FILES", []), *_EDITOR_FILES]
    return re.compile("|".join(fnmatch.translate(str(pattern)) for pattern in patterns))


class ContentFolder:
    """One walk of the content folder: its files, its symbolic links, and the files it
    ignores (every file inside an ignored folder too, so that all can be counted)."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.settings = settings
        self.root = os.path.normpath(os.path.abspath(str(settings["PATH"])))
        self.real_root = os.path.realpath(self.root)
        self.files: list[str] = []
        self.links: list[str] = []
        self.ignored: list[str] = []
        self._ignore = _ignore_rule(settings)
        self._walk()

    def _walk(self) -> None:
        # os.scandir tells links and folders apart without a system call per file (a
        # 5,000-file content folder in a few milliseconds); links are not followed: a
        # link to a folder above would loop.
        pending = [(self.root, "")]
        while pending:
            folder, relative = pending.pop()
            with os.scandir(folder) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    inside = relative + entry.name
                    if self._ignore.match(entry.name) or self._ignore.match(inside):
                        self._note_ignored(entry)
                        continue
                    if entry.is_symlink():
                        self.links.append(entry.path)
                        if not entry.is_dir():
                            self.files.append(entry.path)
                    elif entry.is_dir():
                        pending.append((entry.path, inside + "/"))
                    else:
                        self.files.append(entry.path)

    def _note_ignored(self, entry: os.DirEntry[str]) -> None:
        if not entry.is_dir(follow_symlinks=False):
            self.ignored.append(entry.path)
            return
        # An ignored folder (.git, say): its files are counted, not looked at.
        # (os.walk follows no link to a folder, and lists links to files among the files,
        # as the walk above counts them.)
        for folder, _, files in os.walk(entry.path):
            self.ignored.extend(os.path.join(folder, name) for name in files)

    def is_outside(self, path: str) -> bool:
        """Whether ``path`` (absolute, or relative to the content folder), with every
        symbolic link followed, is outside the content folder."""
        path = os.path.join(self.root, path)
        if self.links:
            real, root = os.path.realpath(path), self.real_root
        else:  # no link to follow: the written path says it (the common case, cheap)
            real, root = os.path.normpath(path), self.root
        return real != root and not real.startswith(root.rstrip(os.sep) + os.sep)

    def outside_links(self) -> list[ContentError]:
        """Every symbolic link under the content folder whose target is outside it."""
        return [
            ContentError(
                display_path(path, self.settings),
                f"is a symbolic link to {os.readlink(path)}, outside the content folder:"
                " what it points to would be published",
                hint="copy the file or folder into content/ instead of linking to it,"
                " or remove the link",
            )
            for path in self.links
            if self.is_outside(path)
        ]


def _accounted_folders(settings: Mapping[str, Any], keys: tuple[str, ...]) -> list[str]:
    root = os.path.abspath(str(settings["PATH"]))
    return [os.path.normpath(os.path.join(root, p)) for k in keys for p in settings.get(k, [])]


def _under(path: str, folders: Iterable[str]) -> bool:
    return any(path == f or path.startswith(f + os.sep) for f in folders)


def _where_to(settings: Mapping[str, Any]) -> str:
    articles = settings.get("ARTICLE_PATHS") or ["articles"]
    return f"content/{str(articles[0]).strip('/')}/"


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


@dataclass(frozen=True)
class FileCount:
    """How many files under the content folder are of each kind. ``total``: every file the
    walk met (ignored ones too), and any source or static file Pelican reached through a
    link to a folder, which the walk does not follow; each is of exactly one kind."""

    total: int
    sources: int
    topics: int
    static: int
    templates: int
    ignored: int
    context: int = 0

    def __str__(self) -> str:
        # Context files are named only on a site that has some: most have none.
        context = f" + {_plural(self.context, 'context file', 'context files')}"
        return (
            f"{_plural(self.total, 'file', 'files')} in content/"
            f" = {_plural(self.sources, 'source', 'sources')}"
            f" + {_plural(self.topics, 'topic file', 'topic files')}"
            f"{context if self.context else ''}"
            f" + {_plural(self.static, 'static file', 'static files')}"
            f" + {_plural(self.templates, 'template page', 'template pages')}"
            f" + {self.ignored} ignored"
        )


@dataclass
class FileAccount:
    """What became of every file under the content folder (see :func:`account_for_files`):
    the count, and the files nothing reads, copies or ignores (absolute path, error)."""

    count: FileCount
    stray: list[tuple[str, ContentError]] = field(default_factory=list)


def account_for_files(
    content: ContentFolder,
    known: Iterable[str],
    static: Iterable[str],
    *,
    copied: Iterable[str] = (),
) -> FileAccount:
    """Give every file the walk met one kind, in this order: a source (``known``, absolute
    paths), a static file (``static``: every one the static generator found), ignored
    (dotfiles, editors' files, IGNORE_FILES), a topic file, a context file, a
    ``TEMPLATE_PAGES`` source, ignored (in a folder excluded by ``*_EXCLUDES``); any other
    file is an error and counts as a source with an error (as the ledger counts it).
    ``copied``: the static files kept for copying, for those reached through a link to a
    folder (the walk does not follow it)."""
    settings, root = content.settings, content.root
    sources = {os.path.normpath(p) for p in known}
    statics = {os.path.normpath(p) for p in static}
    templates = {
        os.path.normpath(os.path.join(root, str(source)))
        for source in settings.get("TEMPLATE_PAGES") or {}
    }
    folders = _accounted_folders(settings, ("ARTICLE_PATHS", "PAGE_PATHS", "STATIC_PATHS"))
    # Pelican adds PAGE_PATHS to ARTICLE_EXCLUDES and back: those folders are read.
    read = set(_accounted_folders(settings, ("ARTICLE_PATHS", "PAGE_PATHS")))
    excludes = ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES")
    excluded = [f for f in _accounted_folders(settings, excludes) if f not in read]
    topics = None
    if uses_plugin(settings, "topic_hubs"):
        topics = os.path.normpath(os.path.join(root, str(settings.get("TOPICS_PATH", "topics"))))
    context = None
    if uses_plugin(settings, "context_blocks"):
        context = os.path.normpath(os.path.join(root, str(settings.get("CONTEXT_PATH", "context"))))
    ignored = {os.path.normpath(p) for p in content.ignored}
    walked = {os.path.normpath(p) for p in content.files} | ignored
    kinds: Counter[str] = Counter()
    stray = []
    for normal in sorted(walked):
        if normal in sources:
            kinds["sources"] += 1
        elif normal in statics:
            kinds["static"] += 1
        elif normal in ignored:
            kinds["ignored"] += 1
        elif topics and os.path.dirname(normal) == topics and normal.endswith(".md"):
            kinds["topics"] += 1  # read by topic_hubs, which reports its own problems
        elif context and os.path.dirname(normal) == context and normal.endswith(".md"):
            kinds["context"] += 1  # read by context_blocks, which reports its own problems
        elif normal in templates:
            kinds["templates"] += 1
        elif _under(normal, excluded):
            kinds["ignored"] += 1
        else:
            kinds["sources"] += 1  # counted by the ledger as a source with an error
            stray.append((normal, _stray_error(normal, settings, _under(normal, folders))))
    # Reached through a link to a folder: Pelican follows it, the walk does not.
    beyond = sources - walked
    # (A missing {static} target is listed too: links.py reports it; it is no file.)
    kept = {
        p for p in {os.path.normpath(p) for p in copied} - walked - sources if os.path.isfile(p)
    }
    count = FileCount(
        total=len(walked) + len(beyond) + len(kept),
        sources=kinds["sources"] + len(beyond),
        topics=kinds["topics"],
        static=kinds["static"] + len(kept),
        templates=kinds["templates"],
        ignored=kinds["ignored"],
        context=kinds["context"],
    )
    return FileAccount(count, stray)


def _stray_error(path: str, settings: Mapping[str, Any], in_built_folder: bool) -> ContentError:
    root = os.path.abspath(str(settings["PATH"]))
    folder = os.path.relpath(os.path.dirname(path), root).replace(os.sep, "/")
    where = "the content folder itself" if folder == "." else f"content/{folder}/"
    if in_built_folder:  # every file there is a source or static file: not expected
        return ContentError(
            display_path(path, settings),
            f"is in {where}, but nothing reads, copies or ignores it",
            hint="list it in IGNORE_FILES in pelicanconf.py if it is not content;"
            " otherwise this is a bug in newsdigest: please report it with the file",
        )
    return ContentError(
        display_path(path, settings),
        f"is in {where}, which the site is not built from, so it would be left out",
        hint=f"move it to {_where_to(settings)} if it is an article (pages go in"
        " content/pages/, images in content/images/), or list it in IGNORE_FILES"
        " in pelicanconf.py",
    )
