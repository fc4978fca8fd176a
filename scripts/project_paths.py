"""Where the project's code lives: the pipeline's stage folders, and the tools.

Plugins live in one folder per stage of the pipeline (docs/architecture.md):

    plugins/core   what every stage shares: content errors, content lists, plugin use
    plugins/read   sources to articles: the Markdown reader, the sanitising policy, news blocks
    plugins/link   articles to a site: topics and hubs, editions, the newsroom model, site checks
    plugins/write  the site to files: feeds
    plugins/speed  the same site, faster: caches, parallel reading and writing, page reuse

Each stage folder is a Pelican ``PLUGIN_PATHS`` entry (pelicanconf.py lists the same
folders), so a plugin is named by its package alone (``PLUGINS = ["markdown_reader", ...]``).
``tools/`` holds what is not part of a build: the importer (``make import``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("core", "read", "link", "write", "speed")
PLUGIN_FOLDERS = tuple(ROOT / "plugins" / stage for stage in STAGES)
TOOLS = ROOT / "tools"


def import_paths() -> list[str]:
    """The folders to put on ``sys.path`` to import the plugins and tools by name."""
    return [str(folder) for folder in (*PLUGIN_FOLDERS, TOOLS)]


def make_importable() -> None:
    """Put the stage folders and tools first on ``sys.path`` (once)."""
    for folder in reversed(import_paths()):
        if folder not in sys.path:
            sys.path.insert(0, folder)
