"""Render recorded pages: a fixed share in each forked worker, the rest in the build."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from worker_logs import ProblemCounter, count_problems_instead_of_logging

__all__ = ["MISSING", "PageJob", "fork_available", "render_all"]

# ``localsiteurl`` absent from the context (Pelican always sets it; kept exact anyway).
MISSING: Any = object()


@dataclass
class PageJob:
    """One page as Pelican would have rendered it: template, local context, file."""

    template: Any
    localcontext: dict[str, Any]
    # The dict Pelican set ``localsiteurl`` on, and the value it had then: content
    # objects read it (through their own context) to make their links relative.
    context: dict[str, Any]
    localsiteurl: Any
    # None: Pelican failed to open the file after rendering (the page is rendered for
    # its messages, as Pelican did, and not written).
    path: str | None = field(default=None)


def render(job: PageJob) -> None:
    """Render ``job`` and write its file, in the state Pelican would have rendered it."""
    if job.localsiteurl is MISSING:
        job.context.pop("localsiteurl", None)
    else:
        job.context["localsiteurl"] = job.localsiteurl
    output = job.template.render(job.localcontext)
    if job.path is not None and job.path != os.devnull:
        with open(job.path, "w", encoding="utf-8") as handle:
            handle.write(output)


def _work(jobs: Sequence[PageJob], share: Sequence[int], sender: Connection) -> None:
    """In a worker: render ``share``; send back the pages to render again in the build."""
    problems = ProblemCounter()
    # What the worker logs is counted; a page that logged anything is rendered again.
    count_problems_instead_of_logging(problems)
    again: list[int] = []
    for index in share:
        problems.count = 0
        try:
            render(jobs[index])
        except Exception:  # raised again when the build renders the page itself
            again.append(index)
            continue
        if problems.count:
            again.append(index)
    sender.send(again)
    sender.close()
    # Leave at once: multiprocessing would flush the inherited standard streams, whose
    # locks another thread of the build (make serve's web server) may have held at the fork.
    os._exit(0)


def fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def render_all(jobs: Sequence[PageJob], processes: int) -> None:
    """Render every job; ``processes`` - 1 forked workers help the build process.

    Messages and exceptions reach the build as in a serial build: a page a worker could
    not render cleanly is rendered again here, in page order; the first exception (in
    page order) is raised once every process is done.
    """
    shares = [range(first, len(jobs), processes) for first in range(processes)]
    context = multiprocessing.get_context("fork")
    # Buffered output would be written again by each worker when it exits.
    sys.stdout.flush()
    sys.stderr.flush()
    workers = []
    for share in shares[1:]:
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(jobs, share, sender), daemon=True)
        process.start()
        sender.close()
        workers.append((process, receiver, share))
    failed: dict[int, Exception] = {}
    try:
        for index in shares[0]:
            try:
                render(jobs[index])
            except Exception as error:  # raised below, after the pages before it
                failed[index] = error
                break  # a serial build would stop here: the build fails anyway
    finally:
        again: set[int] = set()
        for process, receiver, share in workers:
            try:
                again.update(receiver.recv())
            except (EOFError, OSError):  # the worker died: its whole share is redone
                again.update(share)
            receiver.close()
            process.join()
    for index in sorted(again | failed.keys()):
        if index in failed:
            raise failed[index]
        render(jobs[index])
