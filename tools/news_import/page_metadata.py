"""What a saved page states about its article, source by source, most reliable first.

Sources, in order: JSON-LD (``NewsArticle``, ``Article``, ``ReportageNewsArticle``,
``LiveBlogPosting`` and kin, also inside ``@graph``), Open Graph and ``article:*``, Dublin
Core, publisher tags (``parsely-*``, ``sailthru.*``), ``meta name=author``, microdata
(``itemprop=datePublished``, ``headline``, ``author``), then the article's visible header
(its ``<h1>``, byline and ``<time>``). Nothing is read from a logo, a widget, a promo box,
a related card or another story's teaser (:func:`in_furniture`).

Each value is a :class:`Candidate` naming its source, so the choice between them
(:mod:`news_import.page_choice`) can say where a value came from and whether the
sources agreed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup, Tag

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "LiveBlogPosting",
        "BlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
    }
)
# Containers whose text belongs to something else than the article's own header.
_FURNITURE_TOKEN = re.compile(
    r"(?:^|[-_])(?:logo|brand|masthead|site-?header|nav|navbar|menu|widget|promo|teaser"
    r"|related|recommend(?:ed|ations)?|more-?from|read-?more|newsletter|signup|sign-up"
    r"|subscribe|subscription|sidebar|rail|card|most-?read|popular|trending|outbrain"
    r"|taboola|footer|comments?|share|social|ad|ads|advert|sponsor(?:ed)?|breadcrumbs?)"
    r"(?:$|[-_])",
    re.I,
)
_BYLINE_SELECTORS = (
    "[itemprop~=author] [itemprop~=name]",
    "[itemprop~=author]",
    "[rel~=author]",
    ".byline",
    "[class*=byline]",
    "[class*=author-name]",
    "[class*=article-author]",
    ".author",
    "[class*=Byline]",
)


@dataclass(frozen=True)
class Candidate:
    value: str
    source: str


@dataclass
class PageMetadata:
    titles: list[Candidate] = field(default_factory=list)
    authors: list[Candidate] = field(default_factory=list)
    organisations: list[Candidate] = field(default_factory=list)
    published: list[Candidate] = field(default_factory=list)
    modified: list[Candidate] = field(default_factory=list)
    sites: list[Candidate] = field(default_factory=list)
    langs: list[Candidate] = field(default_factory=list)
    descriptions: list[Candidate] = field(default_factory=list)
    document_title: str | None = None


# A container holding more than this share of the page's text is its layout (a page
# wrapped in <form> or in "yog-card"), not a widget inside it.
LAYOUT_SHARE = 0.4


def _furniture_like(node: Tag) -> bool:
    if node.name in {"nav", "footer", "aside", "form"}:
        return True
    if node.get("role") in {"banner", "navigation", "complementary", "contentinfo"}:
        return True
    tokens = [str(t) for t in (node.get("class") or [])]
    if node.get("id"):
        tokens.append(str(node["id"]))
    return any(_FURNITURE_TOKEN.search(token) for token in tokens)


def in_furniture(tag: Tag) -> bool:
    """``tag`` sits in a logo, nav, widget, promo, related card or teaser."""
    node: Tag | None = tag
    page: Tag | None = None
    while isinstance(node, Tag) and node.name not in {"body", "html", "[document]"}:
        if _furniture_like(node):
            if page is None:
                page = next((p for p in tag.parents if p.name in {"body", "html"}), node)
            if len(node.get_text()) < LAYOUT_SHARE * len(page.get_text()):
                return True
        node = node.parent
    return False


def read_page_metadata(soup: BeautifulSoup, root: Tag) -> PageMetadata:
    found = PageMetadata()
    _json_ld(soup, found)
    _meta_tags(soup, found)
    _microdata(soup, found)
    _visible_header(soup, root, found)
    if soup.title:
        found.document_title = " ".join(soup.title.get_text(" ", strip=True).split()) or None
    html = soup.find("html")
    if isinstance(html, Tag) and html.get("lang"):
        found.langs.insert(0, Candidate(str(html["lang"]), "<html lang>"))
    return found


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1] for v in values if v}


def _walk_json(node: Any) -> list[dict[str, Any]]:
    """Every object in a JSON-LD document: top level, lists, ``@graph`` and main entities."""
    found: list[dict[str, Any]] = []
    stack = [node]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            found.append(item)
            for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
                if isinstance(item.get(key), (list, dict)):
                    stack.append(item[key])
    return found


def _names(value: Any) -> list[tuple[str, bool]]:
    """(name, is_organisation) for a JSON-LD author/publisher value."""
    out: list[tuple[str, bool]] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.strip() and not item.startswith(("http", "/")):
            out.append((item.strip(), False))
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            organisation = bool(_types(item) & {"Organization", "NewsMediaOrganization"})
            out.append((item["name"].strip(), organisation))
    return [(n, o) for n, o in out if n]


def _json_ld(soup: BeautifulSoup, found: PageMetadata) -> None:
    articles: list[dict[str, Any]] = []
    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.I)):
        text = script.string or script.get_text() or ""
        text = text.strip().removeprefix("<![CDATA[").removesuffix("]]>").strip().rstrip(";")
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            continue
        articles += [n for n in _walk_json(data) if _types(n) & ARTICLE_TYPES]
    for node in articles[:1]:
        label = "JSON-LD " + "/".join(sorted(_types(node) & ARTICLE_TYPES))
        headline = node.get("headline") or node.get("name")
        if isinstance(headline, str) and headline.strip():
            found.titles.append(Candidate(headline, f"{label} headline"))
        for name, organisation in _names(node.get("author") or node.get("creator")):
            target = found.organisations if organisation else found.authors
            target.append(Candidate(name, f"{label} author"))
        for key, target in (("datePublished", found.published), ("dateModified", found.modified)):
            if isinstance(node.get(key), str):
                target.append(Candidate(node[key], f"{label} {key}"))
        for name, _ in _names(node.get("publisher")):
            found.sites.append(Candidate(name, f"{label} publisher"))
        language = node.get("inLanguage")
        if isinstance(language, dict):
            language = language.get("alternateName") or language.get("name")
        if isinstance(language, str):
            found.langs.append(Candidate(language, f"{label} inLanguage"))
        if isinstance(node.get("description"), str):
            found.descriptions.append(Candidate(node["description"], f"{label} description"))


def _meta_map(soup: BeautifulSoup) -> dict[str, list[str]]:
    """Lower-case meta names/properties (space-separated lists split) -> their contents."""
    values: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        content = tag.get("content")
        if not content or not str(content).strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            for key in str(tag.get(attribute) or "").lower().split():
                values.setdefault(key, []).append(" ".join(str(content).split()))
    return values


_META_SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("titles", ("og:title", "dc.title", "dc:title", "dcterms.title", "dcterm:title",
                "parsely-title", "sailthru.title", "twitter:title")),
    ("authors", ("article:author", "og:article:author", "article:author_name", "dc.creator",
                 "dc:creator", "dcterms.creator", "dcterm:creator", "parsely-author",
                 "sailthru.author", "author", "byl")),
    ("published", ("article:published_time", "og:article:published_time",
                   "dc.date", "dc:date", "dcterms.created", "dcterms.issued", "dc.date.issued",
                   "parsely-pub-date", "sailthru.date", "pubdate", "publish-date",
                   "date", "datepublished")),
    ("modified", ("article:modified_time", "og:updated_time", "dcterms.modified",
                  "datemodified", "last-modified")),
    ("sites", ("og:site_name", "application-name")),
    ("langs", ("og:locale", "content-language", "dc.language", "dc:language",
               "dcterms.language")),
    ("descriptions", ("og:description", "dc.description", "description",
                      "twitter:description")),
)  # fmt: skip


def _meta_tags(soup: BeautifulSoup, found: PageMetadata) -> None:
    values = _meta_map(soup)
    for attribute, keys in _META_SOURCES:
        target: list[Candidate] = getattr(found, attribute)
        for key in keys:
            for value in values.get(key, [])[:3]:
                if attribute == "authors" and value.startswith(("http://", "https://", "/")):
                    continue  # article:author is often the author's page, not a name
                target.append(Candidate(value, f"meta {key}"))
    # Parse.ly's older JSON tag.
    for raw in values.get("parsely-page", []):
        try:
            page = json.loads(raw)
        except ValueError:
            continue
        if isinstance(page, dict):
            for key, attribute in (("title", "titles"), ("author", "authors"),
                                   ("pub_date", "published")):  # fmt: skip
                if isinstance(page.get(key), str):
                    getattr(found, attribute).append(Candidate(page[key], "meta parsely-page"))


def _microdata(soup: BeautifulSoup, found: PageMetadata) -> None:
    for prop, target in (("datePublished", found.published), ("dateModified", found.modified)):
        for tag in soup.find_all(True, attrs={"itemprop": re.compile(rf"\b{prop}\b")}):
            if tag.name == "meta" or in_furniture(tag):
                continue
            value = tag.get("datetime") or tag.get("content") or tag.get_text(" ", strip=True)
            if value:
                target.append(Candidate(str(value), f"<{tag.name} itemprop={prop}>"))
                break
    headline = soup.find(True, attrs={"itemprop": re.compile(r"\bheadline\b")})
    if isinstance(headline, Tag) and headline.name != "meta" and not in_furniture(headline):
        text = headline.get_text(" ", strip=True)
        if text:
            found.titles.append(Candidate(text, "itemprop=headline"))


def _visible_header(soup: BeautifulSoup, root: Tag, found: PageMetadata) -> None:
    for scope in (root, soup):
        headings = [h for h in scope.find_all("h1") if not in_furniture(h)]
        headings = [h for h in headings if h.get_text(strip=True)]
        if headings:
            found.titles.append(Candidate(headings[0].get_text(" ", strip=True), "the page's <h1>"))
            break
    for scope in (root, soup):
        byline = _first_outside_furniture(scope, _BYLINE_SELECTORS)
        if byline is not None:
            text = byline.get_text(" ", strip=True)
            if text and len(text) < 200:
                found.authors.append(Candidate(text, "the page's byline"))
                break
    times = [t for t in root.find_all("time") if not in_furniture(t) and t.get("datetime")]
    if times:
        found.published.append(Candidate(str(times[0]["datetime"]), "the article's <time>"))
    seconds = root.find(True, attrs={"data-seconds": re.compile(r"^\d{9,11}$")})
    if isinstance(seconds, Tag) and not in_furniture(seconds):
        import datetime as dt

        stamp = dt.datetime.fromtimestamp(int(str(seconds["data-seconds"])), tz=dt.UTC)
        found.published.append(Candidate(stamp.isoformat(), "a data-seconds timestamp"))


def _first_outside_furniture(scope: Tag, selectors: tuple[str, ...]) -> Tag | None:
    for selector in selectors:
        for tag in scope.select(selector):
            if tag.name in {"meta", "link"} or not tag.get_text(strip=True):
                continue
            if not in_furniture(tag):
                return tag
    return None
