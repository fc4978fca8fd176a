"""Account for every file under the content folder, and keep out files from outside it.

Pelican reads only the folders it is told to (``ARTICLE_PATHS``, ``PAGE_PATHS``,
``STATIC_PATHS``): a Markdown file saved in ``content/`` itself or in a new folder is
neither built nor mentioned. Here every file is either a source, a static file, a topic
file, a template page, an editor's backup, ignored (``IGNORE_FILES``), or reported by
name with what to do.

Pelican also follows symbolic links and ``{static}`` paths wherever they lead, so a link
under ``content/`` (to an image, a folder, an article) or ``{static}../../x`` would publish
a file from outside the project. A symbolic link whose target is outside the content
folder is an error naming the link; anything read or copied from outside is withheld.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from content_errors import ContentError
from plugin_use import uses_plugin
from strict_build.source_paths import display_path

__all__ = ["ContentFolder", "unaccounted_files"]

# Editors' backup and lock files are not content.
_EDITOR_FILES = ("*~", "#*#")


def _ignore_rule(settings: Mapping[str, Any]) -> re.Pattern[str]:
    """IGNORE_FILES and editors' files as one expression (fnmatch's), matched against a
    file's name and its path in the content folder; dotfiles are never content."""
    patterns = [".*", *settings.get("IGNORE_FILES", []), *_EDITOR_FILES]
    return re.compile("|".join(fnmatch.translate(str(pattern)) for pattern in patterns))


class ContentFolder:
    """One walk of the content folder: its files and its symbolic links."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.settings = settings
        self.root = os.path.normpath(os.path.abspath(str(settings["PATH"])))
        self.real_root = os.path.realpath(self.root)
        self.files: list[str] = []
        self.links: list[str] = []
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
                        continue
                    if entry.is_symlink():
                        self.links.append(entry.path)
                        if not entry.is_dir():
                            self.files.append(entry.path)
                    elif entry.is_dir():
                        pending.append((entry.path, inside + "/"))
                    else:
                        self.files.append(entry.path)

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


def _accounted_folders(settings: Mapping[str, Any]) -> list[str]:
    root = os.path.abspath(str(settings["PATH"]))
    keys = ["ARTICLE_PATHS", "PAGE_PATHS", "STATIC_PATHS"]
    folders = [os.path.normpath(os.path.join(root, p)) for k in keys for p in settings.get(k, [])]
    return folders


def _where_to(settings: Mapping[str, Any]) -> str:
    articles = settings.get("ARTICLE_PATHS") or ["articles"]
    return f"content/{str(articles[0]).strip('/')}/"


def unaccounted_files(
    content: ContentFolder, known: Iterable[str], static: Iterable[str]
) -> list[tuple[str, ContentError]]:
    """Files under the content folder that nothing reads, copies or ignores, each with its
    error; ``known``: absolute paths of the sources found, ``static``: of static files."""
    settings, root = content.settings, content.root
    accounted = {os.path.normpath(p) for p in (*known, *static)}
    folders = _accounted_folders(settings)
    for source in settings.get("TEMPLATE_PAGES") or {}:
        accounted.add(os.path.normpath(os.path.join(root, str(source))))
    topics = None
    if uses_plugin(settings, "topic_hubs"):
        topics = os.path.normpath(os.path.join(root, str(settings.get("TOPICS_PATH", "topics"))))
    found = []
    for path in content.files:
        normal = os.path.normpath(path)
        if normal in accounted:
            continue
        if topics and os.path.dirname(normal) == topics and normal.endswith(".md"):
            continue  # read by topic_hubs, which reports its own problems
        if any(normal == f or normal.startswith(f + os.sep) for f in folders):
            continue  # in a folder Pelican reads: a source or static file it reports itself
        folder = os.path.relpath(os.path.dirname(normal), root).replace(os.sep, "/")
        where = "the content folder itself" if folder == "." else f"content/{folder}/"
        found.append(
            (
                normal,
                ContentError(
                    display_path(normal, settings),
                    f"is in {where}, which the site is not built from, so it would be left out",
                    hint=f"move it to {_where_to(settings)} if it is an article (pages go in"
                    " content/pages/, images in content/images/), or list it in IGNORE_FILES"
                    " in pelicanconf.py",
                ),
            )
        )
    return found
