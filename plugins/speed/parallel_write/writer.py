"""The build's writer: records the pages Pelican writes, renders them all at the end."""

from __future__ import annotations

import os
from itertools import islice
from typing import Any

from pelican.generators import Generator
from pelican.paginator import Page as PaginationPage
from pelican.writers import Writer

import pelican_compat
from free_memory import give_back_free_memory
from parallel_write.attachments import resolve_attachments
from parallel_write.read_notes import start_notes, take_notes
from parallel_write.render import (
    MISSING,
    REUSED,
    PageJob,
    Session,
    fork_available,
    localsiteurl_of,
    render,
    render_all,
)
from parallel_write.reuse import Reuse
from parallel_write.settings import SCHEMA
from parallel_write.site_state import SiteState, read_articles
from pelican_compat.generator_order import run_generator_receiver_last
from pelican_compat.page_files import FileNotingWriter
from plugin_use import uses_plugin
from site_settings import setting_values

__all__ = [
    "FlushGenerator",
    "RecordingWriter",
    "add_flush_generator",
    "choose_writer",
    "keep_flush_generator_last",
    "note_articles_as_read",
]

_ABSENT: Any = object()


def _uses_this_plugin(settings: Any) -> bool:
    return uses_plugin(settings, "parallel_write")


def _active(settings: Any) -> bool:
    # The recording writer works through a Pelican private method: on a Pelican version
    # it was not written for, Pelican's own writer writes every page.
    return _uses_this_plugin(settings) and pelican_compat.enabled(settings)


def worker_count(settings: Any) -> int:
    """How many processes render pages (the build's own included)."""
    configured = setting_values(SCHEMA, settings)["PARALLEL_WRITE_WORKERS"]
    return int(configured) if configured is not None else (os.cpu_count() or 1)


def _fingerprint(settings: Any) -> str:
    """The code, templates and settings pages are made with (content_cache computed it)."""
    from content_cache.fingerprint import fingerprint
    from content_cache.store import cache_folder

    known = cache_folder(settings)
    return known.fingerprint if known is not None else fingerprint(settings)


def _reusing(settings: Any) -> bool:
    """Whether this build's pages are keyed, to be reused by the next one."""
    return (
        _active(settings)
        and setting_values(SCHEMA, settings)["PAGE_REUSE"]
        and bool(settings.get("LAST_OUTPUT_PATH"))
        and worker_count(settings) >= 2
        and fork_available()
    )


def note_articles_as_read(generator: Any) -> None:
    """``article_generator_pretaxonomy`` receiver: describe the articles as read (on the
    other core: ``read_notes``), for the site digest."""
    if _reusing(generator.settings):
        start_notes(generator.settings, read_articles(generator))


def _session(settings: Any) -> Session | None:
    """How this build renders pages, when it knows its last output (``LAST_OUTPUT_PATH``:
    scripts/build.py builds into a new folder and sets it to the one it replaces).

    Pages whose key is the last build's are linked from it (``PAGE_REUSE``, default on);
    pages rendered exactly as before are linked rather than rewritten.
    """
    last = settings.get("LAST_OUTPUT_PATH")
    if not last:
        return None
    output = str(settings["OUTPUT_PATH"])
    if not setting_values(SCHEMA, settings)["PAGE_REUSE"]:
        return Session(output, str(last) if os.path.isdir(str(last)) else None)
    reuse = Reuse(settings, _fingerprint(settings))
    return Session(output, reuse.last_output, reuse)


class _Recorder:
    """Stands in for a template: rendering it records the page (Pelican's local context)."""

    def __init__(self, writer: RecordingWriter, template: Any, context: dict[str, Any]) -> None:
        self.writer = writer
        self.template = template
        self.context = context

    def render(self, localcontext: dict[str, Any]) -> str:
        shared, own = self.writer.shares.split(localcontext)
        job = PageJob(
            self.template,
            own,
            self.context,
            self.context.get("localsiteurl", MISSING),
            shared=shared,
        )
        self.writer.jobs.append(job)
        self.writer.noting = job.note_path
        return ""


class SharedVariables:
    """Splits each recorded page's local context into variables shared with other pages
    and its own.

    Pelican makes every page's local context a copy of its generator's whole context
    plus the page's variables; kept until the flush, those copies were the largest
    thing recording pages added to the build's memory. A page's context is kept as a
    snapshot shared with the pages before it, plus the variables whose values differ.
    """

    # A page with more variables of its own than this starts a new snapshot (the context
    # changed, or another generator's context).
    MOST_OWN = 48

    def __init__(self) -> None:
        self.snapshot: dict[str, Any] | None = None
        self.names: list[str] = []
        # Each list page (Pelican's Page) recorded, by its paginator and number.
        self.pages: dict[tuple[int, int], PaginationPage] = {}

    def split(self, localcontext: dict[str, Any]) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        """``(shared, own)``: ``dict(shared)`` updated with ``own`` is ``localcontext``,
        keys in the same order."""
        snapshot = self.snapshot
        # Usable when the page's keys start with the snapshot's, in its order.
        if snapshot is not None and list(islice(localcontext, len(self.names))) == self.names:
            own = {
                key: value
                for key, value in localcontext.items()
                if snapshot.get(key, _ABSENT) is not value
            }
            if len(own) <= self.MOST_OWN:
                self._share_pages(own)
                return snapshot, own
        self.snapshot = dict(localcontext)
        self.names = list(self.snapshot)
        return self.snapshot, {}

    def _share_pages(self, own: dict[str, Any]) -> None:
        """One Page object per list page: Pelican makes a new one each time it is the
        current, previous or next page of a page written (three per list page, each with
        a copy of its slice of articles). A Page is made of its paginator and number
        alone, so the first one recorded stands for the others."""
        for key, value in own.items():
            if type(value) is PaginationPage:
                # The page kept holds its paginator: its id is not reused meanwhile.
                own[key] = self.pages.setdefault((id(value.paginator), value.number), value)


