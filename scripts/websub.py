"""Tell the WebSub hub the published feeds declare which of them changed.

    python scripts/websub.py [-o output]        (make websub)

``make publish`` runs this after the new site is in place (``scripts/build.py
--notify-hub``); ``make html`` and ``make serve`` never do. It reads the feeds in
``output/feeds/`` as they were written: a feed that declares a hub (Atom and RSS
``<link rel="hub">``, JSON Feed ``hubs``, present when ``WEBSUB_HUB`` is set) and an
absolute self URL (``rel="self"``, ``feed_url``) is one the hub may be told of. It is told
(a POST of ``hub.mode=publish`` and ``hub.url=<the self URL>``, one per feed, with a short
timeout) when the feed's bytes differ from those the hub was last told of, which are kept
in ``.output.websub.json`` beside the output folder (never inside it: it is not part of the
site). A feed the hub could not be told of stays changed, so the next run tells it.

A hub that cannot be reached or refuses never fails a publish: the site is in place, and
the message says so and how to notify it later. Nothing else here touches the network.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

__all__ = ["NOTIFY_LATER", "Notification", "changed_feeds", "notify_changed", "record_path"]

# The command a message tells the editor to run later (the Makefile's websub target).
NOTIFY_LATER = "make websub"
TIMEOUT_SECONDS = 5.0
# The feed files, by the ends of their names (plugins/write/feeds/catalogue.py FORMATS).
FEED_SUFFIXES = (".atom.xml", ".rss.xml", ".json")
_ATOM_LINK = "{http://www.w3.org/2005/Atom}link"


@dataclass
class Notification:
    """What a run did: feeds the hubs were told of, and messages for the editor."""

    notified: dict[str, list[str]] = field(default_factory=dict)  # hub -> feed URLs
    problems: list[str] = field(default_factory=list)

    def told(self) -> list[str]:
        """One line per hub that was told of a feed."""
        return [
            f"websub: told {hub} of {len(urls)} changed feed(s)"
            for hub, urls in self.notified.items()
            if urls
        ]


@dataclass(frozen=True)
class _Feed:
    path: str  # in the site, for messages
    url: str  # its self URL: what the hub is told of
    hubs: tuple[str, ...]
    digest: str


def record_path(output: Path) -> Path:
    """``.output.websub.json`` beside ``output``: per hub, each feed URL's last told digest
    (hidden, like the build's ``.output.lock``)."""
    return output.with_name(f".{output.name}.websub.json")


def _declared(path: Path) -> tuple[tuple[str, ...], str]:
    """The hubs and the self URL ``path`` declares (empty when it declares none)."""
    if path.name.endswith(".json"):
        feed = json.loads(path.read_bytes())
        hubs = tuple(
            str(hub.get("url"))
            for hub in feed.get("hubs") or ()
            if isinstance(hub, dict) and str(hub.get("type", "")).lower() == "websub"
        )
        return hubs, str(feed.get("feed_url") or "")
    root = ElementTree.parse(path).getroot()
    parent = root.find("channel") if root.tag == "rss" else root
    links = parent.findall(_ATOM_LINK) if parent is not None else []
    hubs = tuple(link.get("href", "") for link in links if link.get("rel") == "hub")
    self_url = next((link.get("href", "") for link in links if link.get("rel") == "self"), "")
    return hubs, self_url


def _feeds(output: Path, problems: list[str]) -> Iterator[_Feed]:
    folder = output / "feeds"
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or not path.name.endswith(FEED_SUFFIXES):
            continue
        relative = path.relative_to(output).as_posix()
        try:
            data = path.read_bytes()
            hubs, url = _declared(path)
        except (OSError, ValueError, ElementTree.ParseError) as error:
            problems.append(f"websub: {relative} could not be read ({error}); not notified")
            continue
        if not hubs:
            continue
        if urllib.parse.urlsplit(url).scheme not in {"http", "https"}:
            problems.append(
                f"websub: {relative} has no absolute self URL ({url!r}): a hub can only be told"
                " of a published feed (make publish, with SITEURL set); not notified"
            )
            continue
        yield _Feed(relative, url, hubs, hashlib.sha256(data).hexdigest())


def _load_record(path: Path) -> dict[str, dict[str, str]]:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet (or unreadable): every feed counts as changed
    if not isinstance(record, dict):
        return {}
    return {
        str(hub): {str(url): str(digest) for url, digest in feeds.items()}
        for hub, feeds in record.items()
        if isinstance(feeds, dict)
    }


def _save_record(path: Path, record: dict[str, dict[str, str]]) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def changed_feeds(output: Path) -> tuple[dict[str, list[_Feed]], list[_Feed], list[str]]:
    """Per hub, the feeds whose bytes differ from those it was last told of; every feed
    that declares a hub; and the problems met."""
    problems: list[str] = []
    record = _load_record(record_path(output))
    feeds = list(_feeds(output, problems))
    changed: dict[str, list[_Feed]] = {}
    for feed in feeds:
        for hub in feed.hubs:
            if record.get(hub, {}).get(feed.url) != feed.digest:
                changed.setdefault(hub, []).append(feed)
    return changed, feeds, problems


def _post(hub: str, feed_url: str, timeout: float) -> None:
    body = urllib.parse.urlencode({"hub.mode": "publish", "hub.url": feed_url}).encode()
    request = urllib.request.Request(
        hub,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": "newsdigest-websub",
        },
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # http(s): checked above
        response.read()


def _reason(error: BaseException) -> str:
    """``Connection refused``, ``timed out``: what went wrong, without ``[Errno 111]``."""
    cause = getattr(error, "reason", None) or error
    if isinstance(cause, OSError) and cause.strerror:
        return str(cause.strerror)
    return str(cause) or type(cause).__name__


def _later(hub: str, why: str) -> str:
    return (
        f"websub: could not notify {hub} ({why}): the site is published; notify it later"
        f" with `{NOTIFY_LATER}`"
    )


def notify_changed(output: Path, timeout: float = TIMEOUT_SECONDS) -> Notification:
    """Tell each hub of its changed feeds; record those it accepted. Never raises for a hub."""
    changed, feeds_with_hubs, problems = changed_feeds(output)
    result = Notification(problems=problems)
    if not changed:
        return result
    path = record_path(output)
    record = _load_record(path)
    for hub, feeds in changed.items():
        if urllib.parse.urlsplit(hub).scheme not in {"http", "https"}:
            result.problems.append(f"websub: the hub {hub!r} is not an http(s) URL; not notified")
            continue
        told = result.notified.setdefault(hub, [])
        refused: list[str] = []
        for feed in feeds:
            try:
                _post(hub, feed.url, timeout)
            except urllib.error.HTTPError as error:  # the hub answered, and said no
                refused.append(f"{feed.path}: HTTP {error.code} {error.reason}")
                continue
            except (OSError, http.client.HTTPException, ValueError) as error:
                # Unreachable (refused, no such host, timed out): the rest would fail alike.
                result.problems.append(_later(hub, _reason(error)))
                break
            told.append(feed.url)
            record.setdefault(hub, {})[feed.url] = feed.digest
        if refused:
            shown = "; ".join(refused[:3]) + (
                f"; {len(refused) - 3} more" if len(refused) > 3 else ""
            )
            result.problems.append(_later(hub, f"it refused {len(refused)} feed(s): {shown}"))
    # Feeds the site no longer has are forgotten, so that a new one of the same URL is told.
    present = {feed.url for feed in feeds_with_hubs}
    record = {
        hub: {u: d for u, d in by_url.items() if u in present} for hub, by_url in record.items()
    }
    try:
        _save_record(path, record)
    except OSError as error:
        result.problems.append(
            f"websub: could not write {path} ({error}): the next run tells the hub of every feed"
        )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default="output")
    args = parser.parse_args(argv)
    result = notify_changed(Path(args.output))
    for line in result.told():
        print(line)
    for line in result.problems:
        print(line, file=sys.stderr)
    if not any(result.notified.values()) and not result.problems:
        print("websub: no feed changed since the hub was last told (or no feed declares a hub)")
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main())
