"""Build the site atomically: into a temporary folder, swapped into place on success.

    python scripts/build.py [-s pelicanconf.py] [-o output]

Every warning or error logged during the build is collected; if there was any, the
build fails (exit 1) after listing them all, and the last good output is left as it
was. Content problems are reported as ``file:line: message``, never as tracebacks.

Reproducible: with ``SOURCE_DATE_EPOCH`` set (https://reproducible-builds.org), the
build's date is that time (setting ``BUILD_DATE`` for plugins and templates, which
must never use the clock) and every output file gets it as its modification time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from blinker import signal

from output_folder import BuildLockedError, OutputFolder
from project_paths import make_importable
from search_index import BUNDLE_DIR, SearchIndexError, build_search_index
from websub import notify_changed
from write_failures import describe, sources_by_output

ROOT = Path(__file__).resolve().parent.parent


# Pelican's own messages about a file it skips or cannot link. When one of our
# messages (a ContentError, which also says what to do) already names that file or
# link, Pelican's adds nothing and is left out of the list.
_PELICAN_ECHOES = (
    "Could not process ",
    "Skipping ",
    "There are ",
    "Unable to find ",
    "Unknown status ",
    "Unable to generate valid slug ",
    "Cannot get modification stamp for ",
    "{filename} used for linking to static",
    "Document title missing in file ",
)
# Echoes that name a link or tag (their last argument) rather than a file.
_NAMING_ECHOES = ("Unable to find ", "Unable to generate valid slug ")
# Pelican folds its sixth and later "Unable to find" (per process) into this line, which
# names nothing: an echo once we reported broken links ourselves (the build fails on
# those; anything else it stood for shows again once they are fixed).
_FOLDED_LINK_ECHO = "Other resources were not found and their urls not replaced"
_MENTIONED_PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)+\.\w+")
# "content/articles/x.md:12: ..." -- our message format, however it was logged.
_LOCATED = re.compile(r"^(?P<path>[^\s:]+\.\w+)(?::\d+)?: ")


# Characters that would start a new line or rewrite the terminal in the report (a file
# named "a.md\nerror: ..." would forge a problem): shown escaped, each problem one line.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _one_line(message: str) -> str:
    """``'a\nb'`` -> ``'a\\nb'``: every control character escaped, as ``repr`` would."""
    if message.isascii() and message.isprintable():
        return message
    return _UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], message)


def _content_error_path(record: logging.LogRecord) -> str | None:
    """The file a logged ContentError names (duck-typed: plugins/ may not be importable)."""
    args = record.args if isinstance(record.args, tuple) else ()
    for value in (record.msg, *args):
        if isinstance(value, Exception) and isinstance(getattr(value, "path", None), str):
            return str(value.path)
    return None


def _same_file(named: str, reported: str) -> bool:
    named = named.replace(os.sep, "/")
    return named == reported or named.endswith("/" + reported) or reported.endswith("/" + named)


class ProblemCollector(logging.Handler):
    """Remembers every warning and error of a build, to report them together."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.problems: list[str] = []
        self._echo_candidates: list[tuple[str, list[str], bool]] = []
        self._reported_files: set[str] = set()
        self._our_messages: list[str] = []
        self._folded_link_echoes: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "newsdigest_notice", False):
            # A notice (pelican_compat: the speed patches are off on this Pelican version):
            # shown on the console, the site is still right.
            return
        message = _one_line(record.getMessage())
        problem = f"{record.levelname.lower()}: {message}"
        self.problems.append(problem)
        path = _content_error_path(record)
        located = _LOCATED.match(message)
        if path is None and located and not record.name.startswith("pelican"):
            path = located.group("path")
        if path is not None:
            self._reported_files.add(path)
            self._our_messages.append(message)
        elif record.name.startswith("pelican") and message == _FOLDED_LINK_ECHO:
            self._folded_link_echoes.append(problem)
        elif record.name.startswith("pelican") and message.startswith(_PELICAN_ECHOES):
            args = record.args if isinstance(record.args, tuple) else ()
            named = [str(arg) for arg in args if not isinstance(arg, int | float)]
            if message.startswith(_NAMING_ECHOES):
                self._echo_candidates.append((problem, named[-1:], True))
            else:
                self._echo_candidates.append((problem, named, False))

    def drop_echoes(self) -> None:
        """Leave out Pelican's messages about files or links we reported ourselves."""
        # Files our messages name besides their own (a link's missing target, say).
        mentioned = {path for ours in self._our_messages for path in _MENTIONED_PATH.findall(ours)}
        for problem, named, is_link in self._echo_candidates:
            if is_link:
                # Named as written ('x.md#a') or as repr ('' for an empty tag name).
                echo = any(
                    (arg and (arg in ours or html.unescape(arg) in ours)) or repr(arg) in ours
                    for arg in named
                    for ours in self._our_messages
                )
            else:
                files = self._reported_files | mentioned
                echo = any(_same_file(arg, path) for arg in named for path in files)
            if echo and problem in self.problems:
                self.problems.remove(problem)
        self._echo_candidates.clear()
        if any(": link to " in ours for ours in self._our_messages):
            for problem in self._folded_link_echoes:
                if problem in self.problems:
                    self.problems.remove(problem)
        self._folded_link_echoes.clear()


