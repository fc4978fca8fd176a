"""The command line: options, writing the file (never over another), the review report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from content_errors import ContentError
from news_import.importer import ImportResult, Options, import_file
from news_import.model import Heading
from news_import.project import check_topics_exist

DEFAULT_OUTPUT_DIR = Path("content/articles")
# What a batch import takes from a folder.
IMPORTABLE = frozenset({".html", ".htm", ".xhtml", ".shtml", ".txt", ".text"})
EXIT_OK = 0
EXIT_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m news_import",
        description="Import a plain-text or saved-HTML news article as a Markdown source.",
    )
    parser.add_argument(
        "src",
        type=Path,
        help="the article: a .txt file or a saved .html page, or a folder of them",
    )
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
) -> int:
    """Run the importer; 0 when every file was written, 1 for bad input, 2 for bad usage.

    ``src`` may be a folder: every page and text file in it is imported (one report each,
    then a summary); one that fails does not stop the others, and the exit code is 1.
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    options = Options(
        title=args.title,
        date=args.date,
        source=args.source,
        url=args.url,
        topics=[t.strip() for t in (args.topics or "").split(",") if t.strip()],
        authors=[a.strip() for a in args.author if a.strip()],
    )
    src: Path = args.src
    if src.is_dir():
        per_file = [flag for flag, value in (("--title", args.title), ("--date", args.date),
                    ("--url", args.url)) if value]  # fmt: skip
        if per_file:
            parser.error(f"{', '.join(per_file)} name one article: not with a folder ({src})")
        return _import_folder(src, options, args, out, err)
    return EXIT_OK if _import_one(src, options, args, out, err) else EXIT_ERROR


def _import_one(
    src: Path, options: Options, args: argparse.Namespace, out: TextIO, err: TextIO
) -> bool:
    output_dir: Path = args.output_dir
    try:
        result = import_file(src, options)
        # Against the site that will build the article, wherever --output-dir puts it.
        check_topics_exist(result.article.topics, str(src), start=Path.cwd())
        target = output_dir / result.file_name
        _write(target, result.markdown, force=args.force, source=str(src))
    except ContentError as error:
        print(f"error: {error}", file=err)
        return False
    print(target, file=out)
    print(report(result), file=out)
    return True


def batch_sources(folder: Path) -> list[Path]:
    """The pages and text files directly in ``folder``, in name order (hidden ones skipped)."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower() in IMPORTABLE
    )


def _import_folder(
    folder: Path, options: Options, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    sources = batch_sources(folder)
    if not sources:
        print(
            f"error: {folder}: no pages or text files to import ({', '.join(sorted(IMPORTABLE))})",
            file=err,
        )
        return EXIT_ERROR
    failed: list[Path] = []
    for number, src in enumerate(sources, start=1):
        if number > 1:
            print(file=out)
        print(f"[{number}/{len(sources)}] {src}", file=out)
        if not _import_one(src, options, args, out, err):
            failed.append(src)
    print(
        f"\nImported {len(sources) - len(failed)} of {len(sources)} files from {folder}.", file=out
    )
    if failed:
        print("Failed (see the errors above): " + ", ".join(str(p) for p in failed), file=out)
        return EXIT_ERROR
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
        *([f"modified: {article.modified}"] if article.modified else []),
        f"authors: {', '.join(article.authors) or 'none'}"
        + (
            "; contributors: " + ", ".join(f"{n} ({r})" for n, r in article.contributors)
            if article.contributors
            else ""
        ),
        *([f"source: {article.source}"] if article.source else []),
        *([f"lang: {article.lang}"] if article.lang else []),
        *([f"summary: {article.summary}"] if article.summary else []),
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
        ("Not in the source, add by hand", article.report.to_add),
    ):
        if items:
            lines.append(f"{label}:")
            lines += [f"  - {item}" for item in items]
    return "\n".join(lines)
