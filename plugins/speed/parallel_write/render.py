"""Render recorded pages: a fixed share in each forked worker, the rest in the build."""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from parallel_write.reuse import Reuse
from unchanged_output import link_previous, write_or_link
from worker_logs import ProblemCounter, count_problems_instead_of_logging

__all__ = [
    "MISSING",
    "REUSED",
    "PageJob",
    "Session",
    "fork_available",
    "render",
    "render_all",
    "store_localsiteurl",
]

# ``localsiteurl`` absent from the context (Pelican always sets it; kept exact anyway).
MISSING: Any = object()
MISSING_MARK = "<no localsiteurl>"


@dataclass(slots=True)
class PageJob:
    """One page as Pelican would have rendered it: template, local context, file."""

    template: Any
    # The page's variables; with ``shared``, only those that differ from it.
    localcontext: dict[str, Any]
    # The dict Pelican set ``localsiteurl`` on, and the value it had then: content
    # objects read it (through their own context) to make their links relative.
    context: dict[str, Any]
    localsiteurl: Any
    # None: Pelican failed to open the file after rendering (the page is rendered for
    # its messages, as Pelican did, and not written).
    path: str | None = field(default=None)
    # Variables many pages have in common (a snapshot of the generator's context): each
    # page's local context is a copy of the whole context (site settings, every list of
    # articles...), ~4 KB a page kept until the flush, so it is kept once for them all.
    shared: dict[str, Any] | None = field(default=None, repr=False)
    # What the page is made from (parallel_write.site_state); None: always rendered.
    key: bytes | None = field(default=None, repr=False)

    def note_path(self, path: str) -> None:
        """The file Pelican opened for this page (``os.devnull``: skipped, not overwritten)."""
        self.path = path

    def variables(self) -> dict[str, Any]:
        """The page's whole local context, as Pelican made it (same keys, same order)."""
        if self.shared is None:
            return self.localcontext
        merged = dict(self.shared)
        merged.update(self.localcontext)
        return merged

    def lookup(self, name: str, default: Any = None) -> Any:
        """The page's variable ``name`` (``default`` if it has none)."""
        if name in self.localcontext:
            return self.localcontext[name]
        if self.shared is not None and name in self.shared:
            return self.shared[name]
        return default


@dataclass
class Session:
    """How pages are rendered this build: unchanged ones linked from the last output."""

    output: str
    last_output: str | None
    # The last build's page keys: a page whose key is the same is linked, not rendered.
    reuse: Reuse | None = None


def store_localsiteurl(job: PageJob) -> None:
    """Put the page's ``localsiteurl`` in the context its content objects read it from."""
    if job.localsiteurl is MISSING:
        job.context.pop("localsiteurl", None)
    else:
        job.context["localsiteurl"] = job.localsiteurl


def localsiteurl_of(job: PageJob) -> Any:
    """``localsiteurl`` as a page key has it (MISSING is not the same object next time)."""
    return MISSING_MARK if job.localsiteurl is MISSING else job.localsiteurl


# What ``render`` returns for a page it linked from the last build (a string: it is sent
# back from the workers, and compared by value).
REUSED = "reused"


def _reused(job: PageJob, session: Session) -> bool:
    """Link the last build's file for ``job`` if it was made from the same (its key)."""
    reuse = session.reuse
    if reuse is None or job.key is None or job.path in (None, os.devnull):
        return False
    previous = reuse.previous(os.path.relpath(str(job.path), session.output), job.key)
    if previous is None:
        return False
    link_previous(previous, str(job.path))
    return True


def render(job: PageJob, session: Session | None = None) -> str | None:
    """Render ``job`` and write its file, in the state Pelican would have rendered it
    (see ``_render``), then free what rendering left in reference cycles.

    A Jinja context and the macros a template defines refer to each other, so every page
    leaves a cycle of a few kilobytes (its context's dicts) that only the cycle collector
    frees; with the build's raised collection thresholds (gc_tuning) it would run too
    seldom, and each page's context stayed in memory to the end of the build. The cycles
    are all young, so collecting the youngest generation frees them, and costs little.
    """
    try:
        return _render(job, session)
    finally:
        gc.collect(0)


