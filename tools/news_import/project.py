"""Find the site an import belongs to and the topic slugs its build knows.

An article's ``topics:`` must name topics of the site that will build it, wherever the
file is written (``--output-dir`` may be any folder). The site is the folder holding
``pelicanconf.py``: the one the importer runs in or a folder above it (``make import``
runs in the site's folder), else the site these plugins belong to. Its topics folder is
``PATH``/``TOPICS_PATH`` from that ``pelicanconf.py``, read as the build reads it, and
the slugs are the ones the build's own topic loader gives (a topic file may set ``slug:``).
"""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path
from typing import Any

from news_import.errors import ImportInputError
from topic_hubs.settings import DEFAULTS as TOPIC_DEFAULTS
from topic_hubs.topic_files import load_topics

__all__ = ["PACKAGE_PROJECT", "SETTINGS_FILE", "check_topics_exist", "find_project"]

SETTINGS_FILE = "pelicanconf.py"
# tools/news_import/project.py -> the site folder these plugins live in.
PACKAGE_PROJECT = Path(__file__).resolve().parents[2]
# Pelican's own default when pelicanconf.py sets no PATH (the folder it runs in).
_DEFAULT_PATH = "."


def find_project(start: Path) -> Path | None:
    """The folder holding pelicanconf.py: ``start`` or above it, else this plugins' site."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
    if (PACKAGE_PROJECT / SETTINGS_FILE).is_file():
        return PACKAGE_PROJECT
    return None


def check_topics_exist(topics: list[str], name: str, *, start: Path) -> None:
    """Raise ImportInputError naming ``name`` for a slug the site's build would not know.

    The build fails on an unknown topic; saying so now, with the closest slug, means
    nothing is written that cannot be published.
    """
    if not topics:
        return
    project = find_project(start)
    if project is None:
        raise ImportInputError(
            name,
            f"cannot check topic {topics[0]!r}: no {SETTINGS_FILE} in {start.resolve()} or a "
            f"folder above it, nor in {PACKAGE_PROJECT}",
            hint=f"run the importer in the site's folder (the one with {SETTINGS_FILE})",
        )
    folder = _topics_folder(project, name)
    known = _known_slugs(folder, project)
    for topic in topics:
        if topic not in known:
            raise ImportInputError(
                name, f"unknown topic {topic!r}", hint=_suggest(topic, known, folder)
            )


def _suggest(topic: str, known: list[str], folder: Path) -> str:
    if not folder.is_dir():
        return f"no topics are defined: {folder} does not exist; add {topic}.md there"
    if not known:
        return f"no topics are defined in {folder}; add {topic}.md there"
    close = difflib.get_close_matches(topic, known, n=1)
    if close:
        return f"did you mean {close[0]!r}?"
    return f"known topics: {', '.join(known)}; or add {topic}.md to {folder}"


def _known_slugs(folder: Path, project: Path) -> list[str]:
    loaded = load_topics(str(folder), str(project), {})
    # A topic file the build cannot read is reported by the build itself; its slug is
    # the editor's intent, not a typo to flag here.
    return sorted({topic.slug for topic in loaded.topics} | loaded.failed_slugs)


def _topics_folder(project: Path, name: str) -> Path:
    settings = _read_settings(project / SETTINGS_FILE, name)
    content = project / str(settings.get("PATH", _DEFAULT_PATH))
    return content / str(settings.get("TOPICS_PATH", TOPIC_DEFAULTS["TOPICS_PATH"]))


def _read_settings(path: Path, name: str) -> dict[str, Any]:
    """pelicanconf.py's upper-case names, as Pelican reads them (the file is Python).

    Run under a private module name, so an already imported ``pelicanconf`` is untouched.
    """
    spec = importlib.util.spec_from_file_location("_news_import_site_settings", path)
    if spec is None or spec.loader is None:
        raise ImportInputError(name, f"cannot read {path}")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # any error in the settings file is the editor's to fix
        raise ImportInputError(
            name, f"cannot read {path} to check topics: {type(error).__name__}: {error}"
        ) from None
    return {key: getattr(module, key) for key in dir(module) if key.isupper()}
