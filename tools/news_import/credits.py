"""Wire credit lines ("(Reporting by A; Editing by B)") -> authors and contributors.

The line is who made the story, not a paragraph of it: it leaves the body. People who
reported or wrote it are authors when the page's byline named nobody; the others (editing,
additional reporting, graphics) are contributors with their role.
"""

from __future__ import annotations

from news_import.article_shape import parse_credit_line
from news_import.model import Article, Paragraph


def take_credit_lines(article: Article) -> None:
    for block in list(article.blocks):
        if not isinstance(block, Paragraph):
            continue
        people = parse_credit_line(block.text)
        if people is None:
            continue
        article.blocks.remove(block)
        authors = [name for name, role in people if role == "author"]
        if authors and not article.authors:
            article.authors = authors
        elif authors:
            article.contributors += [
                (name, "Reporting") for name in authors if name not in article.authors
            ]
        article.contributors += [(name, role) for name, role in people if role != "author"]
        article.report.guessed.append(
            "byline: from the credit line "
            + repr(" ".join(block.text.split()))
            + " (left out of the body): "
            + ", ".join(
                f"{name} ({'author' if role == 'author' else role})" for name, role in people
            )
        )
