"""A byline as the page prints it -> the people who wrote the article.

"By Example Person and Other Person, Education editor | Example News, 25 Jan 2026"
gives ``["Example Person", "Other Person"]``: the "By", the role, the outlet and the date
are not names. A byline that names only an organisation ("Example News", "Staff") gives
no people: the caller makes it the ``source.name``. What was taken off is returned so
the review report can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BY = re.compile(
    r"^\s*(?:written\s+by|reported\s+by|words\s+by|by|par|por|von|di|door|av|przez)\s*:?\s+",
    re.I,
)
# Words that make a phrase a job, not a name ("Education editor", "Cairo correspondent").
_ROLE_WORDS = re.compile(
    r"\b(?:editor|correspondent|reporter|writer|columnist|contributor|analyst|producer"
    r"|photographer|journalist|critic|chief|bureau|staff|desk|team|intern|fellow|author"
    r"|director|presenter|host|commentator|redakteur|rédacteur|rédactrice|envoyée?|spécial"
    r"|corresponsal|correspondente|redactor|redatora?|senior|deputy|political|special"
    r"|health|science|business|economics|education|sports?|culture|technology|news|world)\b",
    re.I,
)
# A name of an organisation rather than a person.
_ORGANISATION = re.compile(
    r"\b(?:news|newsroom|press|agency|agence|media|times|post|journal|herald|tribune"
    r"|gazette|daily|weekly|magazine|radio|television|tv|wire|associated|reuters|afp"
    r"|staff|editorial|desk|team|online|network|group|inc|ltd|llc|corp|foundation"
    r"|wikimedia|contributors)\b|\.(?:com|org|net|co|fr|de|uk)\b",
    re.I,
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = re.compile(
    rf"(?:\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?"
    rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\b\d{{4}}-\d{{2}}-\d{{2}}|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    rf"(?:\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?",
    re.I,
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b", re.I)
_UPDATED = re.compile(r"\b(?:updated|published|posted|last\s+updated)\b.*$", re.I)
_SEPARATORS = re.compile(r"\s*(?:;|\||,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bwith\b|\bavec\b)\s*", re.I)
_OUTLET = re.compile(r"\s+(?:for|in|at|pour|para)\s+(?:the\s+)?[A-Z][\w.&' -]*$")
_NAME_WORD = re.compile(r"^[\w'’.\-]+$")
MAX_NAME_WORDS = 5


@dataclass
class Byline:
    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def is_organisation(name: str, site: str | None = None) -> bool:
    if site and _squash(name) and (_squash(name) in _squash(site) or _squash(site) in _squash(name)):
        return True
    return bool(_ORGANISATION.search(name))


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def parse_byline(text: str, *, site: str | None = None) -> Byline:
    """The people named in ``text``; organisations and what was dropped set apart."""
    result = Byline()
    cleaned = " ".join(text.split())
    if not cleaned:
        return result
    for pattern, what in ((_UPDATED, "an update note"), (_DATE, "a date"), (_TIME, "a time")):
        found = pattern.search(cleaned)
        if found and found.group(0).strip():
            result.dropped.append(f"{what} ({found.group(0).strip()!r})")
            cleaned = pattern.sub(" ", cleaned)
    # Glued digits ("Person22 Dec 2016651": a name, a date, a comment count).
    cleaned = re.sub(r"\d+", " ", cleaned)
    cleaned = re.sub(r"\([^()]*\)", " ", cleaned)
    cleaned = _BY.sub("", " ".join(cleaned.split()))
    for part in _SEPARATORS.split(cleaned):
        part = _BY.sub("", part.strip(" -–—:·|/\t"))
        if not part:
            continue
        outlet = _OUTLET.search(part)
        if outlet:
            result.dropped.append(f"an outlet ({outlet.group(0).strip()!r})")
            part = part[: outlet.start()].strip()
        if site and _squash(site) and _squash(part) == _squash(site):
            result.organisations.append(part)
            continue
        if _ROLE_WORDS.search(part) and not is_organisation(part):
            result.dropped.append(f"a role ({part!r})")
            continue
        if is_organisation(part, site):
            result.organisations.append(part)
            continue
        words = part.split()
        if not 1 <= len(words) <= MAX_NAME_WORDS or not all(_NAME_WORD.match(w) for w in words):
            result.dropped.append(f"not a name ({part!r})")
            continue
        name = part.title() if part.isupper() and len(part) > 3 else part
        if name not in result.people:
            result.people.append(name)
    return result
