"""An article's JSON-LD, serialised when printed, is the text script_json makes of its graph."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from jinja2 import Environment

from newsroom.model import Newsroom, Person
from newsroom.settings import read_newsroom_settings
from newsroom.structured_data import ArticleJsonLd, article_graph, script_json


def _article() -> SimpleNamespace:
    article = SimpleNamespace(
        url="2026/03/01/example-1/",
        title="Example article 1 <with> & </script>",
        date=dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC),
        topics=[SimpleNamespace(title="Example topic", url="topics/example-topic/")],
        tags=[SimpleNamespace(name="example")],
        lang="en",
    )
    article.newsroom = Newsroom(
        dateline="EXAMPLE CITY", authors=(Person("Example Person"),), description="Example."
    )
    return article


@pytest.mark.parametrize("autoescape", [False, True])
def test_printed_json_ld_is_the_serialised_graph(autoescape: bool) -> None:
    article = _article()
    site = read_newsroom_settings({"SITENAME": "Example site", "SITEURL": "https://example.org"})
    article.newsroom.json_ld = ArticleJsonLd(article, site)
    template = Environment(autoescape=autoescape).from_string(
        "{% if newsroom.json_ld %}<script>{{ newsroom.json_ld }}</script>{% endif %}"
    )
    expected = script_json(article_graph(article, article.newsroom, site))
    assert "\\u003c/script\\u003e" in expected and "</script>" not in expected
    assert template.render(newsroom=article.newsroom) == f"<script>{expected}</script>"
