"""The article's language as a BCP 47 tag: what the page states, else what its text shows.

Stated: ``<html lang>``, ``og:locale`` (``en_GB`` -> ``en-GB``), JSON-LD ``inLanguage``,
``Content-Language``, Dublin Core ``dc.language``. Detected: the script of the text
(Arabic, Hebrew, Cyrillic, Greek, CJK, Thai, Devanagari...) and, for Latin script, the
commonest short words of a few languages. A stated language whose script the text does
not use (``lang="en"`` over Arabic text: a template's default) loses to the detected one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
# Script name in unicodedata.name() -> the language that script most often means here.
_SCRIPTS = (
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("CYRILLIC", "ru"),
    ("GREEK", "el"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("CJK", "zh"),
    ("THAI", "th"),
    ("DEVANAGARI", "hi"),
    ("BENGALI", "bn"),
    ("ARMENIAN", "hy"),
    ("GEORGIAN", "ka"),
    ("LATIN", "latin"),
)
# Languages whose script is not Latin, by primary subtag (what the text must show).
_NON_LATIN = {
    "ar": "ARABIC", "fa": "ARABIC", "ur": "ARABIC", "he": "HEBREW", "ru": "CYRILLIC",
    "uk": "CYRILLIC", "bg": "CYRILLIC", "sr": "CYRILLIC", "el": "GREEK", "ja": "CJK",
    "zh": "CJK", "ko": "HANGUL", "th": "THAI", "hi": "DEVANAGARI",
}  # fmt: skip
_STOPWORDS = {
    "en": "the and of to in is that for was with on are as by it from",
    "fr": "le la les des et est une dans que pour qui sur au du pas",
    "es": "el la los las de que y en un una por con para del se",
    "de": "der die das und ist nicht mit sich des auf für von dem ein eine",
    "pt": "o a os as de que e do da em um uma para com não",
    "it": "il la di che e un una per con non del della sono gli",
    "nl": "de het een en van dat is op te met voor niet zijn",
    "cs": "a se na je že v s to do o jako ale by pro",
}


def normalise_tag(value: str | None) -> str | None:
    """``en_GB`` -> ``en-GB``; None for what is not a language tag."""
    if not value:
        return None
    tag = value.strip().replace("_", "-").split(",")[0].strip()
    if not _TAG.match(tag) or tag.lower() in {"und", "mul", "zxx"}:
        return None
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.upper() if len(part) == 2 else part)
    return "-".join(out)


def dominant_script(text: str) -> str | None:
    counts: Counter[str] = Counter()
    for char in text[:20000]:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        for script, _ in _SCRIPTS:
            if name.startswith(script) or (script == "CJK" and "CJK" in name):
                counts[script] += 1
                break
    if not counts:
        return None
    script, count = counts.most_common(1)[0]
    return script if count >= 20 else None


def detect(text: str) -> str | None:
    """A language tag from the text alone, or None when it cannot tell."""
    script = dominant_script(text)
    if script is None:
        return None
    if script == "LATIN":
        words = Counter(re.findall(r"[^\W\d_]+", text[:20000].lower()))
        scores = {lang: sum(words[w] for w in stop.split()) for lang, stop in _STOPWORDS.items()}
        best = max(scores, key=lambda lang: scores[lang])
        ranked = sorted(scores.values(), reverse=True)
        # Clearly ahead, on enough words to mean something.
        return best if ranked[0] >= 10 and ranked[0] >= 1.5 * ranked[1] else None
    if script == "CJK" and any(
        unicodedata.name(c, "").startswith(("HIRAGANA", "KATAKANA")) for c in text[:20000]
    ):
        return "ja"
    return dict(_SCRIPTS)[script]


def contradicts(tag: str, text: str) -> bool:
    """The text is not in the script the tag needs (``en`` over Arabic text)."""
    primary = tag.split("-", maxsplit=1)[0]
    script = dominant_script(text)
    if script is None:
        return False
    needed = _NON_LATIN.get(primary, "LATIN")
    if needed == "CJK":
        return script not in {"CJK", "HIRAGANA", "KATAKANA"}
    return script != needed
