"""Build the site's full-text search index with Pagefind, offline, into ``<site>/pagefind/``.

The indexer is the binary that the ``pagefind`` Python package ships (no download, no
network). It reads the written HTML: pages marked ``data-pagefind-body`` (articles, topic
hubs) are indexed, with the headline, date and topics that templates expose through
``data-pagefind-meta`` / ``data-pagefind-filter``. The search box's script loads the
bundle from the same origin.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE_DIR = "pagefind"
# Left out of the index: what assistive technology skips is decoration (the "#" of the
# section links), and would otherwise show up in result titles and excerpts.
EXCLUDE_SELECTORS = "[aria-hidden='true']"


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message holds what it said."""


def build_search_index(site: Path) -> Path:
    """Index the HTML under ``site``; return the bundle folder or raise SearchIndexError."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-subdir",
        BUNDLE_DIR,
        "--exclude-selectors",
        EXCLUDE_SELECTORS,
        "--quiet",
    ]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:  # the interpreter or the bundled binary cannot be started
        raise SearchIndexError(f"could not run Pagefind: {error}") from error
    said = "\n".join(part.strip() for part in (completed.stdout, completed.stderr) if part.strip())
    bundle = site / BUNDLE_DIR
    if completed.returncode != 0:
        raise SearchIndexError(f"Pagefind failed (exit {completed.returncode}): {said}")
    if not (bundle / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind wrote no search bundle into {bundle}: {said}")
    return bundle
