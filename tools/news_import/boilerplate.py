"""Take what is not the article out of its extracted blocks, and say what went.

Newsletter and subscription prompts go wherever they stand (they are short and say so);
photo-gallery captions, "related" / "more from" lists and the outlet's standards notice
go when they trail the article. Each dropped block is named in the report with its first
words, so an editor can put back one that was the article's own.
"""

from __future__ import annotations

import re

from news_import.model import Article, Block, Heading, ListBlock, Paragraph, Quote

MAX_PROMO_WORDS = 60
_KINDS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # (name, pattern, anywhere: also inside the article, not only trailing it)
    (
        "newsletter",
        re.compile(
            r"\b(?:newsletters?|sign\s*up\s+(?:for|to|here|now)|in\s+your\s+inbox"
            r"|delivered\s+to\s+your\s+inbox|get\s+our\s+\w+\s+(?:email|briefing))\b",
            re.I,
        ),
        True,
    ),
    (
        "subscription",
        re.compile(
            r"\b(?:subscribe\s+(?:now|today|to|for)|already\s+a\s+subscriber|subscribers?\s+only"
            r"|support\s+(?:our|independent)\s+journalism|become\s+a\s+(?:member|subscriber)"
            r"|unlimited\s+access|log\s*in\s+to\s+continue|create\s+a\s+free\s+account)\b",
            re.I,
        ),
        True,
    ),
    (
        "gallery",
        re.compile(
            r"^(?:photo\s+)?gallery\b|\b(?:image|photo|picture)\s+\d+\s+(?:of|/)\s+\d+\b"
            r"|^(?:photos?|pictures?)\s*:|\bview\s+(?:the\s+)?(?:full\s+)?gallery\b",
            re.I,
        ),
        False,
    ),
    (
        "related",
        re.compile(
            r"^(?:related(?:\s+\w+)?|read\s+(?:more|also|next)|more\s+(?:from|on|about)\b.*"
            r"|see\s+also|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?"
            r"|most\s+(?:read|popular|viewed)|further\s+reading|top\s+stories|latest\s+news"
            r"|what\s+to\s+read\s+next|also\s+read)\s*:?\s*$",
            re.I,
        ),
        False,
    ),
    (
        "standards",
        re.compile(
            r"\b(?:our\s+(?:editorial\s+)?standards|trust\s+principles|editorial\s+(?:standards"
            r"|guidelines|policy)|corrections\s+policy|ethics\s+policy|fact[- ]checking\s+policy"
            r"|contact\s+(?:the|our)\s+(?:newsroom|editors?)|report\s+an\s+error)\b",
            re.I,
        ),
        False,
    ),
)


def _text(block: Block) -> str:
    if isinstance(block, (Paragraph, Heading)):
        return block.text
    if isinstance(block, ListBlock):
        return " ".join(block.items)
    if isinstance(block, Quote):
        return " ".join(block.paragraphs)
    return ""


def _plain(text: str) -> str:
    # Link targets and Markdown escapes are not words of the block.
    text = re.sub(r"\]\([^)]*\)|[\\*_\[\]<>]", " ", text)
    return " ".join(text.split())


def _kind(block: Block, *, trailing: bool) -> str | None:
    text = _plain(_text(block))
    if not text or len(text.split()) > MAX_PROMO_WORDS:
        return None
    for name, pattern, anywhere in _KINDS:
        if (anywhere or trailing) and pattern.search(text):
            return name
    return None


def drop_boilerplate(article: Article) -> None:
    """Remove promo blocks anywhere and trailing furniture; list each in the report."""
    dropped: list[tuple[str, str]] = []
    blocks = article.blocks
    # Trailing: from the end while blocks are furniture (a "Related" heading takes its list).
    while blocks:
        last = blocks[-1]
        kind = _kind(last, trailing=True)
        if kind is None and isinstance(last, ListBlock) and len(blocks) > 1:
            before = blocks[-2]
            if isinstance(before, (Heading, Paragraph)) and _kind(before, trailing=True):
                kind = _kind(before, trailing=True)
                dropped.append((kind or "related", _text(blocks.pop())))
                continue
        if kind is None:
            break
        dropped.append((kind, _text(blocks.pop())))
    kept: list[Block] = []
    for block in blocks:
        kind = _kind(block, trailing=False)
        if kind is not None and isinstance(block, (Paragraph, Heading)):
            dropped.append((kind, _text(block)))
            continue
        kept.append(block)
    article.blocks[:] = kept
    for kind, text in dropped:
        words = _plain(text).split()
        preview = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
        article.report.left_out.append(f"dropped a {kind} block: {preview!r}")
