"""The fixture corpus read with the real reader, as light article objects (no Pelican run)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from markdown_reader import NewsMarkdownReader

CORPUS = Path(__file__).parent / "corpus"


def read_corpus() -> dict[str, Any]:
    """``{"Example article 1": article, ...}``; each has what Pelican's Article would."""
    reader = NewsMarkdownReader({"PATH": str(CORPUS)})
    articles = {}
    for path in sorted((CORPUS / "articles").glob("*.md")):
        _, metadata = reader.read(str(path))
        date = dt.datetime.fromisoformat(str(metadata["date"]))
        articles[metadata["title"]] = SimpleNamespace(
            title=metadata["title"],
            date=date,
            url=f"{date:%Y/%m/%d}/{path.stem}/",
            source_path=str(path),
            metadata=metadata,
            sections=metadata["sections"],
            # After the news-blocks plugin, key points are inline-rendered HTML strings.
            key_points=[reader.parser.renderInline(p) for p in metadata.get("key_points", [])],
        )
    return articles


def fake_generator(articles: list[Any], **settings: Any) -> SimpleNamespace:
    """What topic_hubs reads from Pelican's ArticlesGenerator."""
    return SimpleNamespace(
        settings={"PATH": str(CORPUS), **settings},
        articles=articles,
        translations=[],
        hidden_articles=[],
        hidden_translations=[],
        drafts=[],
        drafts_translations=[],
        context={},
    )