class Sweeper:
    """Removes the output the last build replaced, and what killed builds left beside it, in a
    process of its own, while this build works.

    Removing a site's ~20,000 files and folders is file-system work (0.7 s on a quiet disk, much
    more on a busy one, where each freed folder block is discarded): done by ``rm -rf`` next to
    the build, it costs no time of the build's own unless it outlasts it (``finish`` waits). The
    folders are first moved into a trash folder of their own, so the swap finds its place free.
    Where ``rm`` cannot be started, ``finish`` removes them.
    """

    def __init__(self, output: Path, stale: Iterable[Path] = ()) -> None:
        self._folders: list[Path] = []
        self._process: subprocess.Popen[bytes] | None = None
        leftovers = [
            path for path in (output.with_name(output.name + ".previous"), *stale) if path.exists()
        ]
        if not leftovers:
            return
        try:
            trash = Path(tempfile.mkdtemp(prefix=output.name + ".trash-", dir=output.parent))
        except OSError:
            return  # cannot be made: the swap removes the previous output itself
        self._folders.append(trash)
        for path in leftovers:
            try:
                path.rename(trash / path.name)
            except OSError:
                continue  # gone meanwhile, or cannot be moved: left for the next build
        try:
            self._process = subprocess.Popen(
                ["rm", "-rf", "--", str(trash)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._process = None

    def finish(self) -> None:
        """Wait for the removal (or do it here)."""
        if self._process is not None:
            self._process.wait()
        for folder in self._folders:
            shutil.rmtree(folder, ignore_errors=True)


def source_date(environ: Mapping[str, str]) -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as an aware UTC datetime (None when unset)."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(
            f"SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds since 1970"
            " (set it with: export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct))"
        )
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)


def _stamp_times(folder: Path, when: dt.datetime) -> None:
    """Give every file and folder the same modification time (archives, Last-Modified)."""
    seconds = when.timestamp()
    for path in sorted(folder.rglob("*"), reverse=True):
        os.utime(path, (seconds, seconds), follow_symlinks=False)
    os.utime(folder, (seconds, seconds))


