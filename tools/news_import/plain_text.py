"""Plain text (an article copied from a news site) -> :class:`~news_import.model.Article`.

The text is cut into units: one per line when the text has no blank lines between
paragraphs (as copied from most sites), one per blank-line-separated chunk otherwise.
Each recogniser then looks at units: Pelican-style header lines at the top, a
key-points block, the dateline, section headings, copied posts and post notices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from news_import.article_shape import KEY_POINTS_HEADING, split_dateline
from news_import.inline_markdown import escape_block_start, plain_to_markdown
from news_import.model import Article, Block, Heading, ListBlock, Paragraph, Post
from news_import.posts import is_notice, parse_post_url, parse_signature

HEADER_KEYS = ("title", "date", "author", "authors", "source", "url", "topics", "tags")
_HEADER = re.compile(rf"^(?P<key>{'|'.join(HEADER_KEYS)})\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•●▪–]|\d{1,3}[.)])\s+(?P<text>\S.*)$")
_FINAL_PUNCTUATION = ".,;:!?…\"”’')»"
HEADING_MAX_CHARS = 90
HEADING_MAX_WORDS = 14
# A line this short inside a post ("I call on:") continues the line before it.
POST_FRAGMENT_CHARS = 40


@dataclass
class Unit:
    lines: list[str]
    line_number: int  # 1-based line of the unit's first line in the file

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)

    @property
    def first(self) -> str:
        return self.lines[0].strip()


def parse_plain_text(text: str) -> tuple[dict[str, str], Article]:
    """Header values found at the top (lower-case keys) and the article body."""
    lines = text.split("\n")
    header, body_start = _read_header(lines)
    units, blank_mode = _units(lines, body_start)
    article = Article()
    _Builder(article, units, blank_mode).run()
    return header, article


def _read_header(lines: list[str]) -> tuple[dict[str, str], int]:
    header: dict[str, str] = {}
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines):
        match = _HEADER.match(lines[index].strip())
        if not match:
            break
        header[match.group("key").lower()] = match.group("value").strip()
        index += 1
    # Pelican ends header lines with a blank line; text pasted without blank lines has
    # none, so the first line that is not a known "Key: value" ends them too.
    return header, index


def _units(lines: list[str], start: int) -> tuple[list[Unit], bool]:
    body = lines[start:]
    chunks: list[Unit] = []
    current: list[str] = []
    current_start = 0
    for offset, line in enumerate(body):
        if line.strip():
            if not current:
                current_start = start + offset + 1
            current.append(line.rstrip())
        elif current:
            chunks.append(Unit(current, current_start))
            current = []
    if current:
        chunks.append(Unit(current, current_start))
    blank_mode = len(chunks) > 1
    if blank_mode:
        return chunks, True
    return [
        Unit([line], chunks[0].line_number + i)
        for chunk in chunks
        for i, line in enumerate(chunk.lines)
    ], False


def _is_bullet_unit(unit: Unit) -> bool:
    return all(_BULLET.match(line) for line in unit.lines)


def _looks_like_heading(unit: Unit) -> bool:
    if len(unit.lines) != 1:
        return False
    text = unit.first
    if len(text) > HEADING_MAX_CHARS or len(text.split()) > HEADING_MAX_WORDS:
        return False
    if text[-1] in _FINAL_PUNCTUATION or text.startswith("http"):
        return False
    first = text.lstrip("‘“\"'(")[:1]
    return first.isupper() or first.isdigit()


def _post_fragment(unit: Unit, *, blank_mode: bool) -> bool:
    """True when ``unit`` continues the unit before it inside a post (same post text).

    Without blank lines every line is a unit, so a short line that is not a finished
    sentence ("I call on:") is a broken line of the post; with blank lines a short
    paragraph is just a paragraph.
    """
    first = unit.first
    lead = first[:1]
    return (
        not (lead.isalnum() or lead in "‘“\"'(")
        or lead.islower()
        or (
            not blank_mode
            and len(first) <= POST_FRAGMENT_CHARS
            and first.rstrip("”’\"')")[-1:] not in ".!?…"
        )
    )


class _Builder:
    def __init__(self, article: Article, units: list[Unit], blank_mode: bool) -> None:
        self.article = article
        self.units = units
        self.blank_mode = blank_mode
        self.report = article.report
        self.blocks: list[Block] = article.blocks
        # Which units each post takes: its first unit -> its signature unit.
        self.post_ranges = self._find_posts()

    def run(self) -> None:
        index = 0
        while index < len(self.units):
            unit = self.units[index]
            if index in self.post_ranges:
                end = self.post_ranges[index]
                self.blocks.append(self._post(index, end))
                index = end + 1
                continue
            if KEY_POINTS_HEADING.match(unit.first) and (
                len(unit.lines) > 1 or self._bullets_follow(index)
            ):
                index = self._key_points(index)
                continue
            if _is_bullet_unit(unit):
                index = self._list(index)
                continue
            if self._is_post_link(unit):
                index = self._post_card(index)
                continue
            if is_notice(unit.text):
                self.report.left_out.append(
                    f"line {unit.line_number}: a platform notice ({_shorten(unit.text)})"
                )
                index += 1
                continue
            if self._is_heading(index):
                heading = Heading(plain_to_markdown(unit.first), guessed_at_line=unit.line_number)
                self.blocks.append(heading)
                index += 1
                continue
            self._paragraph(unit)
            index += 1

    # -- posts -------------------------------------------------------------------------

    def _find_posts(self) -> dict[int, int]:
        """First unit of each post's text -> the unit with its signature."""
        found: dict[int, int] = {}
        taken_until = -1
        for index, unit in enumerate(self.units):
            signature = parse_signature(unit.lines[-1])
            if signature is None:
                continue
            if signature.before or len(unit.lines) > 1:
                first = index
            elif index - 1 > taken_until and self._can_be_post_text(index - 1):
                first = index - 1
            else:
                # A signature with no text before it is no post (a card needs text or a
                # link): it stays a paragraph for the editor to look at.
                continue
            while (
                first - 1 > taken_until
                and self._can_be_post_text(first - 1)
                and (
                    _post_fragment(self.units[first], blank_mode=self.blank_mode)
                    or self.units[first - 1].first.endswith(":")
                )
            ):
                first -= 1
            found[first] = index
            taken_until = index
        return found

    def _can_be_post_text(self, index: int) -> bool:
        unit = self.units[index]
        return not (
            KEY_POINTS_HEADING.match(unit.first)
            or _is_bullet_unit(unit)
            or (self._is_heading(index) and not unit.first.endswith(":"))
            or parse_signature(unit.lines[-1])
        )

    def _post(self, first: int, end: int) -> Post:
        signature_unit = self.units[end]
        signature = parse_signature(signature_unit.lines[-1])
        assert signature is not None
        text_units = [*self.units[first:end], signature_unit]
        lines_per_unit: list[list[str]] = []
        for unit in text_units:
            lines = [line.strip() for line in unit.lines]
            if unit is signature_unit:
                lines = lines[:-1] + ([signature.before] if signature.before else [])
            if lines:
                lines_per_unit.append([plain_to_markdown(line) for line in lines])
        if self.blank_mode:
            paragraphs = lines_per_unit
        else:
            paragraphs = [[line for lines in lines_per_unit for line in lines]]
        paragraphs = [[escape_block_start(p[0]), *p[1:]] for p in paragraphs if p]
        post = Post(
            platform=signature.platform,
            author=signature.author,
            handle=signature.handle,
            date=signature.date,
            paragraphs=paragraphs,
        )
        start = self.units[first].line_number
        self.report.recognised.append(f"line {start}: embedded post ({post.describe()})")
        if not self.blank_mode:
            # Without blank lines nothing marks where a post's text begins.
            self.report.guessed.append(
                f"line {start}: the post by {post.describe()} taken to start here "
                f"(lines {start}-{signature_unit.line_number}): check where its text begins"
            )
        return post

    @staticmethod
    def _is_post_link(unit: Unit) -> bool:
        """A line holding only a post's URL, or its URL and the platform's notice."""
        if len(unit.lines) != 1:
            return False
        first_word, _, rest = unit.first.partition(" ")
        return parse_post_url(first_word) is not None and (not rest or is_notice(rest))

    def _post_card(self, index: int) -> int:
        unit = self.units[index]
        url_text = unit.first.split()[0]
        post_url = parse_post_url(url_text)
        assert post_url is not None
        post = Post(platform=post_url.platform, handle=post_url.handle, url=post_url.url)
        self.blocks.append(post)
        self.report.recognised.append(
            f"line {unit.line_number}: link to a post ({post.describe()}), made a post card"
        )
        notices = [unit.first[len(url_text) :].strip()] if unit.first != url_text else []
        index += 1
        while index < len(self.units) and is_notice(self.units[index].text):
            notices.append(self.units[index].text)
            index += 1
        if any(notices):
            self.report.left_out.append(
                f"line {unit.line_number}: the platform's notice after the post link "
                f"({_shorten(' '.join(n for n in notices if n))})"
            )
        return index

    # -- key points, lists, headings, paragraphs ------------------------------------------

    def _bullets_follow(self, index: int) -> bool:
        return index + 1 < len(self.units) and _is_bullet_unit(self.units[index + 1])

    def _key_points(self, index: int) -> int:
        unit = self.units[index]
        items = [_bullet_text(line) for line in unit.lines[1:]]
        index += 1
        while index < len(self.units) and _is_bullet_unit(self.units[index]):
            items += [_bullet_text(line) for line in self.units[index].lines]
            index += 1
        self.article.key_points.extend(items)
        self.report.recognised.append(
            f"line {unit.line_number}: key points ({len(items)}) -> front matter key_points"
        )
        return index

    def _list(self, index: int) -> int:
        ordered = self.units[index].first.lstrip()[:1] not in "-*•●▪–"
        items: list[str] = []
        while index < len(self.units) and _is_bullet_unit(self.units[index]):
            items += [_bullet_text(line) for line in self.units[index].lines]
            index += 1
            if self.blank_mode:
                break
        self.blocks.append(ListBlock(items, ordered=ordered))
        return index

    def _is_heading(self, index: int) -> bool:
        if not _looks_like_heading(self.units[index]):
            return False
        # A heading sits between paragraphs: something follows it that is not a heading.
        following = index + 1
        if following >= len(self.units):
            return False
        return not _looks_like_heading(self.units[following])

    def _paragraph(self, unit: Unit) -> None:
        text = unit.text
        if not self.article.dateline and not any(
            isinstance(block, Paragraph) for block in self.blocks
        ):
            split = split_dateline(text)
            if split:
                self.article.dateline, text = split
                self.report.recognised.append(
                    f"line {unit.line_number}: dateline {self.article.dateline}"
                )
        self.blocks.append(Paragraph(escape_block_start(plain_to_markdown(text))))


def _bullet_text(line: str) -> str:
    match = _BULLET.match(line)
    return plain_to_markdown(match.group("text").strip() if match else line.strip())


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
