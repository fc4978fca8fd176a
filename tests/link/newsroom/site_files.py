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
