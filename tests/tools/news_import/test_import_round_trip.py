"""Round trip: every fixture imported into a tiny site builds without a single problem."""

from __future__ import annotations

import shlex
from pathlib import Path

from import_fixtures_paths import FIXTURES


def test_imported_fixtures_build_cleanly(run_import, build_site, tmp_path: Path) -> None:
    imported = tmp_path / "imported"
    for case in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        (source,) = case.glob("input.*")
        args = shlex.split((case / "args").read_text(encoding="utf-8"))
        run = run_import(source, *args, output_dir=imported)
        assert run.code == 0, run.stderr
    files = {f"articles/{p.name}": p.read_text(encoding="utf-8") for p in imported.iterdir()}
    assert len(files) == len([p for p in FIXTURES.iterdir() if p.is_dir()])
    output, problems = build_site(files)
    assert problems == []
    page = (output / "2026/01/25/example-article-7/index.html").read_text(encoding="utf-8")
    assert "The third paragraph belongs to a section about examples" in page
    assert 'id="a-section-about-examples"' in page
    # The imported blocks are the reader's own: a key-points box and three post cards.
    assert page.count('<aside class="key-points"') == 1
    for platform in ("x", "bluesky", "mastodon"):
        assert f'<figure class="embedded-post" data-platform="{platform}"' in page
    # The Mastodon embed carried no text: its card says so, and the report asked for it.
    assert "The text of this post was not kept; see the original." in page
    for active in ("javascript:", "onclick", "tracker.example.net", "platform.twitter.com"):
        assert active not in page
    seed_slug = "us-says-netanyahu-talks-on-gaza-plan-were-constructive-urges-rafah-reopening"
    seed = output / "2026/01/25" / seed_slug / "index.html"
    assert "Reopening of Rafah crossing" in seed.read_text(encoding="utf-8")
