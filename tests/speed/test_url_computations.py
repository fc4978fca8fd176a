"""Each article's url and save_as are computed once for the checks, the JSON-LD and the page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pelican.contents import Content
from tests.speed.site_helpers import small_site

from pelican_compat import url_settings as freeze


def test_each_url_is_computed_once_after_reading(
    build_site: Callable[..., tuple[Path, list[str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    computed: Counter[tuple[str, str]] = Counter()
    expand = freeze.expand_url_setting

    def counting(content: Content, key: str) -> str:
        computed[(str(content.source_path).rsplit("/", 1)[-1], key)] += 1
        return expand(content, key)

    monkeypatch.setattr(freeze, "expand_url_setting", counting)
    output, problems = build_site(small_site(4))
    assert problems == []
    articles = [f"example-article-{n:05d}.md" for n in range(1, 5)]
    assert len(list(output.glob("2024/*/*/example-article-*/index.html"))) == 4
    for name in articles:
        # Pelican's own check of the file it is about to read (is_valid) computes save_as
        # before the article is final; after that, one computation each, whoever asks.
        assert computed[(name, "save_as")] == 2, computed
        assert computed[(name, "url")] == 1, computed


def test_an_unsafe_location_is_still_reported_once(
    build_site: Callable[..., tuple[Path, list[str]]],
) -> None:
    files: dict[str, Any] = {
        "articles/a.md": "---\ntitle: Example article 1\ndate: 2026-01-25\n"
        "save_as: ../outside.html\n---\nText.\n",
        "articles/b.md": "---\ntitle: Example article 2\ndate: 2026-01-25\n"
        "url: 'javascript:alert(1)'\n---\nText.\n",
        "articles/c.md": "---\ntitle: Example article 3\ndate: 2026-01-25\n---\nText.\n",
    }
    _, problems = build_site(files)
    # Pelican refuses a.md itself ("would be written outside output path"): ours replaces it.
    assert len(problems) == 2, problems
    first, second = sorted(problems)
    assert "content/articles/a.md:4: save_as '../outside.html' climbs out" in first
    assert "content/articles/b.md:4: url 'javascript:alert(1)' starts with a URL scheme" in second
