"""The command line: options, writing the file (never over another), the review report."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from content_errors import ContentError
from news_import.importer import ImportResult, Options, import_file
from news_import.model import Heading
from news_import.project import check_topics_exist

DEFAULT_OUTPUT_DIR = Path("content/articles")
EXIT_OK = 0
EXIT_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m news_import",
        description="Import a plain-text or saved-HTML news article as a Markdown source.",
    )
    parser.add_argument("src", type=Path, help="the article: a .txt file or a saved .html page")
    parser.add_argument("--title", help="the headline (overrides the file's own)")
    parser.add_argument("--date", help="publication date: 2026-01-25 or 2026-01-25T14:05:00+00:00")
    parser.add_argument("--source", help="the outlet or agency the article comes from")
    parser.add_argument("--url", help="the URL of the original article")
    parser.add_argument("--topics", help="comma-separated topic slugs, e.g. rafah-crossing")
    parser.add_argument(
        "--author", action="append", default=[], help="an author (repeat for several)"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=DEFAULT_OUTPUT_DIR,
        help=f"where to write the Markdown file (default: {DEFAULT_OUTPUT_DIR})",
    )
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    today: dt.date | None = None,
) -> int:
    """Run the importer; 0 when the file was written, 1 for bad input, 2 for bad usage.

    ``today`` names the file of an undated draft (a seam for tests; default: today).
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args = build_parser().parse_args(argv)
    options = Options(
        title=args.title,
        date=args.date,
        source=args.source,
        url=args.url,
        topics=[t.strip() for t in (args.topics or "").split(",") if t.strip()],
        authors=[a.strip() for a in args.author if a.strip()],
    )
    output_dir: Path = args.output_dir
    try:
        result = import_file(args.src, options, today=today)
        # Against the site that will build the article, wherever --output-dir puts it.
        check_topics_exist(result.article.topics, str(args.src), start=Path.cwd())
        target = output_dir / result.file_name
        _write(target, result.markdown, force=args.force, source=str(args.src))
    except ContentError as error:
        print(f"error: {error}", file=err)
        return EXIT_ERROR
    print(target, file=out)
    print(report(result), file=out)
    return EXIT_OK


def _write(target: Path, markdown: str, *, force: bool, source: str) -> None:
    from news_import.errors import ImportInputError

    if target.exists() and not force:
        raise ImportInputError(
            source,
            f"not imported: {target} already exists",
            hint="edit that file, or pass --force to replace it",
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_text(markdown, encoding="utf-8")
        temporary.replace(target)
    except OSError as error:
        raise ImportInputError(source, f"could not write {target}: {error.strerror}") from None


def report(result: ImportResult) -> str:
    """The review report: what was recognised, what was guessed, what was left out."""
    article = result.article
    headings = article.headings()
    posts = article.posts()
    summary = [
        f"title: {article.title}",
        f"date: {article.date or 'none (draft)'}",
        f"dateline: {article.dateline or 'none'}",
        f"key points: {len(article.key_points)}",
        f"section headings: {len(headings)}"
        + (
            f" ({'; '.join(h.text for h in headings if isinstance(h, Heading))})"
            if headings
            else ""
        ),
        f"embedded posts: {len(posts)}"
        + (f" ({', '.join(p.describe() for p in posts)})" if posts else ""),
    ]
    lines = ["Review before publishing:"]
    lines += [f"  {line}" for line in summary]
    for label, items in (
        ("Recognised", article.report.recognised),
        ("Guessed, check these", article.report.guessed),
        ("Left out", article.report.left_out),
    ):
        if items:
            lines.append(f"{label}:")
            lines += [f"  - {item}" for item in items]
    return "\n".join(lines)
