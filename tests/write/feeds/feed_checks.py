"""Strict checks every published feed must pass (shared by the feed and edition tests).

Atom and RSS: well-formed XML, feedparser with ``bozo == 0``, ids unique, RFC 3339 /
RFC 822 dates with offsets, ``rel="self"`` pointing at the feed, absolute links; Atom
also against the RELAX NG schema of RFC 4287 (Debian's ``jing``). JSON Feed: against a
JSON Schema written from the 1.1 spec, plus the same id, date and URL rules.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup

HERE = Path(__file__).resolve().parent
ATOM_SCHEMA = HERE / "atom.rnc"
JSON_FEED_SCHEMA = json.loads((HERE / "jsonfeed-1.1.schema.json").read_text(encoding="utf-8"))
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
TAG_URI = re.compile(r"tag:[a-z0-9.-]+,\d{4}(-\d{2}(-\d{2})?)?:[\w/.~:@!$&'()*+,;=%-]+")


def jing_or_skip() -> str:
    """The jing executable; skipped with a reason locally, a failure under CI=true."""
    jing = shutil.which("jing")
    if jing is None:
        message = (
            "Debian's jing is not installed (apt-get install -y jing); Atom schema not checked"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return jing


def check_atom_schema(paths: list[Path]) -> None:
    result = subprocess.run(
        [jing_or_skip(), "-c", str(ATOM_SCHEMA), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def _absolute(url: str, site_url: str) -> None:
    assert url.startswith(site_url + "/"), f"{url!r} is not under {site_url}"


def _html_urls_absolute(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        for name in ("href", "src"):
            url = element.get(name)
            if url is not None:
                parts = urlsplit(str(url))
                assert parts.scheme in {"http", "https", "mailto", "tel"}, f"relative {url!r}"
                assert parts.netloc or parts.scheme in {"mailto", "tel"}, f"relative {url!r}"


def check_atom(path: Path, output: Path, site_url: str) -> feedparser.FeedParserDict:
    root = ElementTree.parse(path).getroot()  # well-formed, or this raises
    assert root.tag == f"{ATOM}feed"
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    assert parsed.version == "atom10"
    self_links = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(self_links) == 1
    assert self_links[0].get("href") == f"{site_url}/{path.relative_to(output).as_posix()}"
    assert TAG_URI.fullmatch(root.findtext(f"{ATOM}id") or "")
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    for element in root.iter():
        if element.tag in {f"{ATOM}updated", f"{ATOM}published"}:
            assert RFC3339.fullmatch(element.text or ""), (path, element.text)
    ids = []
    for entry in root.findall(f"{ATOM}entry"):
        ids.append(entry.findtext(f"{ATOM}id"))
        assert TAG_URI.fullmatch(ids[-1] or ""), ids[-1]
        alternate = entry.find(f"{ATOM}link[@rel='alternate']")
        assert alternate is not None
        _absolute(alternate.get("href", ""), site_url)
        published = datetime.fromisoformat(entry.findtext(f"{ATOM}published") or "")
        assert published <= datetime.fromisoformat(entry.findtext(f"{ATOM}updated") or "")
        _html_urls_absolute(entry.findtext(f"{ATOM}content") or "")
    assert len(ids) == len(set(ids)), f"duplicate ids in {path}"
    return parsed


def check_rss(path: Path, output: Path, site_url: str) -> feedparser.FeedParserDict:
    root = ElementTree.parse(path).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    assert parsed.version == "rss20"
    channel = root.find("channel")
    assert channel is not None
    self_links = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(self_links) == 1
    assert self_links[0].get("href") == f"{site_url}/{path.relative_to(output).as_posix()}"
    _absolute(channel.findtext("link") or "", site_url)
    for date_element in root.iter("pubDate"):
        assert parsedate_to_datetime(date_element.text or "").tzinfo is not None
    guids = [item.findtext("guid") for item in channel.findall("item")]
    assert all(TAG_URI.fullmatch(guid or "") for guid in guids)
    assert len(guids) == len(set(guids))
    for item in channel.findall("item"):
        assert item.find("guid").get("isPermaLink") == "false"  # type: ignore[union-attr]
        _absolute(item.findtext("link") or "", site_url)
        _html_urls_absolute(item.findtext("description") or "")
    return parsed


def check_json_feed(path: Path, output: Path, site_url: str) -> dict[str, Any]:
    feed = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(feed, JSON_FEED_SCHEMA)
    assert feed["feed_url"] == f"{site_url}/{path.relative_to(output).as_posix()}"
    _absolute(feed["home_page_url"], site_url)
    ids = [item["id"] for item in feed["items"]]
    assert all(TAG_URI.fullmatch(item_id) for item_id in ids)
    assert len(ids) == len(set(ids))
    for item in feed["items"]:
        _absolute(item["url"], site_url)
        _html_urls_absolute(item["content_html"])
        published = datetime.fromisoformat(item["date_published"])
        assert published <= datetime.fromisoformat(item["date_modified"])
    return feed


def check_all_feeds(output: Path, site_url: str) -> list[Path]:
    """Run every check on every feed of ``output``; return the feeds checked."""
    # Only the feeds: feeds/topics.opml is a list of them (tests/write/feeds/test_opml.py).
    feeds = sorted(
        path
        for path in (output / "feeds").rglob("*.*")
        if path.name.endswith((".atom.xml", ".rss.xml", ".json"))
    )
    atom = [path for path in feeds if path.name.endswith(".atom.xml")]
    for path in atom:
        check_atom(path, output, site_url)
    for path in feeds:
        if path.name.endswith(".rss.xml"):
            check_rss(path, output, site_url)
        elif path.suffix == ".json":
            check_json_feed(path, output, site_url)
    check_atom_schema(atom)
    return feeds
