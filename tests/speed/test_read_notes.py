"""Articles described as read on another core equal those described in the build."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from parallel_write import read_notes
from parallel_write.site_state import HELD_AS_READ


def _articles() -> list[Any]:
    return [
        SimpleNamespace(
            title=f"Example article {number}",
            metadata={"summary": f"Example summary {number}.", "tags": ["a", "b"]},
            sections=[{"id": None, "line": number, "text": "Example lead."}],
        )
        for number in range(1, 6)
    ]


def test_notes_made_on_another_core_are_those_made_here() -> None:
    settings = object()
    articles = _articles()
    read_notes.start_notes(settings, articles)
    # Changed after the notes started: the notes describe the articles as they were.
    articles[0].title = "Example article 1, changed later"
    read_notes.take_notes(settings)
    expected = read_notes.describe_all(_articles())
    assert [vars(article)[HELD_AS_READ] for article in articles] == expected
    assert len(set(expected)) == len(expected)


def test_a_failed_describing_process_leaves_the_build_to_describe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("example failure")

    # The child writes its digests with pickle.dump: it fails, and exits with an error.
    monkeypatch.setattr(read_notes.pickle, "dump", fail)
    settings = object()
    articles = _articles()
    read_notes.start_notes(settings, articles)
    read_notes.take_notes(settings)
    assert [vars(article)[HELD_AS_READ] for article in articles] == read_notes.describe_all(
        _articles()
    )


def test_notes_of_another_build_are_not_taken() -> None:
    articles = _articles()
    read_notes.start_notes(object(), articles)
    read_notes.take_notes(object())
    assert not any(HELD_AS_READ in vars(article) for article in articles)
    # The next build closes what the failed one left.
    read_notes.start_notes(settings := object(), articles)
    read_notes.take_notes(settings)
    assert all(HELD_AS_READ in vars(article) for article in articles)
