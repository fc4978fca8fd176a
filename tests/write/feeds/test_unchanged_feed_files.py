"""A rebuild links the feeds that came out byte for byte as before to the last build's files
(the same files: hosts and feed readers see them unchanged) and writes the others."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

BuildSite = Callable[..., tuple[Path, list[str]]]


def _topic(name: str, phrase: str) -> str:
    return f"---\ntitle: Example {name}\nphrases: [{phrase}]\n---\nThe {name} topic.\n"


def _article(number: int, words: str, extra: str = "") -> str:
    return (
        f"---\ntitle: Example article {number}\ndate: 2026-02-0{number}T09:00:00+00:00\n"
        f"summary: Synthetic summary {number}.\n---\n\n"
        f"Synthetic body {number}, about {words}.\n\n{extra or 'A second paragraph.'}\n"
    )


FILES = {
    "topics/example-alpha.md": _topic("alpha", "alphaword"),
    "topics/example-beta.md": _topic("beta", "betaword"),
    "articles/example-1.md": _article(1, "betaword"),
    "articles/example-2.md": _article(2, "alphaword"),
}


def test_feeds_unchanged_by_an_edit_are_the_last_builds_files(build_site: BuildSite) -> None:
    output, problems = build_site(FILES)
    assert problems == []
    feeds = sorted(p.relative_to(output).as_posix() for p in (output / "feeds").rglob("*.*"))
    beta = [name for name in feeds if "/example-beta." in name]
    alpha = [name for name in feeds if "/example-alpha." in name]
    assert len(beta) == len(alpha) == 3

    before = {name: (output / name).read_bytes() for name in feeds}

    edited = {"articles/example-2.md": _article(2, "alphaword", "A revised paragraph.")}
    output, problems = build_site(edited)
    assert problems == []
    previous = output.with_name(output.name + ".previous")
    same = {name for name in feeds if os.path.samefile(output / name, previous / name)}
    # Linked exactly when the bytes are those of the last build.
    assert same == {name for name in feeds if (output / name).read_bytes() == before[name]}
    # The beta topic's feeds do not show the edited article; the alpha topic's and the site's do.
    assert set(beta) <= same
    assert not same & {*alpha, "feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/all.json"}
    for name in alpha:
        assert "A revised paragraph." in (output / name).read_text(encoding="utf-8")
