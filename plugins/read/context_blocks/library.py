"""The build's context blocks: every context file read, checked and made into its card once.

Loaded when the build's first ``Readers`` is made (``readers_init``, which also reports
the files' problems), before any document is read, and kept on the build
(``build_state``), so that every document that places a block — articles, pages, topic
introductions, in the build process or a forked worker, which inherits it — shows the
very same card.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from build_state import build_of
from content_errors import ContentError, display_path_in
from context_blocks.cards import card_templates, render_card
from context_blocks.context_files import load_context_files
from context_blocks.model import ContextBlock
from context_blocks.settings import context_folder
from markdown_reader import build_parser

__all__ = ["ContextLibrary", "library_of", "report_library_problems"]

logger = logging.getLogger(__name__)
_BUILD_KEY = "context_blocks.library"


@dataclass
class ContextLibrary:
    """Blocks by slug (each with its card); the files that failed, by slug or stem; their
    errors; and the folder as messages show it (``content/context``)."""

    blocks: dict[str, ContextBlock] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    folder_shown: str = "content/context"
    reported: bool = False


def _load(settings: Mapping[str, Any]) -> ContextLibrary:
    folder = context_folder(settings)
    display_root = os.path.dirname(os.path.abspath(str(settings.get("PATH", "."))))
    # The site's parser (this plugin's rules on it too: a context body that places a
    # block is refused before the library is asked for).
    loaded = load_context_files(folder, display_root, build_parser(settings), settings)
    templates = card_templates(settings)
    blocks = {
        slug: dataclasses.replace(block, card_html=render_card(templates, block))
        for slug, block in loaded.blocks.items()
    }
    return ContextLibrary(
        blocks=blocks,
        failed=loaded.failed,
        errors=loaded.errors,
        folder_shown=display_path_in(folder, display_root),
    )


def library_of(settings: Mapping[str, Any]) -> ContextLibrary:
    """The context blocks of the build whose settings these are (loaded once)."""
    library: ContextLibrary = build_of(settings).state(_BUILD_KEY, lambda: _load(settings))
    return library


def report_library_problems(readers: Any) -> None:
    """``readers_init``: load the context files and log each problem once (the build
    collects them and fails).

    Not at ``initialized``: loading builds a parser and the card templates, and their
    compiled bytecode is kept for the next build only once content_cache's ``initialized``
    receiver has named the build's cache folder (``shared_templates.bytecode_cache``)."""
    library = library_of(readers.settings)
    if library.reported:
        return
    library.reported = True
    for error in library.errors:
        logger.error("%s", error)
