"""Import a plain-text or saved-HTML news article as a Markdown source.

Not a Pelican plugin (nothing to register): a command-line tool in ``tools/`` that
shares ``content_errors``, ``html_policy`` and the reader's slugs with the build.

    python -m news_import article.txt --title "Example article 3" --date 2026-01-25

The pipeline: :mod:`news_import.source_file` reads and decodes the file and tells
text from HTML; :mod:`news_import.plain_text` or :mod:`news_import.html_page` turn it
into an :class:`~news_import.model.Article` (a page's metadata: what it states, in
:mod:`news_import.page_metadata`, chosen by :mod:`news_import.page_choice` with
:mod:`news_import.bylines`, :mod:`news_import.page_dates` and :mod:`news_import.language`;
its body cleaned by :mod:`news_import.credits` and :mod:`news_import.boilerplate`);
:mod:`news_import.markdown_writer` writes the Markdown; :mod:`news_import.cli` merges the
options, writes the file (or every file of a folder) and prints the review report.
:mod:`news_import.evaluate` measures all this on saved pages (``make eval-import``).
"""

from news_import.cli import main
from news_import.errors import ImportInputError
from news_import.model import Article

__all__ = ["Article", "ImportInputError", "main"]
