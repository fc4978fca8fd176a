"""Helpers for the performance plugins' tests: a small synthetic site and tree comparison."""

from __future__ import annotations

from pathlib import Path

from bench_corpus import article, topic_phrases

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed_site" / "content"
LIVE = ROOT / "tests" / "fixtures" / "live" / "example-live-coverage-1.md"
LIVE_NAME = f"articles/{LIVE.name}"


def small_site(count: int) -> dict[str, str | bytes]:
    """``count`` benchmark articles, a synthetic live article, and the seed site's topics and
    pages (a frozen copy of content/, tests/fixtures/seed_site: an editor's new topic never
    changes these tests)."""
    phrases = topic_phrases(SEED / "topics")
    files: dict[str, str | bytes] = {
        f"articles/example-article-{n:05d}.md": article(n, phrases) for n in range(1, count + 1)
    }
    files[LIVE_NAME] = LIVE.read_text(encoding="utf-8")
    for folder in ("topics", "pages"):
        for path in sorted((SEED / folder).glob("*.md")):
            files[f"{folder}/{path.name}"] = path.read_bytes()
    return files


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
