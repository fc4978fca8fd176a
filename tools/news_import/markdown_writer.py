"""Write an :class:`~news_import.model.Article` as the project's Markdown source.

YAML front matter (each value quoted only when YAML would read it as something else),
then the body: paragraphs, ``##`` headings, lists, quotes and ``::: post`` blocks.
"""

from __future__ import annotations

import json

import yaml

from news_import.model import (
    Article,
    Block,
    CodeBlock,
    Heading,
    ListBlock,
    Paragraph,
    Post,
    Quote,
    RawHtml,
)


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML scalar that reads back as exactly this string."""
    if value and value == value.strip() and "\n" not in value and not value.startswith(("'", '"')):
        try:
            if yaml.safe_load(f"key: {value}") == {"key": value}:
                return value
        except yaml.YAMLError:
            pass
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def front_matter(article: Article, *, draft: bool) -> str:
    lines = ["---", f"title: {yaml_scalar(article.title or '')}"]
    if article.date:
        lines.append(f"date: {article.date}")
    if article.modified:
        lines.append(f"modified: {article.modified}")
    if draft:
        lines.append("status: draft")
    if article.lang:
        lines.append(f"lang: {yaml_scalar(article.lang)}")
    if article.authors or article.contributors:
        lines.append("authors:")
        lines += [f"  - {yaml_scalar(name)}" for name in article.authors]
        lines += [
            f"  - {{name: {json.dumps(name, ensure_ascii=False)}, role: {json.dumps(role)}}}"
            for name, role in article.contributors
        ]
    if article.dateline:
        lines.append(f"dateline: {yaml_scalar(article.dateline)}")
    if article.source or article.url:
        lines.append("source:")
        if article.source:
            lines.append(f"  name: {yaml_scalar(article.source)}")
        if article.url:
            lines.append(f"  url: {yaml_scalar(article.url)}")
    if article.topics:
        lines.append(f"topics: [{', '.join(article.topics)}]")
    if article.tags:
        lines.append("tags:")
        lines += [f"  - {yaml_scalar(tag)}" for tag in article.tags]
    if article.summary:
        lines.append(f"summary: {yaml_scalar(article.summary)}")
    if article.key_points:
        lines.append("key_points:")
        lines += [f"  - {yaml_scalar(point)}" for point in article.key_points]
    lines.append("---")
    return "\n".join(lines) + "\n"


def render_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Heading):
        return f"{'#' * block.level} {block.text}"
    if isinstance(block, ListBlock):
        return "\n".join(
            f"{f'{number}.' if block.ordered else '-'} {item}"
            for number, item in enumerate(block.items, start=1)
        )
    if isinstance(block, Quote):
        return "\n>\n".join(
            "\n".join(f"> {line}" for line in paragraph.split("\n"))
            for paragraph in block.paragraphs
        )
    if isinstance(block, CodeBlock):
        fence = "````" if "```" in block.code else "```"
        return f"{fence}\n{block.code.rstrip()}\n{fence}"
    if isinstance(block, RawHtml):
        return block.html
    return render_post(block)


def render_post(post: Post) -> str:
    fields = [
        ("platform", post.platform),
        ("author", post.author),
        ("handle", post.handle),
        ("url", post.url),
        ("date", post.date),
        ("media_alt", post.media_alt),
        ("context", post.context),
    ]
    lines = ["::: post"]
    lines += [f"{key}: {' '.join(value.split())}" for key, value in fields if value]
    if post.paragraphs:
        lines.append("")
        lines.append("\n\n".join("\\\n".join(paragraph) for paragraph in post.paragraphs))
    lines.append(":::")
    return "\n".join(lines)


def render(article: Article, *, draft: bool) -> str:
    body = "\n\n".join(render_block(block) for block in article.blocks)
    return f"{front_matter(article, draft=draft)}\n{body}\n"
