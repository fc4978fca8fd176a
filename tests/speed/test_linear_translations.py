"""linear_translations: Pelican's translation grouping, the same result in linear time."""

from __future__ import annotations

import logging
from typing import Any

import pelican.generators
import pytest
from pelican.log import LimitFilter
from pelican.utils import process_translations as pelicans
from pelicanconf import PLUGINS

from linear_translations import process_translations, register


class Item:
    """What Pelican's grouping reads of an article: its ids, language and metadata."""

    def __init__(self, number: int, slug: str, lang: str = "en", **metadata: str) -> None:
        self.number = number
        self.slug = slug
        self.lang = lang
        self.metadata = metadata
        self.in_default_lang = lang == "en"
        self.source_path = f"articles/example-{number}.md"

    def __repr__(self) -> str:
        return f"Item({self.number})"


def _items() -> list[Item]:
    return [
        Item(1, "example-c"),
        Item(2, "example-a"),
        Item(3, "example-b", "fr"),
        Item(4, "example-b"),
        Item(5, "example-d", "fr"),  # alone, not in the default language
        Item(6, "example-e", translation="true"),  # alone, marked a translation
        Item(7, "example-f"),
        Item(8, "example-f"),  # the same slug and language twice
        Item(9, "example-g", "de", translation="true"),
        Item(10, "example-g", "fr", translation="true"),  # all translations
        Item(11, "example-a", "de"),
    ]


def _outcome(
    function: Any, translation_id: Any, caplog: pytest.LogCaptureFixture
) -> tuple[list[int], list[int], list[int], dict[int, list[int]], list[str]]:
    caplog.clear()
    # Pelican's log filter drops a message it has let through before.
    LimitFilter._raised_messages.clear()
    items = _items()
    with caplog.at_level(logging.WARNING):
        originals, translations = function(items, translation_id)
    return (
        [item.number for item in items],  # sorted in place, as Pelican does
        [item.number for item in originals],
        [item.number for item in translations],
        {
            item.number: [other.number for other in item.__dict__.get("translations", [])]
            for item in items
        },
        [record.getMessage() for record in caplog.records],
    )


@pytest.mark.parametrize("translation_id", ["slug", ("slug", "lang"), ["lang"], None, ""])
def test_the_same_as_pelicans(translation_id: Any, caplog: pytest.LogCaptureFixture) -> None:
    ours = _outcome(process_translations, translation_id, caplog)
    theirs = _outcome(pelicans, translation_id, caplog)
    assert ours == theirs
    if translation_id == "slug":
        # The fixture has every case: translations, duplicates, all-translation groups.
        assert ours[2] == [11, 3]
        assert len(ours[4]) == 5


@pytest.mark.parametrize("translation_id", ["missing", 5, [1], ("slug", 2)])
def test_a_bad_translation_id_gets_pelicans_message(translation_id: Any) -> None:
    with pytest.raises((AttributeError, TypeError)) as ours:
        process_translations(_items(), translation_id)
    with pytest.raises((AttributeError, TypeError)) as theirs:
        pelicans(_items(), translation_id)
    assert type(ours.value) is type(theirs.value)
    assert str(ours.value) == str(theirs.value)


def test_registered_for_pelicans_generators(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "linear_translations" in PLUGINS
    monkeypatch.setattr(pelican.generators, "process_translations", pelicans)
    register()
    assert pelican.generators.process_translations is process_translations
