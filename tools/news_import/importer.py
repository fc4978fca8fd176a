"""From a source file and the editor's options to the Markdown text and its file name."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from markdown_reader.slugs import slugify
from news_import.article_shape import date_part, normalise_date
from news_import.errors import ImportInputError
from news_import.markdown_writer import render
from news_import.model import Article, Heading, Paragraph
from news_import.source_file import read_source

# Less text than this is not an article (a stray note, a data file, an error page).
MIN_WORDS = 20
MIN_PARAGRAPHS = 1


@dataclass
class Options:
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    topics: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    article: Article
    markdown: str
    file_name: str
    draft: bool


def import_file(path: Path, options: Options) -> ImportResult:
    """Read ``path`` and return the Markdown source; raise :class:`ImportInputError`."""
    source = read_source(path)
    name = str(path)
    if source.is_html:
        from news_import.html_page import parse_html

        header: dict[str, str] = {}
        article = parse_html(source.text, name)
    else:
        from news_import.plain_text import parse_plain_text

        header, article = parse_plain_text(source.text)
        _detect_script_language(article)
    if source.encoding_note:
        article.report.guessed.append(source.encoding_note)
    _check_is_article(article, name)
    _ask_for_post_texts(article)
    _apply_metadata(article, header, options, name)
    guessed = [h.guessed_at_line for h in article.headings() if h.guessed_at_line]
    if guessed:
        article.report.guessed.append(
            f"{len(guessed)} section heading(s) from short lines without final punctuation "
            f"({'line' if len(guessed) == 1 else 'lines'} {', '.join(map(str, guessed))}): "
            "check each one"
        )
    draft = article.date is None
    if draft:
        article.report.guessed.append(
            "date: none found: written with 'status: draft' (not published) and named without a"
            " date. To publish, add a line such as 'date: 2026-01-25' and remove 'status: draft'"
            " (or import again with --date 2026-01-25 --force)"
        )
    slug = slugify(article.title or "")
    if not slug:
        raise ImportInputError(
            name, f"the title {article.title!r} gives an empty slug", hint="pass --title"
        )
    markdown = render(article, draft=draft)
    # An undated draft is not named after the day it was imported (that is not its date).
    file_name = f"{date_part(article.date)}-{slug}.md" if article.date else f"{slug}.md"
    return ImportResult(article, markdown, file_name, draft)


def _detect_script_language(article: Article) -> None:
    """Text states no language: one its script shows (Arabic, Cyrillic, CJK...) is written.

    Latin-script text keeps the site's default (a guess between English, French, Spanish...
    from a copied text is not worth writing down).
    """
    from news_import.language import detect

    text = " ".join(b.text for b in article.blocks if isinstance(b, (Paragraph, Heading)))
    tag = detect(text)
    if tag and tag not in {"en", "fr", "es", "de", "pt", "it", "nl", "cs"}:
        article.lang = tag
        article.report.guessed.append(f"lang: {tag}, detected from the text's script")


def _ask_for_post_texts(article: Article) -> None:
    """Each post whose text the source did not hold: the editor can copy it in.

    Mastodon and Threads embed code carries only the post's address; a site that did not
    show a post left only its address too. The card then says its text was not kept.
    """
    for post in article.posts():
        if post.paragraphs:
            continue
        why = (
            "Mastodon and Threads embeds carry none"
            if post.platform in {"mastodon", "threads"}
            else "the source held only its address"
        )
        where = f"from {post.url} " if post.url else ""
        article.report.to_add.append(
            f"the text of the embedded post ({post.describe()}): {why}, so its card will say"
            f" the text was not kept. Copy it {where}into its ::: post block, after a blank line"
        )


def _check_is_article(article: Article, name: str) -> None:
    paragraphs = [block for block in article.blocks if isinstance(block, Paragraph)]
    if len(paragraphs) < MIN_PARAGRAPHS or article.word_count() < MIN_WORDS:
        raise ImportInputError(
            name,
            "does not look like an article "
            f"({len(paragraphs)} paragraphs, {article.word_count()} words of text found)",
            hint="import the article's text or its saved web page",
        )


def _apply_metadata(article: Article, header: dict[str, str], options: Options, name: str) -> None:
    """Options override header lines, which override what the page itself says."""
    recognised = article.report.recognised

    def pick(key: str, option: str | None, current: str | None) -> str | None:
        if option:
            recognised.append(f"{key}: from --{key}")
            return option
        if header.get(key):
            label = "URL" if key == "url" else key.capitalize()
            recognised.append(f"{key}: from the header line '{label}:'")
            return header[key]
        return current

    article.title = pick("title", options.title, article.title)
    _drop_repeated_headline(article)
    if not article.title:
        article.title = _guess_title(article)
        if not article.title:
            raise ImportInputError(
                name, "has no headline", hint='pass --title "..." or add a "Title: ..." line'
            )
        article.report.guessed.append(f"title: taken from the first line ({article.title!r})")
    raw_date = pick("date", options.date, article.date)
    if raw_date:
        article.date = normalise_date(raw_date)
        if article.date is None:
            raise ImportInputError(
                name,
                f"date {raw_date!r} is not an ISO date",
                hint="use 2026-01-25 or 2026-01-25T14:05:00+00:00",
            )
    article.source = pick("source", options.source, article.source)
    article.url = pick("url", options.url, article.url)
    if article.url and not article.source:
        # A source needs a name (newsroom's `source: {name, url}`); the host is a fair one.
        host = urlsplit(article.url).hostname or ""
        article.source = host.removeprefix("www.") or None
        if article.source:
            article.report.guessed.append(
                f"source name: {article.source} (from the URL; pass --source to name the outlet)"
            )
    authors = options.authors or _split_list(header.get("authors") or header.get("author"))
    if authors:
        recognised.append("authors: " + (", ".join(authors)))
        article.authors = authors
    topics = options.topics or _split_list(header.get("topics"))
    if topics:
        article.topics = [_check_topic(topic, name) for topic in topics]
    # Pelican's `Tags:` line is free keywords, kept as tags: only `Topics:` names topic files.
    tags = _split_list(header.get("tags"))
    if tags:
        recognised.append("tags: " + ", ".join(tags))
        article.tags = tags


def _drop_repeated_headline(article: Article) -> None:
    """Text copied with its headline starts with it; the title already says it."""
    first = article.blocks[0] if article.blocks else None
    if (
        article.title
        and isinstance(first, Heading)
        and " ".join(first.text.split()).casefold() == " ".join(article.title.split()).casefold()
    ):
        article.blocks.pop(0)
        article.report.recognised.append("headline: the first line repeats the title (left out)")


def _guess_title(article: Article) -> str | None:
    """A first heading that came before any paragraph is the headline the text began with."""
    first = article.blocks[0] if article.blocks else None
    if isinstance(first, Heading):
        article.blocks.pop(0)
        return first.text
    return None


def _split_list(value: str | None) -> list[str]:
    if not value:
        return []
    return [item.strip() for item in value.strip("[]").split(",") if item.strip()]


def _check_topic(topic: str, name: str) -> str:
    if slugify(topic) != topic:
        raise ImportInputError(
            name,
            f"topic {topic!r} is not a topic slug",
            hint=f"did you mean {slugify(topic)!r}?",
        )
    return topic
