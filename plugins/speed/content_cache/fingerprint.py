"""What a parse depends on besides the file: one digest for settings, code and templates."""

from __future__ import annotations

import hashlib
import importlib.metadata
import inspect
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

# Settings that name where this build writes, not what it reads.
VOLATILE_SETTINGS = frozenset(
    {"OUTPUT_PATH", "CACHE_PATH", "LAST_OUTPUT_PATH", "CONTENT_CACHE_FINGERPRINT"}
)
# news_blocks renders key points and embedded posts at parse time with the project's
# templates (plugins/<stage>/../../templates), whatever the theme.
PROJECT_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def stable_repr(value: Any) -> str:
    """``repr`` without memory addresses: functions and classes by their qualified name."""
    if isinstance(value, Mapping):
        items = sorted((stable_repr(key), stable_repr(item)) for key, item in value.items())
        return "{" + ", ".join(f"{key}: {item}" for key, item in items) + "}"
    if isinstance(value, list | tuple):
        return type(value).__name__ + "[" + ", ".join(stable_repr(item) for item in value) + "]"
    if isinstance(value, set | frozenset):
        return "set{" + ", ".join(sorted(stable_repr(item) for item in value)) + "}"
    name = getattr(value, "__qualname__", None) or getattr(value, "__name__", None)
    if callable(value) and isinstance(name, str):
        return f"<{getattr(value, '__module__', '?')}.{name}{_source_of(value)}>"
    text = repr(value)
    if " at 0x" in text:  # an object whose repr is its address: its type is all we know
        return f"<{type(value).__module__}.{type(value).__qualname__}>"
    return text


def _source_of(function: Any) -> str:
    """A digest of the file that defines ``function`` (pelicanconf.py, for a Jinja filter
    written there), or nothing when it has none (a built-in). Its name alone would let an
    edit to its body go unseen: parses, compiled templates and pages made with the old one
    would be taken for current."""
    try:
        source = inspect.getsourcefile(function)
    except TypeError:
        return ""
    return "" if source is None else " " + _file_digest(source)


def _file_digest(path: str) -> str:
    # Read each time: ``make serve`` builds again in the same process after an edit.
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


def _files_under(folders: Iterable[Path]) -> list[Path]:
    found: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, dirs, files in os.walk(folder):
            dirs[:] = [name for name in dirs if name != "__pycache__"]
            found.update(Path(root, name).resolve() for name in files)
    return sorted(found)


def _code_folders(settings: Mapping[str, Any]) -> list[Path]:
    folders = [Path(folder) for folder in settings.get("PLUGIN_PATHS") or []]
    theme = settings.get("THEME")
    if isinstance(theme, str):
        folders.append(Path(theme) / "templates")
    folders.append(PROJECT_TEMPLATES)
    return folders


def _installed_packages() -> list[str]:
    names = {
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    }
    return sorted(names)


def fingerprint(settings: Mapping[str, Any]) -> str:
    """A hex digest that changes whenever anything but the source file could change a parse."""
    digest = hashlib.sha256()

    def add(text: str) -> None:
        digest.update(text.encode("utf-8", "surrogateescape") + b"\0")

    add(sys.version)
    for package in _installed_packages():
        add(package)
    for key in sorted(settings):
        if key not in VOLATILE_SETTINGS:
            add(f"{key}={stable_repr(settings[key])}")
    for path in _files_under(_code_folders(settings)):
        add(str(path))
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
