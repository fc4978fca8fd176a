"""Give every article its topics: explicit ones from front matter, then those whose rules match.

Front matter::

    topics: [rafah-crossing]        # joins these topics, whatever the rules say
    no_topics: [un-responses]       # never joins these by rule (explicit topics still win)

After :func:`assign_topics`, each article has ``topics`` (Topic objects: explicit ones in
the order written, then matched ones, most matching sections first), ``topic_sections``
(slug -> the sections that matched; an explicit topic with none has ``[]``) and
``section_topics`` (for each matched section in reading order, its topics).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from content_errors import TopicError, display_path_in, metadata_line
from topic_hubs.matching import PhraseIndex, TopicRules, section_texts
from topic_hubs.model import SectionTopics, Topic

__all__ = ["assign_topics", "slug_list"]

# Metadata sits in the first lines of a file; a key further down is body text.


def assign_topics(
    articles: Iterable[Any],
    rules: Sequence[TopicRules],
    failed_slugs: set[str],
    display_root: str,
    *,
    index: PhraseIndex | None = None,
) -> list[TopicError]:
    """Set ``topics``, ``topic_sections`` and ``section_topics`` on each article.

    Returns the problems found (unknown or malformed slugs); an article with a problem
    keeps the topics that could be resolved, so nothing else is lost.
    """
    by_slug = {rule.topic.slug: rule for rule in rules}
    if index is None or index.rules != tuple(rules):
        index = PhraseIndex(rules)
    errors: list[TopicError] = []
    # Equal tuples of a section's topics are one tuple (few distinct ones, many sections).
    shared: dict[tuple[Topic, ...], tuple[Topic, ...]] = {}
    no_slugs: list[str] = []  # never changed: the slugs of an article naming none
    # Articles whose sections matched alike and that name the same topics get the same
    # plan: most articles share one with many others.
    plans: dict[tuple[tuple[tuple[bool, ...], ...], tuple[str, ...], tuple[str, ...]], _Plan] = {}
    for article in articles:
        metadata: Mapping[str, Any] = getattr(article, "metadata", {})
        if "topics" in metadata or "no_topics" in metadata:
            # The path only names the file in a message about these keys: most articles
            # have neither, and making it for each was ~10 % of assigning topics.
            where: dict[str, Any] = {
                "by_slug": by_slug,
                "failed_slugs": failed_slugs,
                "path": display_path_in(str(getattr(article, "source_path", "")), display_root),
                "article": article,
                "errors": errors,
            }
            explicit = _known_slugs(metadata, "topics", **where)
            opted_out = _known_slugs(metadata, "no_topics", **where)
        else:
            explicit = opted_out = no_slugs
        sections: Sequence[dict[str, Any]] = getattr(article, "sections", None) or []
        # Each section's text normalised once, and looked up once for every rule; or
        # the verdicts made with this very index when the article was read.
        early = getattr(article, "section_matches", None)
        if early is not None:
            # Read once, here: kept, every article's verdicts (a tuple per section) would
            # stay in memory to the end of the build (~3 MB at N = 5,000).
            del article.section_matches
        verdicts: tuple[tuple[bool, ...], ...]
        if early is not None and early.index is index and len(early.verdicts) == len(sections):
            verdicts = early.verdicts
        else:
            verdicts = tuple(index.shared(index.matches(text)) for text in section_texts(sections))
        key = (verdicts, tuple(explicit), tuple(opted_out))
        plan = plans.get(key)
        if plan is None:
            plan = _plan(
                rules, by_slug, verdicts, explicit=explicit, opted_out=opted_out, shared=shared
            )
            plans[key] = plan
        article.topics = list(plan.topics)
        article.topic_sections = {
            slug: [sections[position] for position in positions]
            for slug, positions in plan.sections
        }
        article.section_topics = [
            SectionTopics(sections[position], topics) for position, topics in plan.section_map
        ]
    return errors


def slug_list(value: Any) -> list[str] | None:
    """``[a, b]`` or ``"a, b"`` -> ``["a", "b"]``; None when the value has another shape."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [item.strip() for item in value if item.strip()]
    return None