def build(
    settings_file: Path, output: Path, *, overrides: dict[str, object] | None = None
) -> list[str]:
    """Build into a temporary folder next to ``output``; return the problems found.

    One build of an output folder at a time (output_folder.OutputFolder.lock): a second
    one is refused, naming the process that builds.
    """
    try:
        build_date = source_date(os.environ)
    except ValueError as error:
        return [f"error: {error}"]
    output = output.resolve()
    folder = OutputFolder(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        folder.lock()
    except BuildLockedError as error:
        return [f"error: {error}"]
    except OSError as error:
        return [f"error: {describe(error, building=output, output=output)}"]
    try:
        # What a killed build left: a swap to finish, folders to remove.
        folder.recover()
        sweeper = Sweeper(output, folder.stale_folders())
        try:
            return _build(settings_file, folder, build_date, overrides)
        finally:
            sweeper.finish()
    except OSError as error:
        return [f"error: {describe(error, building=output, output=output)}"]
    finally:
        folder.unlock()


def _written_into_search_folder(sources: dict[str, str]) -> list[str]:
    """Problems for pages a source saves inside the search index's folder (pagefind/)."""
    return [
        f"error: {source}: its page is saved as {save_as}, inside the folder the search index"
        f" is written to ({BUNDLE_DIR}/): give it another save_as"
        for save_as, source in sorted(sources.items())
        if save_as.startswith(BUNDLE_DIR + "/")
    ]


def _build(
    settings_file: Path,
    folder: OutputFolder,
    build_date: dt.datetime | None,
    overrides: dict[str, object] | None,
) -> list[str]:
    from pelican import Pelican
    from pelican.settings import read_settings

    output = folder.output
    temporary = folder.new_build_folder()
    collector = ProblemCollector()
    logging.getLogger().addHandler(collector)
    # The generators, to name the source of a page that could not be written.
    generators: list[object] = []
    content_root = ""
    try:
        settings = read_settings(
            str(settings_file),
            override={
                "OUTPUT_PATH": str(temporary),
                # The last good build, whose unchanged pages the new one links to.
                "LAST_OUTPUT_PATH": str(output),
                "BUILD_DATE": build_date,
                # Written into the site after Pelican: no source may write there.
                "RESERVED_OUTPUT_FOLDERS": {BUNDLE_DIR: "the search index"},
                **(overrides or {}),
            },
        )
        content_root = os.path.dirname(os.path.abspath(str(settings["PATH"])))
        # Read before plugins run: content_cache points CACHE_PATH at a folder of its own.
        search_cache = Path(str(settings["CACHE_PATH"])) / "search"
        with signal("all_generators_finalized").connected_to(generators.extend):
            Pelican(settings).run()
    except OSError as error:  # a full disk, a read-only folder, a name too long
        logging.getLogger(__name__).debug("build crashed", exc_info=True)
        sources = sources_by_output(generators, content_root)
        collector.problems.append(
            f"error: {describe(error, building=temporary, output=output, sources=sources)}"
        )
    except Exception as error:  # a crash is a problem too, reported like the rest
        logging.getLogger(__name__).debug("build crashed", exc_info=True)
        collector.problems.append(f"error: {type(error).__name__}: {error}")
    finally:
        logging.getLogger().removeHandler(collector)
        collector.drop_echoes()
    if not collector.problems and (temporary / BUNDLE_DIR).exists():
        collector.problems += _written_into_search_folder(
            sources_by_output(generators, content_root)
        ) or [f"error: {output}/{BUNDLE_DIR}/ was written by the build: it is the search index's"]
    if not collector.problems:
        collector.problems += _index_and_swap(temporary, folder, search_cache, build_date)
    if collector.problems:
        shutil.rmtree(temporary, ignore_errors=True)
    return collector.problems


def _index_and_swap(
    temporary: Path, folder: OutputFolder, search_cache: Path, build_date: dt.datetime | None
) -> list[str]:
    """Index the built site and put it in place; the problems met (none: it is in place)."""
    output = folder.output
    # Indexed in the temporary folder, so a failed index fails the build like any problem;
    # unchanged shards come from the cache, which is updated only once the build is in place.
    try:
        search = build_search_index(temporary, cache=search_cache)
    except SearchIndexError as error:
        cause = error.__cause__
        if isinstance(cause, OSError):
            return [f"error: search index: {describe(cause, building=temporary, output=output)}"]
        return [f"error: search index: {error}"]
    try:
        if build_date is not None:
            _stamp_times(temporary, build_date)
        folder.swap(temporary)
    except OSError as error:
        return [f"error: {describe(error, building=temporary, output=output)}"]
    search.remember(output, restamped=build_date is not None)
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument(
        "--notify-hub",
        action="store_true",
        help="once the site is in place, tell the WebSub hub its feeds declare which feeds"
        " changed (make publish; a hub that cannot be reached never fails the build)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    os.chdir(ROOT)
    make_importable()
    # The strict_build plugin counts what became of every source ("nothing lost").
    tallies: list[Any] = []  # strict_build's Tally
    with signal("newsdigest.sources_tallied").connected_to(tallies.append):
        problems = build(Path(args.settings), Path(args.output))
    counted = "".join(f"{line}.\n" for tally in tallies for line in tally.lines())
    if problems:
        print(
            f"\n{counted}Build failed: {len(problems)} problem(s); {args.output}/ was left as it"
            " was.",
            file=sys.stderr,
        )
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{counted}Built {args.output}/ from {args.settings}.")
    if args.notify_hub:
        # After the swap: the hub fetches the feeds it is told of, so they must be in place.
        notification = notify_changed(Path(args.output))
        for line in notification.told():
            print(line)
        for line in notification.problems:
            print(line, file=sys.stderr)
    return 0


def exit_now(code: int) -> None:
    """Leave without freeing, one by one, the objects of the build (≈ 1 s at 5,000 articles).

    Every file is written and closed by then; only the standard streams need flushing.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    exit_now(main())
