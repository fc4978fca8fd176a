"""The topic_hubs plugin's settings: declared once (defaults, checks), read once per build."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from site_settings import (
    Setting,
    SettingsSchema,
    boolean,
    data_folder_read_elsewhere,
    folder_inside_path,
    setting_values,
    whole_number,
)
from site_settings import settings_problems as schema_problems

__all__ = ["DEFAULTS", "SCHEMA", "TopicSettings", "settings_problems", "topic_settings"]


SCHEMA = SettingsSchema(
    plugin="topic_hubs",
    settings=(
        Setting(
            "TOPICS_PATH",
            "topics",
            folder_inside_path,
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
    extra=(data_folder_read_elsewhere("TOPICS_PATH", "topics", "the topic files"),),
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
