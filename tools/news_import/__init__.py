"""Import a plain-text or saved-HTML news article as a Markdown source.

Not a Pelican plugin (nothing to register): a command-line tool that lives in
``plugins/`` so it shares ``content_errors``, ``html_policy`` and the reader's slugs.

    python -m news_import article.txt --title "Example article 3" --date 2026-01-25

The pipeline: :mod:`news_import.source_file` reads and decodes the file and tells
text from HTML; :mod:`news_import.plain_text` or :mod:`news_import.html_page` turn it
into an :class:`~news_import.model.Article`; :mod:`news_import.markdown_writer` writes
the Markdown; :mod:`news_import.cli` merges the options, writes the file and prints
the review report.
"""

from news_import.cli import main
from news_import.errors import ImportInputError
from news_import.model import Article

__all__ = ["Article", "ImportInputError", "main"]