class RecordingWriter(FileNotingWriter):
    """Pelican's Writer, but pages are rendered by ``flush`` (on every core) instead of at once.

    Everything else ``write_file`` does happens at once, in Pelican's own code: the file's
    folder is made, the overwrite checks run (raising as they would), the file is made
    empty, the "Writing" message is logged and ``content_written`` is sent; the name
    Pelican opened is noted (:mod:`pelican_compat.page_files`). Feeds go through as usual.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jobs: list[PageJob] = []
        self.shares = SharedVariables()
        self.recording = True
        # Pages linked from the last build instead of rendered.
        self.reused = 0

    def write_file(self, name: Any, template: Any, context: Any, *args: Any, **kwargs: Any) -> None:
        if not self.recording:
            super().write_file(name, template, context, *args, **kwargs)
            return
        try:
            super().write_file(name, _Recorder(self, template, context), context, *args, **kwargs)
        finally:
            self.noting = None

    def _key_pages(self, jobs: list[PageJob], contexts: list[dict[str, Any]]) -> None:
        """Give every page to be written its key (none if the site cannot be described)."""
        take_notes(self.settings)
        # Dropped at the end: what it described is kept alive only while it describes.
        state = SiteState(_fingerprint(self.settings))
        site = state.site_digest(contexts, self.settings)
        if site is None:
            return
        output = str(self.settings["OUTPUT_PATH"])
        for job in jobs:
            if job.path is not None and job.path != os.devnull:
                relative = os.path.relpath(job.path, output)
                name = str(job.template.name)
                job.key = state.page_key(site, name, relative, str(localsiteurl_of(job)), job)

    def _keep_keys(self, jobs: list[PageJob], outcomes: dict[int, str], reuse: Reuse) -> None:
        """Save every written page's key, for the next build."""
        keys: dict[str, bytes] = {}
        for job in jobs:
            if job.path is not None and job.key is not None:
                keys[reuse.relative(job.path)] = job.key
        self.reused += sum(1 for outcome in outcomes.values() if outcome == REUSED)
        reuse.save(keys)

    def flush(self) -> None:
        """Render every recorded page (later writes are rendered at once)."""
        jobs, self.jobs = self.jobs, []
        self.shares = SharedVariables()
        self.recording = False
        if not jobs:
            return
        # A file written twice (``override_output``) holds the last page written to it;
        # the earlier page is still rendered (for its messages), not written, so that
        # two processes never race for one file.
        last = {job.path: index for index, job in enumerate(jobs) if job.path is not None}
        for index, job in enumerate(jobs):
            if job.path is not None and last[job.path] != index:
                job.path = None
        # Leave ``localsiteurl`` as the last recorded write left it, as Pelican would.
        contexts = {id(job.context): job.context for job in jobs}
        after = {key: context.get("localsiteurl", MISSING) for key, context in contexts.items()}
        try:
            # Static files linked with {attach} move beside their page when its body is
            # rendered: done here, for pages rendered elsewhere or not at all.
            resolve_attachments(self.settings)
            # Recording freed a copy of the whole context per page: give that memory back
            # before the workers fork from this process and rendering adds to it.
            give_back_free_memory()
            session = _session(self.settings)
            reuse = session.reuse if session is not None else None
            if reuse is not None:
                # Before the workers fork: they inherit the keys.
                self._key_pages(jobs, list(contexts.values()))
            processes = worker_count(self.settings)
            minimum = int(setting_values(SCHEMA, self.settings)["PARALLEL_WRITE_MIN_PAGES"])
            if processes < 2 or len(jobs) < max(minimum, processes) or not fork_available():
                outcomes: dict[int, str] = {}
                for index, job in enumerate(jobs):
                    outcome = render(job, session)
                    if outcome is not None:
                        outcomes[index] = outcome
            else:
                outcomes = render_all(jobs, processes, session)
            if reuse is not None:
                self._keep_keys(jobs, outcomes, reuse)
        finally:
            for key, context in contexts.items():
                if after[key] is MISSING:
                    context.pop("localsiteurl", None)
                else:
                    context["localsiteurl"] = after[key]


class FlushGenerator(Generator):  # type: ignore[misc]  # Pelican is untyped
    """Renders the recorded pages; Pelican runs it after the plugins' generators."""

    def generate_output(self, writer: Any) -> None:
        if isinstance(writer, RecordingWriter):
            writer.flush()


def choose_writer(pelican: Any) -> type[Writer] | None:
    """``get_writer`` receiver: the recording writer when pages can render on 2+ cores."""
    settings = pelican.settings
    if not _active(settings) or worker_count(settings) < 2 or not fork_available():
        return None
    return RecordingWriter


def keep_flush_generator_last(pelican: Any) -> None:
    """``initialized`` receiver: make ``add_flush_generator`` the last ``get_generators`` one.

    Pelican adds plugin generators in the order their receivers were connected, and
    signals stay connected for the life of the process: a plugin registered by an
    earlier build in the same process (tests, ``make serve``) would otherwise add its
    generator after the flush, and its pages would be neither parallel nor reused.
    """
    if _active(pelican.settings):
        run_generator_receiver_last(add_flush_generator)


def add_flush_generator(pelican: Any) -> type[Generator] | None:
    """``get_generators`` receiver (list this plugin last: it must run after the others)."""
    return FlushGenerator if _active(pelican.settings) else None