def _known_slugs(
    metadata: Mapping[str, Any],
    key: str,
    *,
    by_slug: Mapping[str, TopicRules],
    failed_slugs: set[str],
    path: str,
    article: Any,
    errors: list[TopicError],
) -> list[str]:
    if key not in metadata:
        return []
    slugs = slug_list(metadata[key])

    def line() -> int | None:
        # Read from the file only for a message: most explicit topics are fine.
        return metadata_line(str(getattr(article, "source_path", "")), key)

    if slugs is None:
        errors.append(
            TopicError(
                path,
                f"'{key}' must be a list of topic slugs, not {metadata[key]!r}",
                line=line(),
                hint=f"write it as '{key}: [rafah-crossing, un-responses]'",
            )
        )
        return []
    known: list[str] = []
    for slug in slugs:
        if slug in by_slug:
            if slug not in known:
                known.append(slug)
        elif slug not in failed_slugs:  # a broken topic file is reported on its own
            errors.append(
                TopicError(
                    path,
                    f"unknown topic '{slug}' in '{key}'",
                    line=line(),
                    hint=_suggest(slug, by_slug),
                )
            )
    return known


def _suggest(slug: str, by_slug: Mapping[str, TopicRules]) -> str:
    if not by_slug:
        return f"no topics are defined; add {slug}.md to the topics folder, content/topics/"
    close = difflib.get_close_matches(slug, list(by_slug), n=1, cutoff=0.5)
    if close:
        return f"did you mean '{close[0]}'?"
    return "known topics: " + ", ".join(sorted(by_slug))


@dataclass(frozen=True)
class _Plan:
    """An article's topics by the positions of its sections (see :func:`_plan`)."""

    topics: tuple[Topic, ...]
    # Each topic's slug and the positions of the sections it matched, in topics' order.
    sections: tuple[tuple[str, tuple[int, ...]], ...]
    # Each matched section's position and its topics, in reading order.
    section_map: tuple[tuple[int, tuple[Topic, ...]], ...]


def _plan(
    rules: Sequence[TopicRules],
    by_slug: Mapping[str, TopicRules],
    verdicts: Sequence[Sequence[bool]],
    *,
    explicit: Sequence[str],
    opted_out: Sequence[str],
    shared: dict[tuple[Topic, ...], tuple[Topic, ...]],
) -> _Plan:
    """The topics of an article whose sections got ``verdicts`` (for each, one per rule)
    and whose front matter names ``explicit`` and ``opted_out``."""
    found: dict[int, list[int]] = {}
    for position, matches in enumerate(verdicts):
        for number, match in enumerate(matches):
            if match:
                found.setdefault(number, []).append(position)
    matched: dict[str, list[int]] = {}
    for number, rule in enumerate(rules):
        slug = rule.topic.slug
        if slug in opted_out and slug not in explicit:
            continue
        if number in found:
            matched[slug] = found[number]
        elif slug in explicit:
            matched[slug] = []
    by_rule = sorted(
        (slug for slug in matched if slug not in explicit),
        key=lambda slug: (
            -len(matched[slug]),
            matched[slug][0],
            by_slug[slug].topic.title.casefold(),
        ),
    )
    order = [*explicit, *by_rule]
    topics = tuple(by_slug[slug].topic for slug in order)
    marks: dict[int, list[Topic]] = {}
    for topic in topics:
        for position in matched[topic.slug]:
            marks.setdefault(position, []).append(topic)
    section_map = []
    for position in sorted(marks):
        its_topics = tuple(marks[position])
        section_map.append((position, shared.setdefault(its_topics, its_topics)))
    return _Plan(
        topics,
        tuple((slug, tuple(matched[slug])) for slug in order),
        tuple(section_map),
    )
