"""Synthetic articles for the newsroom site tests (plainly made-up people and places)."""

from __future__ import annotations

FULL = """---
title: Example article 1
date: 2026-01-25T10:00:00+00:00
dateline: EXAMPLE CITY
authors:
  - Example Writer
  - {name: Example Editor, role: Editor, url: "https://example.org/editor"}
source: {name: Example Agency, url: "https://example.org/original", date: 2026-01-25}
tags: [example, synthetic]
summary: A synthetic summary of example article 1.
updates:
  - {date: 2026-01-26T14:05:00+00:00, note: Adds a synthetic reaction.}
corrections:
  - {date: 2026-01-25T18:00:00+00:00, note: An earlier version misspelt a synthetic name.}
---

The first paragraph of a synthetic article.
"""

PLAIN = """---
title: Example article 1
date: 2026-01-25T10:00:00+00:00
tags: [example, synthetic]
summary: A synthetic summary of example article 1.
---

The first paragraph of a synthetic article.
"""

HOSTILE = """---
title: "Example article 2 </script><script>alert(1)</script>"
date: 2026-01-24T08:00:00+00:00
dateline: "</script><b>EXAMPLE</b>"
authors:
  - {name: "Example </script> Writer & <i>Co</i>", role: "<script>alert(1)</script>"}
sources:
  - {name: "Agency <img src=x onerror=alert(1)>", url: "https://example.org/?a=1&b=2"}
corrections:
  - {date: 2026-01-24T09:00:00+00:00, note: "Fixes </script><script>alert(2)</script>"}
---

A synthetic article with hostile metadata.
"""


def dated(number: int, date: str) -> str:
    """A minimal article ``Example article <number>`` published at ``date``."""
    return f"---\ntitle: Example article {number}\ndate: {date}\n---\n\nSynthetic text {number}.\n"


def _example(number: int, date: str, extra: str = "", body: str = "") -> str:
    return (
        f"---\ntitle: Example article {number}\ndate: {date}\n{extra}---\n\n"
        f"{body or f'Synthetic text {number}.'}\n"
    )


# The corrections log's site: two articles with corrections (one naming a section), one
# with an update, and a draft with a correction that must appear nowhere when published.
CORRECTIONS_SITE = {
    "articles/one.md": _example(
        1,
        "2026-01-23T09:00:00+00:00",
        "corrections:\n"
        "  - {date: 2026-01-24T10:00:00+00:00, note: An earlier version gave a wrong synthetic"
        " figure., section: the-figures}\n",
        "A synthetic lead.\n\n## The figures\n\nSynthetic figures.",
    ),
    "articles/two.md": _example(
        2,
        "2026-01-24T09:00:00+00:00",
        "corrections:\n"
        "  - {date: 2026-01-25T10:00:00+00:00, note: An earlier version misspelt a synthetic"
        " name.}\n"
        "  - {date: 2026-01-27T09:30:00+01:00, note: An earlier version gave a wrong synthetic"
        " date.}\n",
    ),
    "articles/three.md": _example(
        3,
        "2026-01-24T12:00:00+00:00",
        "updates:\n  - {date: 2026-01-26T08:00:00+00:00, note: Adds a synthetic reaction.}\n",
    ),
    "articles/four.md": _example(
        4,
        "2026-01-25T12:00:00+00:00",
        "status: draft\n"
        "corrections:\n  - {date: 2026-01-28T08:00:00+00:00, note: A draft-only synthetic"
        " correction.}\n",
    ),
}
# Newest first: (kind, article, text, the anchor on the article's page).
CORRECTIONS_LOGGED = [
    ("Correction", 2, "An earlier version gave a wrong synthetic date.", "newsroom-corrections"),
    ("Update", 3, "Adds a synthetic reaction.", "newsroom-updates"),
    ("Correction", 2, "An earlier version misspelt a synthetic name.", "newsroom-corrections"),
    ("Correction", 1, "An earlier version gave a wrong synthetic figure.", "the-figures"),
]
DRAFT_CORRECTION = "draft-only synthetic correction"
