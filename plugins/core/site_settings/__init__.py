"""Every plugin's settings, declared as data and checked once when a build starts.

A plugin lists its settings in its own ``settings`` module as a :class:`SettingsSchema`:
each :class:`Setting` has a name, a default, a check and a line of documentation, and the
schema names the prefixes that belong to the plugin (a misspelt key with one of them is an
error that suggests the closest known name). The plugin's ``initialized`` receiver calls
:func:`report_problems`, which logs every problem as a :class:`~content_errors.SettingsError`
(the build collects them and fails, naming each key); the plugin then reads its values with
:func:`setting_values`, which gives the default wherever a value is missing or wrong, so a
wrong setting is reported once and never crashes the build. Settings are only read: no
plugin writes into Pelican's settings.

    pelicanconf: unknown setting TOPICS_RELATED_LIMT (did you mean TOPICS_RELATED_LIMIT?)
    pelicanconf: PARALLEL_READ_WORKERS = 'four' must be a whole number ≥ 0

Not a Pelican plugin (no ``register``): a library the plugins share.
"""

from __future__ import annotations

import difflib
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from content_errors import SettingsError

__all__ = [
    "Check",
    "Setting",
    "SettingsSchema",
    "boolean",
    "data_folder_read_elsewhere",
    "folder_inside_path",
    "optional",
    "report_problems",
    "setting_values",
    "settings_problems",
    "unknown_key_problem",
    "whole_number",
]

logger = logging.getLogger(__name__)

# A check returns None for a good value, or what the value must be ("True or False").
Check = Callable[[object], str | None]


@dataclass(frozen=True)
class Setting:
    """One setting: its name, its default (used when unset), its check, what it does."""

    name: str
    default: object
    check: Check
    doc: str


@dataclass(frozen=True)
class SettingsSchema:
    """A plugin's settings. Keys starting with one of ``prefixes`` belong to the plugin:
    one that is not declared is reported with the closest declared name. ``extra``
    checks the settings together (e.g. a setting that needs another); each returns
    its problems."""

    plugin: str
    settings: tuple[Setting, ...]
    prefixes: tuple[str, ...] = ()
    extra: tuple[Callable[[Mapping[str, object]], Iterable[SettingsError]], ...] = field(default=())
    # "unknown setting" by default; newsroom's messages say "unknown newsroom setting".
    unknown_label: str = "setting"

    @property
    def names(self) -> list[str]:
        return [setting.name for setting in self.settings]

    def __getitem__(self, name: str) -> Setting:
        for setting in self.settings:
            if setting.name == name:
                return setting
        raise KeyError(name)


def unknown_key_problem(
    key: str, known: Iterable[str], label: str = "setting", plugin: str = ""
) -> SettingsError:
    """``unknown setting KEY (did you mean KNOWN?)``, or the known names when none is close."""
    names = sorted(known)
    close = difflib.get_close_matches(key, names, n=1)
    if close:
        hint = f"did you mean {close[0]}?"
    elif names:
        hint = "known: " + ", ".join(names)
    else:
        hint = f"the {plugin} plugin has no settings; remove it"
    return SettingsError(key, f"unknown {label} {key}", hint=hint)


def _wrong_value(setting: Setting, value: object) -> SettingsError | None:
    wanted = setting.check(value)
    if wanted is None:
        return None
    return SettingsError(setting.name, f"{setting.name} = {value!r} must be {wanted}")


def settings_problems(
    schema: SettingsSchema, settings: Mapping[str, object]
) -> list[SettingsError]:
    """Every unknown key with the plugin's prefixes, wrong value and conflict, in that order."""
    known = set(schema.names)
    problems = [
        unknown_key_problem(key, known, schema.unknown_label, schema.plugin)
        for key in settings
        if schema.prefixes and key.startswith(schema.prefixes) and key not in known
    ]
    for setting in schema.settings:
        if setting.name in settings:
            problem = _wrong_value(setting, settings[setting.name])
            if problem is not None:
                problems.append(problem)
    for check in schema.extra:
        problems.extend(check(settings))
    return problems


def report_problems(schema: SettingsSchema, settings: Mapping[str, object]) -> list[SettingsError]:
    """``initialized``: log each problem as an error (the build reports them together)."""
    problems = settings_problems(schema, settings)
    for problem in problems:
        logger.error("%s", problem)
    return problems


def setting_values(schema: SettingsSchema, settings: Mapping[str, object]) -> dict[str, Any]:
    """Each declared setting's value: the site's when given and right, else the default."""
    values = {}
    for setting in schema.settings:
        value = settings.get(setting.name, setting.default)
        if setting.name in settings and setting.check(value) is not None:
            value = setting.default
        values[setting.name] = value
    return values


# Checks shared by the plugins; each says what a right value is.


def boolean(value: object) -> str | None:
    return None if isinstance(value, bool) else "True or False"


def whole_number(minimum: int = 0) -> Check:
    """A whole number (not a bool) of at least ``minimum``."""

    def check(value: object) -> str | None:
        if isinstance(value, int) and not isinstance(value, bool) and value >= minimum:
            return None
        return f"a whole number of at least {minimum}"

    return check


def optional(check: Check) -> Check:
    """None, or a value ``check`` accepts."""

    def check_or_none(value: object) -> str | None:
        wanted = None if value is None else check(value)
        return None if wanted is None else f"None or {wanted}"

    return check_or_none


def folder_inside_path(value: Any) -> str | None:
    """A folder inside ``PATH`` (relative, without ``..``), like ``'topics'``."""
    valid = (
        isinstance(value, str)
        and bool(value)
        and not os.path.isabs(value)
        and ".." not in value.replace(os.sep, "/").split("/")
    )
    return None if valid else "a folder inside PATH, like 'topics'"


def data_folder_read_elsewhere(
    setting: str, default: str, what: str
) -> Callable[[Mapping[str, Any]], Iterator[SettingsError]]:
    """A schema's ``extra`` check: the folder named by ``setting`` (``default`` when unset)
    holds data files (``what``: "the topic files"), which must not also be read as
    articles or pages, or copied as static files."""

    def check(settings: Mapping[str, Any]) -> Iterator[SettingsError]:
        path = settings.get(setting, default)
        if folder_inside_path(path) is not None:
            return  # reported as a wrong value
        data = os.path.normpath(path)
        for key in ("ARTICLE_PATHS", "PAGE_PATHS", "STATIC_PATHS"):
            excludes_key = key.replace("_PATHS", "_EXCLUDES")
            excluded = {os.path.normpath(p) for p in settings.get(excludes_key) or []}
            for given in settings.get(key) or []:
                folder = os.path.normpath(given) if given else "."
                inside = folder in {".", data} or data.startswith(folder + os.sep)
                if inside and data not in excluded:
                    yield SettingsError(
                        key,
                        f"{key} includes {folder!r}, which holds {what} ({path}/)",
                        hint=f"add {path!r} to {excludes_key}",
                    )

    return check
