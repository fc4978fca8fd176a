"""Build the site atomically: into a temporary folder, swapped into place on success.

    python scripts/build.py [-s pelicanconf.py] [-o output]

Every warning or error logged during the build is collected; if there was any, the
build fails (exit 1) after listing them all, and the last good output is left as it
was. Content problems are reported as ``file:line: message``, never as tracebacks.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from search_index import SearchIndexError, build_search_index

ROOT = Path(__file__).resolve().parent.parent


class ProblemCollector(logging.Handler):
    """Remembers every warning and error of a build, to report them together."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.problems: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        # Pelican follows a reader's exception with "Could not process <file>"; the
        # reader has already logged the reason, naming the file, so that line adds nothing.
        if message.startswith("Could not process "):
            failed = message.removeprefix("Could not process ").strip()
            if any(failed in problem for problem in self.problems):
                return
        self.problems.append(f"{record.levelname.lower()}: {message}")


def _swap_into_place(built: Path, output: Path) -> None:
    """Replace ``output`` by ``built`` with two renames (no half-written site)."""
    previous = output.with_name(output.name + ".previous")
    if previous.exists():
        shutil.rmtree(previous)
    if output.exists():
        output.rename(previous)
    built.rename(output)
    if previous.exists():
        shutil.rmtree(previous)


def build(
    settings_file: Path, output: Path, *, overrides: dict[str, object] | None = None
) -> list[str]:
    """Build into a temporary folder next to ``output``; return the problems found."""
    from pelican import Pelican
    from pelican.settings import read_settings

    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=output.name + ".", dir=output.parent))
    collector = ProblemCollector()
    logging.getLogger().addHandler(collector)
    try:
        settings = read_settings(
            str(settings_file), override={"OUTPUT_PATH": str(temporary), **(overrides or {})}
        )
        Pelican(settings).run()
    except Exception as error:  # a crash is a problem too, reported like the rest
        logging.getLogger(__name__).debug("build crashed", exc_info=True)
        collector.problems.append(f"error: {type(error).__name__}: {error}")
    finally:
        logging.getLogger().removeHandler(collector)
    if not collector.problems:
        # Indexed in the temporary folder, so a failed index fails the build like any problem.
        try:
            build_search_index(temporary)
        except SearchIndexError as error:
            collector.problems.append(f"error: search index: {error}")
    if collector.problems:
        shutil.rmtree(temporary, ignore_errors=True)
        return collector.problems
    _swap_into_place(temporary, output)
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT / "plugins"))
    problems = build(Path(args.settings), Path(args.output))
    if problems:
        print(
            f"\nBuild failed: {len(problems)} problem(s); {args.output}/ was left as it was.",
            file=sys.stderr,
        )
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"Built {args.output}/ from {args.settings}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
