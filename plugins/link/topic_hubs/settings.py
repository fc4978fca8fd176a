"""The topic_hubs plugin's settings: declared once (defaults, checks), read once per build."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from content_errors import SettingsError
from site_settings import Setting, SettingsSchema, boolean, setting_values, whole_number
from site_settings import settings_problems as schema_problems

__all__ = ["DEFAULTS", "SCHEMA", "TopicSettings", "settings_problems", "topic_settings"]


def _folder_inside_path(path: Any) -> str | None:
    valid = (
        isinstance(path, str)
        and bool(path)
        and not os.path.isabs(path)
        and ".." not in path.replace(os.sep, "/").split("/")
    )
    return None if valid else "a folder inside PATH, like 'topics'"


def _read_elsewhere(settings: Mapping[str, Any]) -> Iterator[SettingsError]:
    """Topic files must not also be read as articles or pages, or copied as static files."""
    path = settings.get("TOPICS_PATH", "topics")
    if _folder_inside_path(path) is not None:
        return  # reported as a wrong value
    topics = os.path.normpath(path)
    for key in ("ARTICLE_PATHS", "PAGE_PATHS", "STATIC_PATHS"):
        excludes_key = key.replace("_PATHS", "_EXCLUDES")
        excluded = {os.path.normpath(p) for p in settings.get(excludes_key) or []}
        for given in settings.get(key) or []:
            folder = os.path.normpath(given) if given else "."
            inside = folder in {".", topics} or topics.startswith(folder + os.sep)
            if inside and topics not in excluded:
                yield SettingsError(
                    key,
                    f"{key} includes {folder!r}, which holds the topic files ({path}/)",
                    hint=f"add {path!r} to {excludes_key}",
                )


SCHEMA = SettingsSchema(
    plugin="topic_hubs",
    settings=(
        Setting(
            "TOPICS_PATH",
            "topics",
            _folder_inside_path,
            "Folder of topic files, relative to PATH; kept out of articles, pages and static "
            "files, since topics are data, not pages.",
        ),
        Setting(
            "TOPICS_RELATED_LIMIT",
            5,
            whole_number(0),
            'How many articles an article page lists under "Related coverage".',
        ),
        Setting(
            "TOPICS_KEY_POINTS",
            8,
            whole_number(0),
            "How many key points a hub shows (drawn from its newest articles).",
        ),
        Setting(
            "TOPICS_HUB_PAGE_SIZE",
            50,
            whole_number(0),
            "Articles per page of a hub's timeline (page 2 at topics/<slug>/page/2/); 0: one page.",
        ),
        Setting(
            "TOPICS_NEW_SINCE_LAST_VISIT",
            True,
            boolean,
            "Mark, in the reader's browser only, the entries of a hub (and of the home page) "
            "added since the reader last opened it (templates/static/js/new-since.js); False: "
            "the pages load no such script.",
        ),
    ),
    prefixes=("TOPICS_", "TOPIC_"),
    extra=(_read_elsewhere,),
)
# The defaults by name (the importer reads TOPICS_PATH's).
DEFAULTS: dict[str, Any] = {setting.name: setting.default for setting in SCHEMA.settings}


@dataclass(frozen=True)
class TopicSettings:
    folder: str  # absolute
    related_limit: int
    key_points: int
    hub_page_size: int
    new_since_last_visit: bool


def settings_problems(settings: Mapping[str, Any]) -> list[str]:
    """Every wrong or unknown ``TOPICS_*`` setting, as a message saying what to do."""
    return [str(problem) for problem in schema_problems(SCHEMA, settings)]


def topic_settings(settings: Mapping[str, Any]) -> TopicSettings:
    """The settings to use: defaults where a value is missing or wrong (that is reported
    when the build starts)."""
    values = setting_values(SCHEMA, settings)
    return TopicSettings(
        folder=os.path.abspath(os.path.join(str(settings.get("PATH", ".")), values["TOPICS_PATH"])),
        related_limit=values["TOPICS_RELATED_LIMIT"],
        key_points=values["TOPICS_KEY_POINTS"],
        hub_page_size=values["TOPICS_HUB_PAGE_SIZE"],
        new_since_last_visit=values["TOPICS_NEW_SINCE_LAST_VISIT"],
    )
