"""Choose the article's metadata among what the page states, and say how sure it is.

Titles: the one most sources share (a ``<title>``'s "| Site" suffix taken off); a tie goes
to the most reliable source; any disagreement is flagged. Authors: the first source that
names people (:mod:`news_import.bylines`); organisations become the source's name.
Dates keep their offset (:mod:`news_import.page_dates`). Language: what the page states
unless its text is plainly in another script, else detected (:mod:`news_import.language`).
Every guess goes to ``report.guessed`` starting with the field's name.
"""

from __future__ import annotations

import re
from collections import Counter

from news_import import language
from news_import.bylines import parse_byline
from news_import.model import Article
from news_import.page_dates import PageDate, parse_page_date, with_page_zone
from news_import.page_metadata import Candidate, PageMetadata

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»]\s+|\s*[|·»]\s*")


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def choose_title(found: PageMetadata, article: Article) -> None:
    site = found.sites[0].value if found.sites else None
    candidates = [c for c in found.titles if c.value.strip()]
    if found.document_title:
        candidates.append(Candidate(_strip_site(found.document_title, site), "the page's <title>"))
    if not candidates:
        return
    votes: Counter[str] = Counter()
    sources: dict[str, list[str]] = {}
    first: dict[str, Candidate] = {}
    for candidate in candidates:
        key = _key(candidate.value)
        if candidate.source not in sources.get(key, []):
            votes[key] += 1
            sources.setdefault(key, []).append(candidate.source)
        first.setdefault(key, candidate)
    order = list(first)
    best = max(order, key=lambda k: (votes[k], -order.index(k)))
    article.title = " ".join(first[best].value.split())
    others = [k for k in order if k != best]
    if not others:
        article.report.recognised.append(f"title: from {', '.join(sources[best])}")
        return
    article.report.guessed.append(
        f"title: the page's sources disagree; chose {article.title!r} ("
        + ", ".join(sources[best])
        + "); also stated: "
        + "; ".join(
            f"{' '.join(first[k].value.split())!r} ({', '.join(sources[k])})" for k in others
        )
    )


def _strip_site(title: str, site: str | None) -> str:
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) > 1:
        if site and any(_key(site) in _key(p) or _key(p) in _key(site) for p in parts[1:]):
            return parts[0]
        if site and _key(site) in _key(parts[0]):
            return " - ".join(parts[1:])
    return title


def choose_site(found: PageMetadata, article: Article) -> None:
    if found.sites:
        article.source = found.sites[0].value
        article.report.recognised.append(f"source: {article.source} (from {found.sites[0].source})")


def choose_authors(found: PageMetadata, article: Article) -> None:
    site = article.source
    for candidate in found.authors:
        byline = parse_byline(candidate.value, site=site)
        if not byline.people:
            if byline.organisations and not article.source:
                article.source = byline.organisations[0]
                article.report.guessed.append(
                    f"source: {article.source} (the byline in {candidate.source} names an"
                    " organisation, not a person)"
                )
            continue
        article.authors = byline.people
        visible = candidate.source.startswith("the page's")
        note = f"byline: {', '.join(byline.people)} (from {candidate.source}"
        if byline.dropped:
            note += "; left out " + ", ".join(byline.dropped)
        if byline.organisations:
            note += "; organisation " + ", ".join(byline.organisations) + " not an author"
        note += ")"
        if visible or byline.dropped:
            article.report.guessed.append(note)
        else:
            article.report.recognised.append(note)
        return
    if found.organisations and not article.source:
        article.source = found.organisations[0].value
        article.report.recognised.append(
            f"source: {article.source} (the author in {found.organisations[0].source} is an"
            " organisation)"
        )
    article.report.guessed.append(
        "byline: none that names a person found"
        + (f" (by {article.source}: kept as source.name)" if article.source else "")
        + "; add authors: by hand if the article has them"
    )


def _parsed(candidates: list[Candidate]) -> list[tuple[Candidate, PageDate]]:
    out = []
    for candidate in candidates:
        parsed = parse_page_date(candidate.value)
        if parsed is not None:
            out.append((candidate, parsed))
    return out


def choose_dates(found: PageMetadata, article: Article) -> None:
    published = _parsed(found.published)
    modified = _parsed(found.modified)
    every = [p for _, p in published + modified]
    if published:
        candidate, date = published[0]
        # A day-only or zone-less first source, when a later one states the same day with
        # its zone, gives way to it.
        better = [(c, d) for c, d in published[1:] if d.has_zone and d.day() == date.day()]
        if not date.has_zone and better:
            candidate, date = better[0]
        value, note = with_page_zone(date, every)
        article.date = value
        if note:
            article.report.guessed.append(f"date: {value}: {note} (from {candidate.source})")
        else:
            article.report.recognised.append(f"date: {value} (from {candidate.source})")
        days = {d.day() for _, d in published}
        if len(days) > 1:
            article.report.guessed.append(
                "date: the page's sources give different days ("
                + ", ".join(f"{d.day()} in {c.source}" for c, d in published)
                + f"); kept {value[:10]}"
            )
    if modified:
        candidate, date = modified[0]
        value, note = with_page_zone(date, every)
        if article.date and value[:10] >= article.date[:10] and value != article.date:
            article.modified = value
            if note:
                article.report.guessed.append(f"date modified: {value}: {note}")


def choose_language(found: PageMetadata, article: Article, text: str) -> None:
    detected = language.detect(text)
    for candidate in found.langs:
        tag = language.normalise_tag(candidate.value)
        if tag is None:
            continue
        if language.contradicts(tag, text) and detected:
            article.lang = detected
            article.report.guessed.append(
                f"lang: {detected}, detected from the text's script; the page states {tag!r}"
                f" ({candidate.source}), which its text does not use"
            )
            return
        article.lang = tag
        article.report.recognised.append(f"lang: {tag} (from {candidate.source})")
        return
    if detected:
        article.lang = detected
        article.report.guessed.append(
            f"lang: {detected}, detected from the text (the page states no language)"
        )
    else:
        article.report.guessed.append(
            "lang: none stated and none detected; add lang: by hand (the site's default applies)"
        )


def choose_summary(found: PageMetadata, article: Article) -> None:
    if article.summary or not found.descriptions:
        return
    candidate = found.descriptions[0]
    article.summary = " ".join(candidate.value.split())
    article.report.recognised.append(f"summary: from {candidate.source}")
