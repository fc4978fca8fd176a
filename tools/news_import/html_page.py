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
from news_import.article_shape import KEY_POINTS_HEADING, dateline_agency, split_dateline
from news_import.boilerplate import drop_boilerplate
from news_import.credits import take_credit_lines
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
from news_import.page_choice import (
    choose_authors,
    choose_dates,
    choose_language,
    choose_site,
    choose_summary,
    choose_title,
)
from news_import.page_metadata import PageMetadata, in_furniture, read_page_metadata
from news_import.posts import is_notice, parse_post_url

_MARKER = "news-import-post-{}"
_MARKER_TEXT = re.compile(r"^news-import-post-(\d+)$")
_STANDFIRST_CLASS = re.compile(
    r"(?:^|[-_])(?:standfirst|dek|deck|sub-?headline|subhead|subtitle|strapline|article-summary"
    r"|article-description|intro-text|kicker-summary|lede-summary)(?:$|[-_])",
    re.I,
)
_KEY_POINTS_CLASS = re.compile(r"key[-_]?points|takeaways|highlights|summary-list", re.I)
# Page furniture removed before extraction, by class or id token (trafilatura drops most
# of it too; this makes sure a banner inside <article> does not become a paragraph).
_FURNITURE = re.compile(
    r"^(?:cookie|cookies|consent|gdpr|cmp|ad|ads|advert|advertisement|ad-slot|adslot"
    r"|most-read|mostread|most-popular|newsletter|promo|sponsored|paywall|share-tools"
    r"|social-share|related-links|related|related-content|more-from|recommended|teaser"
    r"|outbrain|taboola|subscribe|subscription|signup|sign-up|gallery-promo|standards-notice"
    r"|editorial-standards|trust-principles)(?:$|[-_])",
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
    root = _article_root(soup)
    found = read_page_metadata(soup, root)
    choose_title(found, article)
    choose_site(found, article)
    choose_authors(found, article)
    choose_dates(found, article)
    article.url = _canonical(soup)
    _take_standfirst(root, article)
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
    _drop_stated_headline(article, found)
    take_credit_lines(article)
    drop_boilerplate(article)
    choose_summary(found, article)
    choose_language(found, article, _body_text(article, body))
    return article


def _drop_stated_headline(article: Article, found: PageMetadata) -> None:
    """The page's own headline, when another title was chosen, is not a section heading."""
    first = article.blocks[0] if article.blocks else None
    stated = {" ".join(c.value.split()).casefold() for c in found.titles}
    if isinstance(first, Heading) and " ".join(first.text.split()).casefold() in stated:
        article.blocks.pop(0)


def _body_text(article: Article, body: Tag | None) -> str:
    return " ".join([article.title or "", body.get_text(" ") if body is not None else ""])


def _take_standfirst(root: Tag, article: Article) -> None:
    """The standfirst under the headline is the summary, not the first paragraph."""
    for tag in root.find_all(class_=_STANDFIRST_CLASS):
        if in_furniture(tag) or tag.find(["p", "div"], class_=_STANDFIRST_CLASS):
            continue
        text = html_to_markdown(tag, base_url=article.url)
        if text and 3 <= len(text.split()) <= 80:
            article.summary = text
            article.report.recognised.append(
                "summary: the standfirst under the headline (not repeated in the body)"
            )
            tag.decompose()
            return


def _canonical(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    if isinstance(link, Tag) and link.get("href"):
        href = str(link["href"])
        if href.startswith(("http://", "https://")):
            return href
    tag = soup.find("meta", property="og:url")
    value = str(tag.get("content") or "").strip() if isinstance(tag, Tag) else None
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
            elif not self._pasted_post(tag):
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

    def _pasted_post(self, tag: Tag) -> bool:
        """A post's address and the site's "can't be displayed" notice: a card to the post."""
        words = tag.get_text(" ", strip=True).split(maxsplit=1)
        found = parse_post_url(words[0]) if words else None
        rest = words[1] if len(words) > 1 else ""
        if found is None or (rest and not is_notice(rest)):
            return False
        post = Post(platform=found.platform, handle=found.handle, url=found.url)
        self._add(post)
        self.article.report.recognised.append(f"embedded post ({post.describe()}): a link card")
        if rest:
            self.article.report.left_out.append(f"the notice after the post's address: {rest!r}")
        return True

    def _paragraph(self, text: str) -> None:
        if not text:
            return
        if not self.article.dateline and not any(
            isinstance(block, Paragraph) for block in self.article.blocks
        ):
            split = split_dateline(text)
            if split:
                agency = dateline_agency(text)
                self.article.dateline, text = split
                self.article.report.recognised.append(f"dateline {self.article.dateline}")
                if agency and not self.article.source:
                    self.article.source = agency
                    self.article.report.guessed.append(
                        f"source: {agency} (named in the dateline; the page names no outlet)"
                    )
        self._add(Paragraph(escape_block_start(text)))

    def _add(self, block: Block) -> None:
        self.article.blocks.append(block)