def _render(job: PageJob, session: Session | None = None) -> str | None:
    """Render ``job`` and write its file, in the state Pelican would have rendered it.

    With a ``session`` (the build knows its last output), a page whose key is the last
    build's is linked to its file without being rendered (returns ``REUSED``), and a page
    that comes out exactly as the last build's file is linked to it instead of written.
    """
    store_localsiteurl(job)
    if session is not None and _reused(job, session):
        return REUSED
    output = job.template.render(job.variables())
    if job.path is None or job.path == os.devnull:
        return None
    if session is None:
        with open(job.path, "w", encoding="utf-8") as handle:
            handle.write(output)
        return None
    _write_or_link(output, job.path, session)
    return None


def _write_or_link(output: str, path: str, session: Session) -> None:
    """Write ``path``, or link the last build's file when it holds these very bytes
    (:func:`unchanged_output.write_or_link`)."""
    relative = os.path.relpath(path, session.output)
    write_or_link(path, output.encode("utf-8"), session.last_output, relative)


def _work(
    jobs: Sequence[PageJob], share: Sequence[int], session: Session | None, sender: Connection
) -> None:
    """In a worker: render ``share``; send back the pages to render again and those reused."""
    problems = ProblemCounter()
    # What the worker logs is counted; a page that logged anything is rendered again.
    count_problems_instead_of_logging(problems)
    again: list[int] = []
    outcomes: dict[int, str] = {}
    for index in share:
        problems.count = 0
        try:
            outcome = render(jobs[index], session)
        except Exception:  # raised again when the build renders the page itself
            again.append(index)
            continue
        if problems.count:
            again.append(index)
        elif outcome is not None:
            outcomes[index] = outcome
    sender.send((again, outcomes))
    sender.close()
    # Leave at once: multiprocessing would flush the inherited standard streams, whose
    # locks another thread of the build (make serve's web server) may have held at the fork.
    os._exit(0)


def fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def render_all(
    jobs: Sequence[PageJob], processes: int, session: Session | None = None
) -> dict[int, str]:
    """Render every job; ``processes`` - 1 forked workers help the build process.

    Messages and exceptions reach the build as in a serial build: a page a worker could
    not render cleanly is rendered again here, in page order; the first exception (in
    page order) is raised once every process is done. Returns the pages reused, by index.
    """
    shares = [range(first, len(jobs), processes) for first in range(processes)]
    context = multiprocessing.get_context("fork")
    # Buffered output would be written again by each worker when it exits.
    sys.stdout.flush()
    sys.stderr.flush()
    workers = []
    for share in shares[1:]:
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(jobs, share, session, sender), daemon=True)
        process.start()
        sender.close()
        workers.append((process, receiver, share))
    failed: dict[int, Exception] = {}
    outcomes: dict[int, str] = {}
    try:
        for index in shares[0]:
            try:
                outcome = render(jobs[index], session)
            except Exception as error:  # raised below, after the pages before it
                failed[index] = error
                break  # a serial build would stop here: the build fails anyway
            if outcome is not None:
                outcomes[index] = outcome
    finally:
        again: set[int] = set()
        for process, receiver, share in workers:
            try:
                redo, done = receiver.recv()
                again.update(redo)
                outcomes.update(done)
            except (EOFError, OSError):  # the worker died: its whole share is redone
                again.update(share)
            receiver.close()
            process.join()
    for index in sorted(again | failed.keys()):
        if index in failed:
            raise failed[index]
        outcomes.pop(index, None)
        outcome = render(jobs[index], session)
        if outcome is not None:
            outcomes[index] = outcome
    return outcomes
