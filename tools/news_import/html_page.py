"""A saved web page -> :class:`~news_import.model.Article`.

BeautifulSoup reads what must be kept exactly (headline, date, byline, key-point lists,
embedded posts) and takes the key points and embeds out of the page, leaving a marker
paragraph where each post stood. trafilatura then finds the article's body in what is
left (it drops navigation, cookie banners, "most read", footers, ads and scripts), and
the body's HTML is written as Markdown block by block. Tables are kept as HTML, through
``html_policy.sanitise``.

A page whose tags nest deeper than :data:`MAX_TAG_DEPTH` is refused before any of that:
the extraction's time grows with the square of the depth (5,000 nested ``<div>``: 8 s),
and no article needs a tenth of it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import trafilatura
from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from html_policy import sanitise
from news_import.article_shape import KEY_POINTS_HEADING, normalise_date, split_dateline
from news_import.errors import ImportInputError
from news_import.html_embeds import find_embeds, post_from_embed
from news_import.inline_markdown import escape_block_start, html_to_markdown, safe_href
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

_MARKER = "news-import-post-{}"
_MARKER_TEXT = re.compile(r"^news-import-post-(\d+)$")
_KEY_POINTS_CLASS = re.compile(r"key[-_]?points|takeaways|highlights|summary-list", re.I)
# Page furniture removed before extraction, by class or id token (trafilatura drops most
# of it too; this makes sure a banner inside <article> does not become a paragraph).
_FURNITURE = re.compile(
    r"^(?:cookie|cookies|consent|gdpr|cmp|ad|ads|advert|advertisement|ad-slot|adslot"
    r"|most-read|mostread|most-popular|newsletter|promo|sponsored|paywall|share-tools"
    r"|social-share|related-links)(?:$|[-_])",
    re.I,
)
_DROP_TAGS = ("script", "style", "noscript", "template", "form", "button", "svg", "iframe")
# Deeper than any news page we have seen (they nest 20 to 60 levels); libxml2's own
# default limit for documents.
MAX_TAG_DEPTH = 256


def tag_depth(soup: Tag) -> int:
    """How many tags deep ``soup`` nests (its own children are depth 1); one pass, no recursion."""
    deepest = 0
    stack = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.contents if isinstance(child, Tag))
    return deepest


def _refuse_deep_nesting(soup: Tag, name: str) -> None:
    depth = tag_depth(soup)
    if depth > MAX_TAG_DEPTH:
        raise ImportInputError(
            name,
            f"the page nests tags {depth} levels deep, more than the {MAX_TAG_DEPTH} the"
            " importer reads",
            hint="save the article's own HTML, or paste its text into a .txt file and import that",
        )


def parse_html(html: str, name: str) -> Article:
    soup = BeautifulSoup(html, "lxml")
    _refuse_deep_nesting(soup, name)
    article = Article()
    report = article.report
    _metadata(soup, article)
    root = _article_root(soup)
    _take_key_points(root, article)
    posts = _take_embeds(root, article)
    removed = _remove_furniture(soup)
    # trafilatura's HTML writes every list as <ul>: remember which ones were numbered.
    ordered = {_list_key(ol) for ol in soup.find_all("ol")}
    if removed:
        report.left_out.append(f"{removed} script(s), iframe(s) and form control(s) of the page")
    images = len(root.find_all("img"))
    if images:
        report.left_out.append(
            f"{images} image(s): the site loads nothing from other origins; save wanted "
            "images into content/images/ and add them by hand"
        )
    extracted = trafilatura.extract(
        str(soup),
        output_format="html",
        include_links=True,
        include_formatting=True,
        include_tables=True,
        include_images=False,
        include_comments=False,
        favor_recall=True,
    )
    if not extracted:
        raise ImportInputError(
            name,
            "does not look like an article (no article text found in the page)",
            hint="save the article's page itself, or copy its text into a .txt file",
        )
    body = BeautifulSoup(extracted, "lxml").body
    used: set[int] = set()
    if body is not None:
        _Blocks(article, posts, used, ordered).walk(body)
        _report_links(body, article)
    for number, post in enumerate(posts):
        if number not in used:
            article.blocks.append(post)
            report.guessed.append(
                f"embedded post ({post.describe()}) was outside the text the extractor kept: "
                "placed at the end, move it where it belongs"
            )
    for post in posts:
        report.recognised.append(f"embedded post ({post.describe()})")
    return article


def _metadata(soup: BeautifulSoup, article: Article) -> None:
    """Headline, date, byline, canonical URL and site name of the page."""
    h1 = soup.select_one("article h1") or soup.select_one("main h1") or soup.find("h1")
    title = _meta(soup, "og:title") or (h1.get_text(" ", strip=True) if h1 else None)
    if h1 is not None:
        title = h1.get_text(" ", strip=True) or title
    if not title and soup.title:
        title = soup.title.get_text(" ", strip=True)
    if title:
        article.title = " ".join(title.split())
        article.report.recognised.append("title: from the page's headline")
    date = _page_date(soup)
    if date:
        article.date = date
        article.report.recognised.append(f"date: {date} from the page")
    author = _meta(soup, "author") or _byline(soup)
    if author:
        article.authors = [author]
        article.report.recognised.append(f"byline: {author}")
    url = _canonical(soup)
    if url:
        article.url = url
    site = _meta(soup, "og:site_name")
    if site:
        article.source = site


def _meta(soup: BeautifulSoup, key: str) -> str | None:
    for attribute in ("property", "name", "itemprop"):
        tag = soup.find("meta", attrs={attribute: key})
        if isinstance(tag, Tag) and tag.get("content"):
            return " ".join(str(tag["content"]).split())
    return None


def _page_date(soup: BeautifulSoup) -> str | None:
    candidates: list[str] = []
    for selector in ("article time[datetime]", "main time[datetime]", "time[datetime]"):
        tag = soup.select_one(selector)
        if tag is not None:
            candidates.append(str(tag["datetime"]))
            break
    for key in ("article:published_time", "datePublished", "date", "dc.date"):
        value = _meta(soup, key)
        if value:
            candidates.append(value)
    for candidate in candidates:
        date = normalise_date(candidate)
        if date:
            return date
    return None


def _byline(soup: BeautifulSoup) -> str | None:
    tag = soup.select_one("[rel~=author]") or soup.select_one(".byline, [itemprop=author]")
    if tag is None:
        return None
    text = " ".join(tag.get_text(" ", strip=True).split())
    text = re.sub(r"^by\s+", "", text, flags=re.I)
    return text or None


def _canonical(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    if isinstance(link, Tag) and link.get("href"):
        href = str(link["href"])
        if href.startswith(("http://", "https://")):
            return href
    value = _meta(soup, "og:url")
    return value if value and value.startswith(("http://", "https://")) else None


def _article_root(soup: BeautifulSoup) -> Tag:
    for selector in ("article", "main", "[role=main]", "body"):
        tag = soup.select_one(selector)
        if tag is not None:
            return tag
    return soup


def _take_key_points(root: Tag, article: Article) -> None:
    """A list with a "Key points" heading, or in a key-points box, becomes front matter."""
    for heading in root.find_all(["h2", "h3", "h4", "h5", "h6", "p", "strong", "div"]):
        if heading.parent is None or not KEY_POINTS_HEADING.match(
            heading.get_text(" ", strip=True)
        ):
            continue
        items_list = heading.find_next(["ul", "ol"])
        if items_list is None:
            continue
        _use_key_points(items_list, article)
        container = heading.parent
        items_list.decompose()
        heading.decompose()
        if isinstance(container, Tag) and not container.get_text(strip=True):
            container.decompose()
        return
    box = root.find(class_=_KEY_POINTS_CLASS) or root.find(id=_KEY_POINTS_CLASS)
    if isinstance(box, Tag):
        items_list = box.find(["ul", "ol"])
        if items_list is not None:
            _use_key_points(items_list, article)
            box.decompose()


def _use_key_points(items_list: Tag, article: Article) -> None:
    items = [html_to_markdown(li, base_url=article.url) for li in items_list.find_all("li")]
    article.key_points.extend(item for item in items if item)
    article.report.recognised.append(f"key points ({len(items)}) -> front matter key_points")


def _take_embeds(root: Tag, article: Article) -> list[Post]:
    posts: list[Post] = []
    for element in find_embeds(root):
        post = post_from_embed(element)
        if not post.paragraphs and not post.url:
            # A card needs its text or a link to the original; this embed has neither.
            article.report.left_out.append(f"an empty {post.platform} embed (no text, no link)")
            element.decompose()
            continue
        posts.append(post)
        marker = BeautifulSoup(f"<p>{_MARKER.format(len(posts) - 1)}</p>", "html.parser").p
        assert marker is not None
        following = element.find_next_sibling()
        # The widget script that follows an embed goes with it.
        if isinstance(following, Tag) and following.name == "script":
            following.decompose()
        element.replace_with(marker)
    return posts


def _report_links(body: Tag, article: Article) -> None:
    """Say which links did not survive (their words always do)."""
    unsafe = relative = 0
    for anchor in body.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        if safe_href(href) is None:
            unsafe += 1
        elif not urlsplit(href).scheme and not href.startswith("#") and not article.url:
            relative += 1
    if unsafe:
        article.report.left_out.append(
            f"{unsafe} link(s) to javascript: or another unsafe target (kept their words)"
        )
    if relative:
        article.report.left_out.append(
            f"{relative} link(s) relative to the original site, which has no canonical URL in "
            "the page (kept their words; add full links by hand if needed)"
        )


def _remove_furniture(soup: BeautifulSoup) -> int:
    """Remove scripts, iframes, forms and page furniture; return how many scripts etc."""
    removed = 0
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
        removed += 1
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in {"html", "body", "article", "main"}:
            continue
        tokens = [str(token) for token in (tag.get("class") or [])]
        if tag.get("id"):
            tokens.append(str(tag["id"]))
        if any(_FURNITURE.match(token) for token in tokens):
            tag.decompose()
    for tag in soup.find_all(["nav", "footer"]):
        tag.decompose()
    for tag in soup.find_all("aside"):
        if not tag.find(string=_MARKER_TEXT):
            tag.decompose()
    return removed


def _list_key(items_list: Tag) -> str:
    return " ".join(items_list.get_text(" ").split())


class _Blocks:
    """Walk trafilatura's HTML output and append Markdown blocks to the article."""

    def __init__(
        self, article: Article, posts: list[Post], used: set[int], ordered: set[str]
    ) -> None:
        self.article = article
        self.posts = posts
        self.used = used
        self.ordered = ordered

    def _md(self, node: Tag | NavigableString) -> str:
        return html_to_markdown(node, base_url=self.article.url)

    def walk(self, parent: Tag) -> None:
        for child in parent.children:
            if isinstance(child, NavigableString):
                text = " ".join(str(child).split())
                if text and type(child) is NavigableString:
                    self._paragraph(self._md(child))
                continue
            if isinstance(child, Tag):
                self._element(child)

    def _element(self, tag: Tag) -> None:
        name = tag.name
        if name == "h1":
            text = self._md(tag)
            if text and text != self.article.title:
                self._add(Heading(text))
        elif name in {"h2", "h3", "h4", "h5", "h6"}:
            text = self._md(tag)
            if text:
                self._add(Heading(text, level=2 if name == "h2" else 3))
        elif name == "p":
            marker = _MARKER_TEXT.match(tag.get_text(strip=True))
            if marker:
                number = int(marker.group(1))
                self.used.add(number)
                self._add(self.posts[number])
            else:
                self._paragraph(self._md(tag))
        elif name in {"ul", "ol"}:
            items = [self._md(li) for li in tag.find_all("li", recursive=False)]
            items = [item.replace("\\\n", " ") for item in items if item]
            if items:
                numbered = name == "ol" or _list_key(tag) in self.ordered
                self._add(ListBlock(items, ordered=numbered))
        elif name == "blockquote":
            paragraphs = [self._md(p) for p in tag.find_all("p")] or [self._md(tag)]
            paragraphs = [p.replace("\\\n", "\\\n> ") for p in paragraphs if p]
            if paragraphs:
                self._add(Quote(paragraphs))
        elif name == "table":
            self._add(RawHtml(sanitise(str(tag))))
        elif name == "pre":
            self._add(CodeBlock(tag.get_text()))
        elif name in {"hr", "br", "img", "figure"} and not tag.get_text(strip=True):
            return
        elif any(isinstance(child, Tag) for child in tag.children) and tag.find(
            ["p", "h2", "h3", "ul", "ol", "blockquote", "table", "div"]
        ):
            self.walk(tag)
        else:
            self._paragraph(self._md(tag))

    def _paragraph(self, text: str) -> None:
        if not text:
            return
        if not self.article.dateline and not any(
            isinstance(block, Paragraph) for block in self.article.blocks
        ):
            split = split_dateline(text)
            if split:
                self.article.dateline, text = split
                self.article.report.recognised.append(f"dateline {self.article.dateline}")
        self._add(Paragraph(escape_block_start(text)))

    def _add(self, block: Block) -> None:
        self.article.blocks.append(block)
