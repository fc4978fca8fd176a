"""Measure the importer on a folder of saved pages with the metadata each should give.

    python -m news_import.evaluate CORPUS        (make eval-import CORPUS=<folder>)

The folder holds one sub-folder per case in Mozilla Readability's test layout:
``<case>/source.html`` and ``<case>/expected-metadata.json`` (``title``, ``byline``,
``lang``, ``publishedTime``, ``siteName``; a null or missing value is not checked). A case
may add ``authors`` (a list of names, checked instead of ``byline``), ``mustContain`` and
``mustNotContain`` (lists of text that must / must not be in the written Markdown).

Each case is imported in memory (nothing is written). The table shows, per check, ``ok``,
``--`` (not checked), ``!`` (wrong, but the review report flags it as a guess) or ``X``
(wrong and not flagged: the case an editor would miss); then the score over all checks.
Exit status 0 whatever the score: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from content_errors import ContentError
from news_import.importer import ImportResult, Options, import_file

CHECKS = ("title", "authors", "date", "lang", "site", "text")
# The report lines that flag a guess about each check start with these words.
_FLAG_PREFIX = {
    "title": ("title",),
    "authors": ("byline", "authors"),
    "date": ("date", "no date"),
    "lang": ("lang",),
    "site": ("source",),
    "text": ("dropped", "text"),
}
_SEPARATORS = re.compile(r"\s+[|\-–—:·»]\s+|\s*[|·»]\s*")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
_BY = re.compile(r"^\s*(?:by|par|por|von|di)\s*:?\s+", re.I)


@dataclass
class CaseResult:
    name: str
    marks: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split()).casefold()


def title_matches(got: str | None, expected: str) -> bool:
    """Equal, or equal once a site name joined by a separator is taken off either side."""
    if not got:
        return False
    a, b = _norm(got), _norm(expected)
    if a == b:
        return True
    return any(_norm(part) == a for part in _SEPARATORS.split(expected)) or any(
        _norm(part) == b for part in _SEPARATORS.split(got)
    )


def authors_match(got: list[str], expected: dict[str, Any]) -> bool | None:
    if isinstance(expected.get("authors"), list):
        return sorted(map(_norm, got)) == sorted(map(_norm, expected["authors"]))
    byline = expected.get("byline")
    if not byline:
        return None
    if not got:
        return False
    text = _norm(_BY.sub("", byline))
    # Every name found, and the names cover the byline's words (not a fragment of it).
    if not all(_norm(name) in text for name in got):
        return False
    words = set(re.findall(r"\w+", text))
    covered = set(re.findall(r"\w+", _norm(" ".join(got))))
    return len(covered) >= max(1, len(words) // 3)


def date_matches(got: str | None, expected: str) -> bool:
    return bool(got) and got is not None and got[:10] == expected.strip()[:10]


def lang_matches(got: str | None, expected: str) -> bool:
    primary = expected.split("-", maxsplit=1)[0].lower()
    return bool(got) and (got or "").split("-", maxsplit=1)[0].lower() == primary


def site_matches(got: str | None, expected: str) -> bool:
    if not got:
        return False
    a, b = _norm(got), _norm(expected)
    return a == b or a in b or b in a


def evaluate_case(folder: Path) -> CaseResult:
    expected: dict[str, Any] = json.loads(
        (folder / "expected-metadata.json").read_text(encoding="utf-8")
    )
    result = CaseResult(folder.name)
    source = folder / "source.html"
    try:
        imported: ImportResult | None = import_file(source, Options())
    except ContentError as error:
        imported = None
        result.notes.append(f"import failed: {error}")
    outcomes: dict[str, bool | None] = {}
    if imported is None:
        wanted = {
            "title": expected.get("title"),
            "authors": expected.get("authors") or expected.get("byline"),
            "date": expected.get("publishedTime"),
            "lang": expected.get("lang"),
            "site": expected.get("siteName"),
            "text": expected.get("mustContain") or expected.get("mustNotContain"),
        }
        for check in CHECKS:
            outcomes[check] = False if wanted[check] else None
    else:
        article = imported.article
        outcomes["title"] = (
            title_matches(article.title, expected["title"]) if expected.get("title") else None
        )
        outcomes["authors"] = authors_match(article.authors, expected)
        outcomes["date"] = (
            date_matches(article.date, expected["publishedTime"])
            if expected.get("publishedTime")
            else None
        )
        outcomes["lang"] = (
            lang_matches(article.lang, expected["lang"]) if expected.get("lang") else None
        )
        outcomes["site"] = (
            site_matches(article.source, expected["siteName"]) if expected.get("siteName") else None
        )
        must = expected.get("mustContain") or []
        must_not = expected.get("mustNotContain") or []
        if must or must_not:
            text = _norm(imported.markdown)
            missing = [t for t in must if _norm(t) not in text]
            present = [t for t in must_not if _norm(t) in text]
            outcomes["text"] = not missing and not present
            result.notes += [f"missing text: {t!r}" for t in missing]
            result.notes += [f"unwanted text: {t!r}" for t in present]
        else:
            outcomes["text"] = None
        got = {
            "title": article.title,
            "authors": ", ".join(article.authors),
            "date": article.date,
            "lang": article.lang,
            "site": article.source,
        }
        want = {
            "title": expected.get("title"),
            "authors": expected.get("authors") or expected.get("byline"),
            "date": expected.get("publishedTime"),
            "lang": expected.get("lang"),
            "site": expected.get("siteName"),
        }
        for check, value in got.items():
            if outcomes.get(check) is False:
                result.notes.append(f"{check}: got {value!r}, expected {want[check]!r}")
    guessed = [line.casefold() for line in imported.article.report.guessed] if imported else []
    for check in CHECKS:
        outcome = outcomes.get(check)
        if outcome is None:
            result.marks[check] = "--"
        elif outcome:
            result.marks[check] = "ok"
        elif any(line.startswith(_FLAG_PREFIX[check]) for line in guessed):
            result.marks[check] = "!"
        else:
            result.marks[check] = "X"
    return result


def cases(corpus: Path) -> list[Path]:
    return sorted(
        p
        for p in corpus.iterdir()
        if (p / "source.html").is_file() and (p / "expected-metadata.json").is_file()
    )


def print_table(results: Sequence[CaseResult], out: TextIO, *, verbose: bool) -> None:
    width = max([len(r.name) for r in results] + [4])
    out.write(f"{'case':<{width}}  " + "  ".join(f"{c:>7}" for c in CHECKS) + "\n")
    for r in results:
        out.write(f"{r.name:<{width}}  " + "  ".join(f"{r.marks[c]:>7}" for c in CHECKS) + "\n")
        if verbose:
            for note in r.notes:
                out.write(f"{'':<{width}}    {note}\n")
    marks = [r.marks[c] for r in results for c in CHECKS if r.marks[c] != "--"]
    right = marks.count("ok")
    flagged = marks.count("!")
    out.write(
        f"\nscore: {right}/{len(marks)} checks right ({100 * right / max(1, len(marks)):.1f} %); "
        f"{flagged} wrong but flagged in the review report; {marks.count('X')} wrong and not "
        f"flagged; {len(results)} cases\n"
    )
    for check in CHECKS:
        column = [r.marks[check] for r in results if r.marks[check] != "--"]
        if column:
            out.write(f"  {check:<8} {column.count('ok')}/{len(column)}\n")


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m news_import.evaluate", description=__doc__)
    parser.add_argument(
        "corpus", type=Path, help="folder of <case>/source.html + expected-metadata.json"
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="show what each wrong check got"
    )
    args = parser.parse_args(argv)
    out = stdout or sys.stdout
    corpus: Path = args.corpus
    if not corpus.is_dir():
        print(f"error: {corpus}: not a folder", file=sys.stderr)
        return 2
    found = cases(corpus)
    if not found:
        print(
            f"error: {corpus}: no <case>/source.html with <case>/expected-metadata.json in it",
            file=sys.stderr,
        )
        return 2
    print_table([evaluate_case(case) for case in found], out, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
