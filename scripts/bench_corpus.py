"""Write a deterministic synthetic corpus of news-like articles for the benchmark.

    python scripts/bench_corpus.py N DEST [--topics content/topics]

Each article is plain Pelican Markdown (``Title/Date/Tags/Summary`` header lines, so
Pelican's own reader and ours read the same bytes) of about 800 words: a lead, a
``::: key-points`` list, four ``##`` sections with links and a quote. The text is
lorem-like generated sentences ("Example article 17"), never real news; sentences
mention the phrases of the project's topics (``content/topics/*.md``) so topic hubs
have work to do. The same N always gives byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

import yaml

_LOREM = (
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt "
    "ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco "
    "laboris nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate "
    "velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident "
    "sunt culpa qui officia deserunt mollit anim id est laborum"
)
WORDS = _LOREM.split(" ")
FALLBACK_PHRASES = ["example topic", "synthetic update", "sample report"]
SECTION_WORDS = 150  # four sections of ~150 words, a ~60-word lead, key points: ~800 words
ARTICLES_PER_DAY = 8
START = dt.datetime(2024, 1, 1, 6, 0)


def topic_phrases(topics_dir: Path) -> list[str]:
    """The phrases and aliases of every topic file (front matter between ``---`` lines)."""
    phrases: list[str] = []
    for path in sorted(topics_dir.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        front = yaml.safe_load(text.split("---", 2)[1]) or {}
        for key in ("phrases", "aliases"):
            phrases.extend(str(p) for p in front.get(key) or [])
    return phrases or list(FALLBACK_PHRASES)


def _sentence(rng: random.Random, phrases: list[str], phrase_chance: float) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    if rng.random() < phrase_chance:
        words.insert(rng.randint(1, len(words)), rng.choice(phrases))
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _paragraph(rng: random.Random, phrases: list[str], words: int, chance: float) -> str:
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = _sentence(rng, phrases, chance)
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def article(number: int, phrases: list[str]) -> str:
    """The Markdown source of "Example article <number>" (deterministic in ``number``)."""
    rng = random.Random(number)
    date = START + dt.timedelta(minutes=(24 * 60 // ARTICLES_PER_DAY) * number)
    # Letters, not digits: Pelican's default pagination writes page 2 of tag "group-1" as
    # group-12.html, which would collide with a tag "group-12".
    tags = ["example", "synthetic", f"group-{chr(ord('a') + number % 20)}"]
    # Each article leans on two topics' phrases, so hubs collect a share of the corpus.
    leaning = [rng.choice(phrases), rng.choice(phrases)]
    lines = [
        f"Title: Example article {number}",
        f"Date: {date:%Y-%m-%d %H:%M}",
        f"Tags: {', '.join(tags)}",
        f"Summary: Synthetic summary of example article {number}, about {leaning[0]}.",
        "",
        _paragraph(rng, leaning, 60, 0.3),
        "",
        "::: key-points",
        *(f"- {_sentence(rng, leaning, 0.5)}" for _ in range(3)),
        ":::",
    ]
    for section in range(1, 5):
        heading = f"Section {section}: {rng.choice(WORDS)} {rng.choice(leaning)}"
        link = f"[{rng.choice(WORDS)} {rng.choice(WORDS)}](https://example.org/{number}/{section})"
        first = _paragraph(rng, leaning, SECTION_WORDS // 2, 0.25)
        second = _paragraph(rng, leaning, SECTION_WORDS // 2 - 25, 0.25)
        lines += [
            "",
            f"## {heading}",
            "",
            f"{first} See {link} for *more* on **{rng.choice(WORDS)}**.",
            "",
            f"> {_sentence(rng, leaning, 0.5)} {_sentence(rng, leaning, 0.0)}",
            "",
            second,
        ]
    return "\n".join(lines) + "\n"


def article_path(articles: Path, number: int) -> Path:
    return articles / f"example-article-{number:05d}.md"


def write_corpus(count: int, articles: Path, topics_dir: Path) -> list[Path]:
    """Write ``count`` articles into ``articles`` (created); return their paths."""
    articles.mkdir(parents=True, exist_ok=True)
    phrases = topic_phrases(topics_dir)
    paths = []
    for number in range(1, count + 1):
        path = article_path(articles, number)
        path.write_text(article(number, phrases), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("dest", type=Path, help="folder for the .md files")
    parser.add_argument("--topics", type=Path, default=Path("content/topics"))
    args = parser.parse_args(argv)
    paths = write_corpus(args.count, args.dest, args.topics)
    print(f"wrote {len(paths)} articles to {args.dest}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
