"""Strict live articles: each mistake in an entry fails the build naming the file and line."""

from __future__ import annotations

import pytest

HEAD = """---
title: Example live coverage 2
date: 2026-01-25T08:00:00+00:00
live: true
coverage_start: 2026-01-25T08:00:00+00:00
coverage_end: 2026-01-25T20:00:00+00:00
{extra}---

"""


def entry(time: str | None, *fields: str, text: str = "Example entry text.") -> str:
    lines = [*([f"time: {time}"] if time else []), *fields]
    return "::: entry\n" + "\n".join(lines) + ("\n\n" if lines else "") + text + "\n:::\n\n"


def article(*entries: str, extra: str = "") -> str:
    return HEAD.format(extra=extra) + "".join(entries)


def _problem(build_site, text: str) -> str:
    _, problems = build_site({"articles/example-live-coverage-2.md": text})
    assert problems, "the build should have failed"
    named = [p for p in problems if "example-live-coverage-2.md" in p]
    assert named, problems
    return named[0]


def line_of(text: str, needle: str, nth: int) -> int:
    """The 1-based line of the ``nth`` line of ``text`` that starts with ``needle``."""
    found = [n for n, line in enumerate(text.splitlines(), start=1) if line.startswith(needle)]
    return found[nth - 1]


# Each case: the source, the line the message must name (the nth line starting with a
# text), and what the message says.
CASES = [
    pytest.param(
        article(entry(None, "key: true")), ("::: entry", 1), "an entry without a time", id="no-time"
    ),
    pytest.param(
        article(entry(None, text="Example entry 3 has no fields.")),
        ("::: entry", 1),
        "an entry without a time",
        id="no-fields",
    ),
    pytest.param(
        article(entry("2026-01-25T07:59:00+00:00")),
        ("time: 2026-01-25T07:59", 1),
        "before the coverage starts",
        id="before-window",
    ),
    pytest.param(
        article(entry("2026-01-25T09:00:00+00:00"), entry("2026-01-26T09:00:00+00:00")),
        ("time: 2026-01-26", 1),
        "after the coverage ended",
        id="after-window",
    ),
    pytest.param(
        article(entry("2026-01-25T09:00:00+00:00"), entry("2026-01-25T09:00:00+00:00")),
        ("::: entry", 2),
        "two entries at the same time",
        id="same-time",
    ),
    pytest.param(
        article(
            entry("2026-01-25T09:00:00+00:00", "pinned: true"),
            entry("2026-01-25T10:00:00Z", "pinned: true"),
        ),
        ("::: entry", 2),
        "more than one pinned entry",
        id="two-pinned",
    ),
    pytest.param(
        article(entry("2026-01-25T09:00:00+00:00", "id: first"), extra="pinned: second\n"),
        ("pinned: second", 1),
        "'pinned: second' names no entry",
        id="pinned-missing",
    ),
    pytest.param(
        article(entry("2026-01-25T09:00:00+00:00", "autor: Example Person")),
        ("autor:", 1),
        "unknown entry field 'autor' (did you mean 'author'?)",
        id="unknown-field",
    ),
    pytest.param(
        article(entry("2026-01-25")), ("time:", 1), "has no hour and minute", id="day-only"
    ),
    pytest.param(
        article(entry("25/01/2026 09:00")), ("time:", 1), "is not a date and time", id="bad-time"
    ),
    pytest.param(
        article(entry("2026-01-25T09:00:00+00:00", "key: maybe")),
        ("key: maybe", 1),
        "'key' is true or false",
        id="bad-flag",
    ),
    pytest.param(
        article(entry("2026-01-25T09:00:00+00:00", "id: Not An Id")),
        ("id: Not", 1),
        "is not lower-case letters",
        id="bad-id",
    ),
    pytest.param(
        article(entry("2026-01-25T09:00:00+00:00")) + "Stray text after the entries.\n",
        ("Stray text", 1),
        "text after the first entry that is in no entry",
        id="stray-text",
    ),
    pytest.param(
        "---\ntitle: Example article 5\ndate: 2026-01-25\n---\n\n"
        + entry("2026-01-25T09:00:00+00:00"),
        ("::: entry", 1),
        "'::: entry' blocks are for a live article",
        id="not-live",
    ),
    pytest.param(
        article(extra="") + "No entries at all.\n",
        ("live: true", 1),
        "a live article with no",
        id="no-entry",
    ),
]


@pytest.mark.parametrize(("text", "at", "message"), CASES)
def test_a_mistake_fails_the_build_with_file_and_line(build_site, text, at, message):
    problem = _problem(build_site, text)
    line = line_of(text, *at)
    assert f"articles/example-live-coverage-2.md:{line}: " in problem, (line, problem)
    assert message in problem, problem
    assert "Traceback" not in problem


def test_two_entries_at_one_time_are_fine_with_ids(build_site):
    text = article(
        entry("2026-01-25T09:00:00+00:00", "id: first-statement"),
        entry("2026-01-25T09:00:00+00:00", "id: second-statement"),
    )
    _, problems = build_site({"articles/example-live-coverage-2.md": text})
    assert problems == []
