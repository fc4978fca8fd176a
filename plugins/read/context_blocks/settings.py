"""The context_blocks plugin's settings: declared once (defaults, checks), read once per build."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from site_settings import (
    Setting,
    SettingsSchema,
    data_folder_read_elsewhere,
    folder_inside_path,
    setting_values,
)

__all__ = ["SCHEMA", "context_folder"]

SCHEMA = SettingsSchema(
    plugin="context_blocks",
    settings=(
        Setting(
            "CONTEXT_PATH",
            "context",
            folder_inside_path,
            "Folder of context files (explainers placed with '::: context <slug>'), relative "
            "to PATH; kept out of articles, pages and static files, since they are data.",
        ),
    ),
    prefixes=("CONTEXT_",),
    extra=(data_folder_read_elsewhere("CONTEXT_PATH", "context", "the context files"),),
)


def context_folder(settings: Mapping[str, Any]) -> str:
    """The absolute folder of the context files (the default when the setting is wrong,
    which is reported when the build starts)."""
    folder = setting_values(SCHEMA, settings)["CONTEXT_PATH"]
    return os.path.abspath(os.path.join(str(settings.get("PATH", ".")), folder))
