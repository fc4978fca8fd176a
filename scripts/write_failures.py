"""Say what an OSError met while building the site means: where, from which source, what to do.

A full disk, a read-only folder or a name too long for the file system stops a build
with an OSError; the build reports it like any problem (``Build failed``, the last good
output left as it was), naming the output file or folder in the place the reader knows
(``output/…``, not the temporary folder it was built in), the source file the page was
made from when there is one, and what to do. Not a traceback.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["describe", "sources_by_output"]

_FULL = (errno.ENOSPC, errno.EDQUOT)
_DENIED = (errno.EACCES, errno.EPERM)
_IN_THE_WAY = (errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.ENOTEMPTY)


def sources_by_output(generators: Iterable[Any], content_root: str) -> dict[str, str]:
    """Every content object's ``save_as`` -> its source file as the editor knows it
    (relative to ``content_root``, the folder that holds content/)."""
    from pelican.contents import Content

    # The plugins' folders are importable once the build has started (make_importable).
    from content_errors import display_path_in

    sources: dict[str, str] = {}
    for generator in generators:
        for value in vars(generator).values():
            if not isinstance(value, list):
                continue
            for item in value:
                if isinstance(item, Content) and getattr(item, "save_as", None):
                    shown = display_path_in(str(item.source_path), content_root)
                    sources.setdefault(str(item.save_as).replace(os.sep, "/"), shown)
    return sources


def source_of(relative: str, sources: Mapping[str, str]) -> str | None:
    """The source of the page at ``relative`` in the site, or of a page inside that folder."""
    if relative in sources:
        return sources[relative]
    inside = sorted(save_as for save_as in sources if save_as.startswith(relative + "/"))
    return sources[inside[0]] if inside else None


def _advice(code: int | None, folder: str, source: str | None) -> str:
    if code in _FULL:
        return (
            f"the file system holding {folder} is full: free some space and build again,"
            " or build elsewhere with -o"
        )
    if code == errno.EROFS:
        return f"{folder} is on a read-only file system: build elsewhere with -o"
    if code in _DENIED:
        return (
            f"{folder} may not be written by this user: make it writable (chmod u+w) or"
            " build elsewhere with -o"
        )
    if code == errno.ENAMETOOLONG:
        fix = f"give {source} a shorter slug or save_as" if source else "use a shorter name"
        return f"a name in it is longer than the file system allows, 255 bytes: {fix}"
    if code in _IN_THE_WAY:
        fix = f"give {source} another save_as" if source else "give one of them another save_as"
        return f"another file or folder of the site is at that place: {fix}"
    return f"check that {folder} can be written"


def describe(
    error: OSError, *, building: Path, output: Path, sources: Mapping[str, str] | None = None
) -> str:
    """One problem line for ``error``, met while building ``output`` in ``building``."""
    path = error.filename
    shown: str | None = None
    source = None
    # The folder that could not be written: the output's parent, unless it was another.
    folder = f"{output.parent}/"
    if isinstance(path, str | bytes | os.PathLike):
        absolute = os.path.abspath(os.fsdecode(path))
        relative = os.path.relpath(absolute, building)
        if relative == "." or not relative.startswith(".."):
            site = "" if relative == "." else relative.replace(os.sep, "/")
            shown = str(output / site) if site else f"{output}/"
            source = source_of(site, sources or {}) if site else None
        elif os.path.dirname(absolute) == str(output.parent) and os.path.basename(
            absolute
        ).startswith(output.name + "."):
            # A folder of the build's own beside the output (output.build-…): not a name
            # the reader knows.
            shown = f"a folder beside {output}/"
        else:
            shown = absolute
            folder = os.path.dirname(absolute) + "/"
    what = error.strerror or type(error).__name__
    advice = _advice(error.errno, folder, source)
    where = f"cannot write {shown}" if shown else f"cannot write the site into {output}/"
    prefix = f"{source}: " if source else ""
    return f"{prefix}{where}: {what} ({advice})"
