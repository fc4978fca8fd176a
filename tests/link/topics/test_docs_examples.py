"""The examples in docs/topics.md work as written."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[3]


def _topics_examples() -> list[str]:
    page = (ROOT / "docs" / "topics.md").read_text(encoding="utf-8")
    return re.findall(r"```markdown\n(.*?)```", page, re.S)


def test_the_documented_topic_file_and_article_build_into_a_hub(build_site):
    topic_file, article = _topics_examples()
    output, problems = build_site(
        {
            "topics/rafah-crossing.md": topic_file,
            "topics/un-responses.md": "---\ntitle: Example UN topic\nphrases: [UN]\n---\n",
            "articles/example-3.md": article + "\nAn example text.\n\n## An example section\n\n"
            "Text naming the UN.\n",
        }
    )
    assert problems == []
    hub = BeautifulSoup(
        (output / "topics/rafah-crossing/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert hub.select_one("main h1").get_text(strip=True) == "Rafah crossing"
    assert [a.get_text(strip=True) for a in hub.select(".topic-entry h4 a")] == [
        "Example article 3"
    ]
    # no_topics: the UN section does not put the article on that hub
    un_hub = (output / "topics/un-responses/index.html").read_text(encoding="utf-8")
    assert "Example article 3" not in un_hub
