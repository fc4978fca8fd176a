"""Helpers for the performance plugins' tests: a small synthetic site and tree comparison."""

from __future__ import annotations

from pathlib import Path

from bench_corpus import article, topic_phrases

ROOT = Path(__file__).resolve().parents[2]


def small_site(count: int) -> dict[str, str | bytes]:
    """``count`` benchmark articles plus the project's topics and pages (content/ files)."""
    phrases = topic_phrases(ROOT / "content" / "topics")
    files: dict[str, str | bytes] = {
        f"articles/example-article-{n:05d}.md": article(n, phrases) for n in range(1, count + 1)
    }
    for folder in ("topics", "pages"):
        for path in sorted((ROOT / "content" / folder).glob("*.md")):
            files[f"{folder}/{path.name}"] = path.read_bytes()
    return files


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
