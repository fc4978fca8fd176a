"""The benchmark runs end to end on a tiny corpus (no timing is checked: it is not a test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bench
import bench_corpus

ROOT = Path(__file__).resolve().parents[2]


def test_corpus_is_deterministic_and_mentions_topics(tmp_path: Path) -> None:
    first = bench_corpus.write_corpus(3, tmp_path / "a", ROOT / "content" / "topics")
    second = bench_corpus.write_corpus(3, tmp_path / "b", ROOT / "content" / "topics")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    text = first[0].read_text(encoding="utf-8")
    assert text.startswith("Title: Example article 1\nDate: ")
    assert "\nTags: " in text and "\nSummary: " in text
    assert text.count("\n## ") == 4 and "::: key-points" in text and "\n> " in text
    assert "](https://example.org/" in text
    phrases = bench_corpus.topic_phrases(ROOT / "content" / "topics")
    assert any(phrase in text for phrase in phrases)
    assert 700 < len(text.split()) < 950


@pytest.mark.slow
def test_bench_runs_on_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert bench.main(["--n", "5", "--runs", "1", "--out", str(out), "--work", str(tmp_path)]) == 0
    report = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    assert report["machine"]["pelican"]
    (result,) = report["results"]
    assert result["n"] == 5 and result["runs"] == 1
    for side in ("plain", "project", "rebuild"):
        median = result["median"][side]
        for key in ("wall_s", "cpu_s", "peak_rss_mb", "peak_tree_mb"):
            assert median[key] > 0, (side, key)
        assert len(result["samples"][side]) == 1
    assert result["median"]["project"]["ms_per_article"] > 0
    assert result["median"]["project"]["build_process_rss_mb"] > 0
    assert set(result["ratio_project_to_plain"]) == {"wall", "cpu", "peak_rss", "peak_tree"}
    assert result["rebuild_to_full"] > 0
    # Both sides built every article; the baseline with Pelican's own reader.
    assert len(list((tmp_path / "plain-5").glob("example-article-*.html"))) == 5
    project = tmp_path / "project-5"
    assert len(list(project.glob("2024/*/*/example-article-*/index.html"))) == 5
    assert (project / "pagefind" / "shards.json").is_file()
    # The rebuild saw the edited article, and the corpus was restored afterwards.
    edited = next(project.glob("2024/*/*/example-article-2/index.html"))
    assert bench.EDIT_MARKER in edited.read_text(encoding="utf-8")
    corpus = (tmp_path / "corpus-5" / "articles").glob("*.md")
    assert not any(bench.EDIT_MARKER in path.read_text(encoding="utf-8") for path in corpus)
    assert "ratio b/a" in capsys.readouterr().out


def test_baseline_check_refuses_our_reader(tmp_path: Path) -> None:
    page = tmp_path / "example-article-1.html"
    page.write_text('<h2 id="a">A <a class="heading-anchor" href="#a">#</a></h2>', encoding="utf-8")
    with pytest.raises(RuntimeError, match="not rendered by Pelican's own Markdown reader"):
        bench._check_plain(tmp_path)
