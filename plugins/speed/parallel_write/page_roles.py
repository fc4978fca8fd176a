"""What page reuse must know of the features' own objects, kept here rather than on them.

Page keys describe the values pages are made from (:mod:`parallel_write.describe`). Some
of the features' objects need more than their values, and this table says which:

* a *keyed* object is the same object in every build, named by one field (a topic by
  its slug, an edition by its day): it stands for itself by that key in every value that
  holds it, and what it holds is described once (:mod:`parallel_write.site_state`),
  without the *derived* fields that linking makes from the articles (the site digest
  describes those articles already);
* *bookkeeping* is a build's own record that no page shows (the source ledger, the topic
  phrase index): described by its class alone.

The features' models carry no marker of this (issue 18: speed is one layer): the table is
the speed layer's, and names the classes it knows. A class is looked up as itself; a
subclass a site makes is described by its values, which is slower, never wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from editions.model import Edition
from read_dependencies import ReadDependencies
from strict_build.ledger import SourceLedger
from topic_hubs.matching import PhraseIndex
from topic_hubs.model import Topic

__all__ = ["FEATURE_ROLES", "Keyed", "PageRoles"]


@dataclass(frozen=True)
class Keyed:
    """A class whose objects are the same in every build: ``key`` names the field that
    says which one, ``derived`` the fields made from the articles."""

    key: str
    derived: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageRoles:
    """The keyed classes and the bookkeeping classes (see the module docstring)."""

    keyed: Mapping[type, Keyed] = field(default_factory=dict)
    bookkeeping: frozenset[type] = frozenset()

    def derived(self, kind: type) -> tuple[str, ...]:
        keyed = self.keyed.get(kind)
        return keyed.derived if keyed is not None else ()


FEATURE_ROLES = PageRoles(
    keyed={
        # The topic of this slug; all but its definition is made from the articles.
        Topic: Keyed(
            "slug",
            (
                "articles",
                "developments",
                "timeline",
                "key_point_entries",
                "related_topics",
                "hub_pages",
            ),
        ),
        # The edition of this day; all but its day is made from the articles.
        Edition: Keyed(
            "date",
            ("title", "articles", "groups", "published", "updated", "zone", "older", "newer"),
        ),
    },
    bookkeeping=frozenset(
        {
            # strict_build's tally of sources, in the context for its own generator.
            SourceLedger,
            # Made from the topics' rules, which are described with the topics (its word
            # sets would be described in a different order in every process).
            PhraseIndex,
            # The files a parse read besides its own (a context block's), for the content
            # cache: what they changed on a page is in the page's body.
            ReadDependencies,
        }
    ),
)
"""The roles of newsdigest's own features' classes."""
