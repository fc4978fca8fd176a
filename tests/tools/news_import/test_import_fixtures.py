"""Fixture tests: each folder in fixtures/ holds an input, its options and the expected file."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from import_fixtures_paths import FIXTURES

ROOT = Path(__file__).resolve().parents[3]
SEED_ARTICLE = (
    ROOT
    / "tests/fixtures/seed_site/content/articles"
    / "2026-01-25-us-says-netanyahu-talks-on-gaza-plan-were-constructive-urges-rafah-reopening.md"
)
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected").is_dir())


def _case_args(case: Path) -> list[str]:
    return shlex.split((case / "args").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", CASES)
def test_fixture_imports_to_expected_markdown(name: str, run_import) -> None:
    case = FIXTURES / name
    (source,) = case.glob("input.*")
    run = run_import(source, *_case_args(case))
    assert run.code == 0, run.stderr
    expected = sorted((case / "expected").iterdir())
    assert [p.name for p in run.written()] == [p.name for p in expected]
    assert run.written()[0].read_text(encoding="utf-8") == expected[0].read_text(encoding="utf-8")
    assert run.stdout.splitlines()[0] == str(run.written()[0])


@pytest.mark.parametrize("name", [*CASES, "seed"])
def test_fixture_review_report(name: str, run_import) -> None:
    """The report after the path line (fixtures/<case>/report.txt)."""
    case = FIXTURES / name
    (source,) = case.glob("input.*")
    run = run_import(source, *_case_args(case))
    expected = (case / "report.txt").read_text(encoding="utf-8")
    assert "\n".join(run.stdout.splitlines()[1:]) + "\n" == expected


def test_fixture_cases_cover_text_and_html() -> None:
    inputs = [next((FIXTURES / name).glob("input.*")).suffix for name in CASES]
    assert inputs.count(".txt") >= 3
    assert inputs.count(".html") >= 3


def test_seed_imports_to_the_committed_article_byte_for_byte(run_import) -> None:
    case = FIXTURES / "seed"
    run = run_import(case / "input.txt", *_case_args(case))
    assert run.code == 0, run.stderr
    (written,) = run.written()
    assert written.name == SEED_ARTICLE.name
    assert written.read_bytes() == SEED_ARTICLE.read_bytes()


def test_seed_fixture_is_the_shared_seed() -> None:
    shared = ROOT.parent / "shared/seed/000_828f634a8ca3a8a5.txt"
    if not shared.exists():
        pytest.skip("the shared seed is not next to this checkout")
    assert (FIXTURES / "seed/input.txt").read_bytes() == shared.read_bytes()


def test_seed_report_names_what_was_recognised(run_import) -> None:
    case = FIXTURES / "seed"
    run = run_import(case / "input.txt", *_case_args(case))
    report = run.stdout
    assert "dateline: WASHINGTON" in report
    assert "key points: 5" in report
    assert "section headings: 7 (Reopening of Rafah crossing;" in report
    assert "embedded posts: 2 (x @SEPeaceMissions, x @FranceskAlbs)" in report
    # Without blank lines, headings and where a post starts are guesses the editor checks.
    assert "7 section heading(s) from short lines" in report
    assert "the post by x @FranceskAlbs taken to start here (lines 39-42)" in report
    assert "Left out" not in report


def test_seed_with_blank_lines_between_paragraphs_gives_the_same_article(
    run_import, tmp_path: Path
) -> None:
    """The seed has no blank lines; the same text with them reads the same way."""
    case = FIXTURES / "seed"
    lines = (case / "input.txt").read_text(encoding="utf-8").strip().split("\n")
    # The key-point bullets and each post's lines stay together, as a copied page has them.
    post_lines = {i for i, line in enumerate(lines) if line.startswith(("I call on", "➡", "↗"))}
    post_lines |= {i for i, line in enumerate(lines) if line.startswith("— Special Envoy")}
    spaced: list[str] = []
    for index, line in enumerate(lines):
        joined = index in post_lines or line.startswith("- ")
        if spaced and not joined:
            spaced.append("")
        spaced.append(line)
    source = tmp_path / "spaced.txt"
    source.write_text("\n".join(spaced) + "\n", encoding="utf-8")
    run = run_import(source, *_case_args(case))
    assert run.code == 0, run.stderr
    assert run.written()[0].read_bytes() == SEED_ARTICLE.read_bytes()
