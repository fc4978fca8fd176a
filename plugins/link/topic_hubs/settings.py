"""The topic_hubs plugin's settings: defaults in one place, checked when the build starts."""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["DEFAULTS", "TopicSettings", "settings_problems", "topic_settings"]

DEFAULTS: dict[str, Any] = {
    # Folder of topic files, relative to PATH (content/); kept out of articles, pages
    # and static files, since topics are data, not pages.
    "TOPICS_PATH": "topics",
    # How many articles an article page lists under "Related coverage".
    "TOPICS_RELATED_LIMIT": 5,
    # How many key points a hub shows (drawn from its newest articles).
    "TOPICS_KEY_POINTS": 8,
    # Articles per page of a hub's timeline (page 2 at topics/<slug>/page/2/); 0: one page.
    "TOPICS_HUB_PAGE_SIZE": 50,
}


@dataclass(frozen=True)
class TopicSettings:
    folder: str  # absolute
    related_limit: int
    key_points: int
    hub_page_size: int


def settings_problems(settings: Mapping[str, Any]) -> list[str]:
    """Every wrong or unknown ``TOPICS_*`` setting, as a message saying what to do."""
    problems = []
    for key in settings:
        if key.startswith(("TOPICS_", "TOPIC_")) and key not in DEFAULTS:
            close = difflib.get_close_matches(key, list(DEFAULTS), n=1)
            hint = f"did you mean {close[0]}?" if close else "known: " + ", ".join(DEFAULTS)
            problems.append(f"pelicanconf: unknown setting {key} ({hint})")
    path = settings.get("TOPICS_PATH", DEFAULTS["TOPICS_PATH"])
    if not _valid_path(path):
        problems.append(
            f"pelicanconf: TOPICS_PATH must be a folder inside PATH, like 'topics', not {path!r}"
        )
    else:
        problems.extend(_read_elsewhere(path, settings))
    for key in ("TOPICS_RELATED_LIMIT", "TOPICS_KEY_POINTS", "TOPICS_HUB_PAGE_SIZE"):
        value = settings.get(key, DEFAULTS[key])
        if not _valid_number(value):
            problems.append(f"pelicanconf: {key} must be a whole number ≥ 0, not {value!r}")
    return problems


def _read_elsewhere(path: str, settings: Mapping[str, Any]) -> list[str]:
    """Topic files must not also be read as articles or pages, or copied as static files."""
    problems = []
    topics = os.path.normpath(path)
    for key in ("ARTICLE_PATHS", "PAGE_PATHS", "STATIC_PATHS"):
        excludes_key = key.replace("_PATHS", "_EXCLUDES")
        excluded = {os.path.normpath(p) for p in settings.get(excludes_key) or []}
        for given in settings.get(key) or []:
            folder = os.path.normpath(given) if given else "."
            inside = folder in {".", topics} or topics.startswith(folder + os.sep)
            if inside and topics not in excluded:
                problems.append(
                    f"pelicanconf: {key} includes {folder!r}, which holds the topic files "
                    f"({path}/) (add {path!r} to {excludes_key})"
                )
    return problems


def _valid_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _valid_path(path: Any) -> bool:
    return (
        isinstance(path, str)
        and bool(path)
        and not os.path.isabs(path)
        and ".." not in path.replace(os.sep, "/").split("/")
    )


def topic_settings(settings: Mapping[str, Any]) -> TopicSettings:
    """The settings to use: defaults where a value is missing or wrong (that is reported
    by :func:`settings_problems` when the build starts)."""

    def value(key: str, valid: Any) -> Any:
        given = settings.get(key, DEFAULTS[key])
        return given if valid(given) else DEFAULTS[key]

    path = value("TOPICS_PATH", _valid_path)
    return TopicSettings(
        folder=os.path.abspath(os.path.join(str(settings.get("PATH", ".")), path)),
        related_limit=value("TOPICS_RELATED_LIMIT", _valid_number),
        key_points=value("TOPICS_KEY_POINTS", _valid_number),
        hub_page_size=value("TOPICS_HUB_PAGE_SIZE", _valid_number),
    )
