"""No page or feed shows an image from another site, whichever field it was written in.

In an article's body such an image fails the build (the editor is told to save it in
content/images/); in a summary, key points, post text or a topic's introduction it is
shown as its alt text. Either way nothing from img.example.org reaches output/.
"""

from __future__ import annotations

from pathlib import Path

ELSEWHERE = "img.example.org"

ARTICLE = f"""\
---
title: Example article 71
date: 2026-01-20
summary: 'Summary ![summary chart](https://{ELSEWHERE}/s.png) and
  <img src="//{ELSEWHERE}/r.png" alt="raw summary chart">.'
key_points:
  - 'First point ![point chart](//{ELSEWHERE}/k.png).'
  - 'Second point <img src="https://{ELSEWHERE}/k2.png" alt="raw point chart">.'
tags: [example]
---

Body of Example article 71 mentions the example harbour.

::: post
platform: x
author: Example Person
handle: example
url: https://x.com/example/status/71

Example post 71 <img src="https://{ELSEWHERE}/emoji.png" alt="🙂"> ![post photo](https://{ELSEWHERE}/p.png)
:::
"""

BOX_ARTICLE = f"""\
---
title: Example article 72
date: 2026-01-21
---

Body of Example article 72 mentions the example harbour.

::: key-points
- A point with ![box chart](https://{ELSEWHERE}/b.png).
:::
"""

TOPIC = f"""\
---
title: Example harbour
phrases: [example harbour]
---
The introduction ![topic map](https://{ELSEWHERE}/t.png) and
<img src="/\\{ELSEWHERE}/t2.png" alt="raw topic map">.
"""


def _all_output(output: Path) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(output.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".js"}
    )


def test_images_from_elsewhere_outside_the_body_become_alt_text(build_site) -> None:  # type: ignore[no-untyped-def]
    output, problems = build_site(
        {
            "articles/2026-01-20-a.md": ARTICLE,
            "articles/2026-01-21-b.md": BOX_ARTICLE,
            "topics/example-harbour.md": TOPIC,
        }
    )
    assert problems == []
    everything = _all_output(output)
    assert ELSEWHERE not in everything
    article = (output / "2026/01/20/example-article-71/index.html").read_text(encoding="utf-8")
    # Raw HTML in front-matter key points is reduced to plain text before (strict_build).
    for alt in ("First point point chart.", "Example post 71 🙂"):
        assert alt in article
    assert "summary chart" in (output / "index.html").read_text(encoding="utf-8")
    topic = (output / "topics/example-harbour/index.html").read_text(encoding="utf-8")
    assert "The introduction topic map" in topic and "raw topic map" in topic
    assert "A point with box chart." in (
        output / "2026/01/21/example-article-72/index.html"
    ).read_text(encoding="utf-8")
    assert (output / "feeds/all.atom.xml").is_file() and "summary chart" in everything


def test_an_image_from_elsewhere_in_the_body_still_fails_the_build(build_site) -> None:  # type: ignore[no-untyped-def]
    body = f"""\
---
title: Example article 73
date: 2026-01-22
---

A photo: ![a river](https://{ELSEWHERE}/river.jpg)

<p><img src="/\\{ELSEWHERE}/chart.png" alt="chart"></p>
"""
    _output, problems = build_site({"articles/2026-01-22-c.md": body})
    path = "content/articles/2026-01-22-c.md"
    assert any(
        f"{path}:6: image 'https://{ELSEWHERE}/river.jpg' is not on this site" in p
        and "content/images/" in p
        for p in problems
    ), problems
    assert any(
        f"{path}:8: image '/\\\\{ELSEWHERE}/chart.png' is not on this site" in p for p in problems
    ), problems
