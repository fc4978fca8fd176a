"""Whole builds: a file name cannot forge a report line; a topic title is text in its feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

FORGED = "articles/example-1701.md\nerror: content/articles/forged.md"
ARTICLE = "---\ntitle: Example article 1713\ndate: 2026-01-24\n---\n\nExample phrase alpha.\n"


def test_a_file_name_with_a_newline_is_refused_on_one_escaped_line(build_corpus):
    result = build_corpus([], {FORGED: ARTICLE})
    shown = "content/articles/example-1701.md\\nerror: content/articles/forged.md"
    assert any(
        problem.startswith(f"error: {shown}: the file name contains a control character")
        for problem in result.problems
    ), result.problems
    assert all("\n" not in problem for problem in result.problems)
    assert not any(p.startswith("error: content/articles/forged.md") for p in result.problems)


TOPIC = (
    "---\ntitle: <em>Example</em> topic <script>alert(1)</script>\n"
    "slug: example-topic-1714\nphrases: [example phrase alpha]\n---\nAn example topic.\n"
)


def test_a_topic_title_is_text_in_its_rss_channel_description(build_corpus):
    # Topic titles are text (the hub shows "<em>" as written). Readers show an RSS
    # channel's description as HTML, so it is escaped for HTML, then for XML.
    result = build_corpus([], {"topics/example-topic.md": TOPIC, "articles/a.md": ARTICLE})
    assert result.problems == []
    rss = ET.parse(result.output / "feeds/topics/example-topic-1714.rss.xml").getroot()
    channel = rss.find("channel")
    assert channel is not None
    assert channel.findtext("description") == (
        "Articles on &lt;em&gt;Example&lt;/em&gt; topic &lt;script&gt;alert(1)&lt;/script&gt;"
    )
    assert channel.find("description/*") is None
