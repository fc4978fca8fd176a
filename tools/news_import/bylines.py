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
_JOBS = re.compile(
    r"^(?:editor|correspondent|reporter|writer|columnist|contributor|analyst|producer"
    r"|photographer|journalist|critic|chief|bureau|staff|desk|team|intern|fellow|author"
    r"|director|presenter|host|commentator|redakteur|rédacteur|rédactrice|envoyée?"
    r"|corresponsal|correspondente|redactor|redatora?)s?$",
    re.I,
)
# Words that qualify a job ("Senior", "Health", "Special").
_JOB_MODIFIERS = re.compile(
    r"^(?:senior|deputy|chief|executive|managing|political|special|health|science|business"
    r"|economics|education|sports?|culture|technology|tech|news|world|foreign|games|arts"
    r"|environment|climate|politics|investigations?|data|digital|associate|contributing"
    r"|staff|spécial|associate|assistant|and|of|the|at|large|-)$",
    re.I,
)


def _is_job(part: str) -> bool:
    """ "Education editor", "Senior Correspondent", "Staff writer"; not "Example Reporter"."""
    words = part.split()
    if not any(_JOBS.match(w) for w in words):
        return False
    if any(_JOBS.match(w) and w.islower() for w in words):
        return True
    return all(_JOBS.match(w) or _JOB_MODIFIERS.match(w) for w in words)


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
_SEPARATORS = re.compile(
    r"\s*(?:;|\||•|·|,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bwith\b|\bavec\b)\s*", re.I
)
_OUTLET = re.compile(r"\s+(?:for|in|at|pour|para)\s+(?:the\s+)?[A-Z][\w.&' -]*$")
_NAME_WORD = re.compile(r"^[\w'’.()\-]+$")
MAX_NAME_WORDS = 5


@dataclass
class Byline:
    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def is_organisation(name: str, site: str | None = None) -> bool:
    if (
        site
        and _squash(name)
        and (_squash(name) in _squash(site) or _squash(site) in _squash(name))
    ):
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
    if re.fullmatch(r"@?[A-Za-z_]*\d[\w.]*", cleaned):
        result.dropped.append(f"a user name ({cleaned!r})")
        return result
    # Glued to the name by the page's layout: "Person22 Dec 2016".
    cleaned = re.sub(r"(?<=[^\W\d_])(?=\d)", " ", cleaned)
    for pattern, what in ((_UPDATED, "an update note"), (_DATE, "a date"), (_TIME, "a time")):
        found = pattern.search(cleaned)
        if found and found.group(0).strip():
            result.dropped.append(f"{what} ({found.group(0).strip()!r})")
            cleaned = pattern.sub(" ", cleaned)
    # Glued digits ("Person22 Dec 2016651": a name, a date, a comment count).
    cleaned = re.sub(r"\d+", " ", cleaned)
    # "(Example Wire)" goes; "Example (Middle Name) Person" keeps its middle names.
    cleaned = re.sub(
        r"\(([^()]*)\)",
        lambda m: " " if is_organisation(m.group(1)) or not m.group(1).strip() else m.group(0),
        cleaned,
    )
    cleaned = _BY.sub("", " ".join(cleaned.split()))
    for raw in _SEPARATORS.split(cleaned):
        part = _BY.sub("", raw.strip(" -–—:·|/\t"))
        if not part:
            continue
        outlet = _OUTLET.search(part)
        if outlet:
            result.dropped.append(f"an outlet ({outlet.group(0).strip()!r})")
            part = part[: outlet.start()].strip()
        if site and _squash(site) and _squash(part) == _squash(site):
            result.organisations.append(part)
            continue
        if _is_job(part) and not is_organisation(part):
            result.dropped.append(f"a role ({part!r})")
            continue
        name_words = _name_before_role(part)
        if name_words is not None:
            result.dropped.append(f"a role ({part[len(name_words) :].strip()!r})")
            part = name_words
        if is_organisation(part, site):
            result.organisations.append(part)
            continue
        words = part.split()
        cased = any(w[0].isupper() for w in words) or not part.isascii()
        if (
            not 1 <= len(words) <= MAX_NAME_WORDS
            or not all(_NAME_WORD.match(w) for w in words)
            or not cased
        ):
            result.dropped.append(f"not a name ({part!r})")
            continue
        name = part.title() if part.isupper() and len(part) > 3 else part
        if name not in result.people:
            result.people.append(name)
    return result


def _name_before_role(part: str) -> str | None:
    """``'Example Person Games Editor'`` -> ``'Example Person'``: a name glued to its job.

    The name is the first two words (three when the middle one is an initial or a
    particle), when none of them is a job word and a job word follows.
    """
    words = part.split()
    for size in (3, 2):
        if len(words) <= size or not _is_job(" ".join(words[size:])):
            continue
        head = words[:size]
        if size == 3 and not re.fullmatch(r"[A-Z]\.?|de|da|van|von|del|la|le|bin|al", head[1]):
            continue
        if not any(_JOBS.match(w) for w in head) and all(w[0].isupper() for w in head[::2]):
            return " ".join(head)
    return None
