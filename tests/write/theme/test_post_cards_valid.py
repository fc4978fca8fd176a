"""Post cards in every state are valid HTML: kept text with a status notice, an archived
copy (linked, or shown as text), and a card whose post's text was not kept."""

from __future__ import annotations

import subprocess

import pytest

MASTODON = (
    '<iframe class="mastodon-embed" width="400"'
    ' src="https://example.social/@example/110000000000000043/embed"></iframe>'
)
CARDS = f"""Synthetic lead of Example article 4.

::: post
platform: x
author: Example Person
handle: example
url: https://x.com/example/status/41
date: 2026-01-24T14:05:00+00:00
archived: https://archive.example.org/x/41
status: deleted

Example post 41, *kept* with a [link](https://example.org/41).\\
A second line.
:::

::: post
url: https://bsky.app/profile/example.bsky.social/post/3abc42
archived: javascript:alert(1)
status: unavailable
:::

{MASTODON}
"""


@pytest.mark.slow
def test_post_cards_in_every_state_are_valid_html(build_site, vnu_command: list[str]) -> None:
    article = f"---\ntitle: Example article 4\ndate: 2026-01-24\n---\n{CARDS}"
    output, problems = build_site({"articles/four.md": article})
    assert problems == []
    page = output / "2026/01/24/example-article-4/index.html"
    html = page.read_text(encoding="utf-8")
    # The page holds the three kinds of card the check is for.
    assert html.count('<figure class="embedded-post"') == 3
    assert 'class="post-status"' in html and 'class="post-archived"' in html
    assert "The text of this post was not kept; see the original." in html
    result = subprocess.run(
        [*vnu_command, "--errors-only", "--format", "gnu", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    problems_found = result.stderr.strip() or result.stdout.strip()
    assert result.returncode == 0 and not problems_found, problems_found
