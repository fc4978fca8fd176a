"""Count what became of every source: nothing may be lost without an error.

    files in content/ = sources + topic files (+ context files) + static files + template pages
                        + ignored
    sources read = pages written + drafts + hidden + sources with errors reported

The first line (content_files' count, from its walk of the content folder) accounts for
every file under content/; the second for every source. A file in no folder the site is
built from is an error, and counts as a source with an error.

A draft or hidden source is accounted for whether or not a page was written for it
(``make publish`` writes none for unpublished articles): the count says how many of them
were held back, e.g. ``2 drafts (not published)``.

Pelican drops a file it cannot read (or one with status ``skip``, or an empty
``save_as``) and carries on; the ledger notices any source that ends in none of
these buckets and reports it as an error, so a build never loses an article quietly.

The ledger is a Pelican generator so that it lives exactly as long as one build: it
is created with the build's context, hears about every written page through
``content_written``, and tallies in ``generate_output``, which Pelican runs after the
articles and pages generators have written their pages.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from blinker import signal
from pelican.writers import Writer

from content_errors import ContentError
from strict_build.content_files import FileCount
from strict_build.source_paths import absolute_path, display_path

logger = logging.getLogger(__name__)

sources_tallied = signal("newsdigest.sources_tallied")
"""Sent as ``sources_tallied.send(tally)`` at the end of every build that got to writing."""

LEDGER_KEY = "STRICT_BUILD_LEDGER"
OUTCOMES = ("written", "draft", "hidden", "error", "lost")


@dataclass(frozen=True)
class Tally:
    """What became of each source: display path -> one of :data:`OUTCOMES`; ``held_back``:
    the drafts and hidden sources no page was written for (display paths); ``files``: every
    file under the content folder, by kind."""

    outcomes: Mapping[str, str]
    held_back: frozenset[str] = frozenset()
    files: FileCount | None = None

    def count(self, outcome: str) -> int:
        return sum(1 for value in self.outcomes.values() if value == outcome)

    @property
    def read(self) -> int:
        return len(self.outcomes)

    @property
    def lost(self) -> list[str]:
        return sorted(path for path, outcome in self.outcomes.items() if outcome == "lost")

    @property
    def balanced(self) -> bool:
        counts = Counter(self.outcomes.values())
        accounted = sum(counts[o] for o in ("written", "draft", "hidden", "error"))
        return self.read == accounted

    def _kept(self, outcome: str, noun: str) -> str:
        count = self.count(outcome)
        held = sum(1 for path in self.held_back if self.outcomes.get(path) == outcome)
        if held and held == count:
            return f"{count} {noun} (not published)"
        return f"{count} {noun} ({held} not published)" if held else f"{count} {noun}"

    def __str__(self) -> str:
        text = (
            f"{self.read} sources read = {self.count('written')} pages written"
            f" + {self._kept('draft', 'drafts')} + {self._kept('hidden', 'hidden')}"
            f" + {self.count('error')} with errors"
        )
        return text if self.balanced else f"{text}; {len(self.lost)} LOST"

    def lines(self) -> list[str]:
        """The count as the build prints it: the files line (when counted), then this."""
        return [str(self.files), str(self)] if self.files is not None else [str(self)]


class _ReportedFiles(logging.Handler):
    """Notes the file of every ContentError logged while the build runs."""

    def __init__(self, settings: Mapping[str, object], into: set[str]) -> None:
        super().__init__(level=logging.WARNING)
        self.settings = settings
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, tuple) else ()
        for value in (record.msg, *args):
            if isinstance(value, ContentError):
                self.into.add(absolute_path(value.path, self.settings))


@dataclass
class _Expected:
    sources: set[str] = field(default_factory=set)
    drafts: set[str] = field(default_factory=set)
    hidden: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)
    files: FileCount | None = None


class SourceLedger:
    """One build's record of sources; see the module docstring."""

    def __init__(
        self,
        *,
        context: dict[str, Any],
        settings: Mapping[str, object],
        path: str,
        theme: str,
        output_path: str,
        **_: Any,
    ) -> None:
        self.settings = settings
        self.context = context
        self.expected = _Expected()
        self.written: set[str] = set()
        self.reported: set[str] = set()
        root = logging.getLogger()
        # A build that crashed never reached generate_output to remove its handler.
        for stale in [h for h in root.handlers if isinstance(h, _ReportedFiles)]:
            root.removeHandler(stale)
        self._handler = _ReportedFiles(settings, self.reported)
        root.addHandler(self._handler)
        context[LEDGER_KEY] = self

    def expect(
        self,
        sources: set[str],
        *,
        drafts: set[str],
        hidden: set[str],
        failed: set[str],
        files: FileCount | None = None,
    ) -> None:
        """Record (absolute paths) what was found, once everything is read."""
        self.expected = _Expected(sources, drafts, hidden, failed, files)

    def tally(self) -> Tally:
        errors = self.expected.failed | self.reported
        outcomes = {}
        held_back = set()
        for source in sorted(self.expected.sources):
            if source in errors:
                outcome = "error"
            elif source in self.expected.drafts:
                outcome = "draft"
            elif source in self.expected.hidden:
                outcome = "hidden"
            elif source in self.written:
                outcome = "written"
            else:
                outcome = "lost"
            shown = display_path(source, self.settings)
            outcomes[shown] = outcome
            if outcome in ("draft", "hidden") and source not in self.written:
                held_back.add(shown)
        return Tally(outcomes, frozenset(held_back), self.expected.files)

    def generate_output(self, writer: Writer) -> None:
        logging.getLogger().removeHandler(self._handler)
        tally = self.tally()
        for path in tally.lost:
            logger.error(
                "%s",
                ContentError(
                    path,
                    "was read, but no page was written for it and no error was reported",
                    hint="this is a bug in newsdigest: please report it with the file",
                ),
            )
        for line in tally.lines():
            logger.info("%s", line)
        sources_tallied.send(tally)


def record_written(path: str, context: Mapping[str, Any] | None = None, **_: Any) -> None:
    """``content_written`` receiver: note the source of an article or page just written."""
    if not context:
        return
    ledger = context.get(LEDGER_KEY)
    if not isinstance(ledger, SourceLedger):
        return
    for key in ("article", "page"):
        content = context.get(key)
        source = getattr(content, "source_path", None)
        if source:
            ledger.written.add(os.path.normpath(str(source)))
