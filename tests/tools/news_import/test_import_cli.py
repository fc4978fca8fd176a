"""The command line: where files go, never overwriting, --force, options, report, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from import_fixtures_paths import FIXTURES

from project_paths import import_paths

ROOT = Path(__file__).resolve().parents[3]
TEXT = FIXTURES / "text-no-date/input.txt"


def test_never_overwrites_without_force(run_import) -> None:
    first = run_import(TEXT, "--date", "2026-01-20")
    assert first.code == 0
    (written,) = first.written()
    written.write_text("edited by hand\n", encoding="utf-8")
    second = run_import(TEXT, "--date", "2026-01-20")
    assert second.code == 1
    assert f"{written} already exists" in second.stderr
    assert "--force" in second.stderr
    assert written.read_text(encoding="utf-8") == "edited by hand\n"
    forced = run_import(TEXT, "--date", "2026-01-20", "--force")
    assert forced.code == 0
    assert written.read_text(encoding="utf-8").startswith("---\ntitle: Example article 5")


def test_undated_article_is_a_draft_and_the_report_says_how_to_publish(run_import) -> None:
    run = run_import(TEXT)
    assert run.code == 0
    (written,) = run.written()
    # Not named with the day of the import: that is not the article's date.
    assert written.name == "example-article-5-has-no-date.md"
    assert "status: draft\n" in written.read_text(encoding="utf-8")
    assert "date: none found" in run.stdout
    assert "remove 'status: draft'" in run.stdout
    assert "title: taken from the first line" in run.stdout


def test_options_override_header_lines(run_import) -> None:
    run = run_import(
        FIXTURES / "text-blank-lines/input.txt",
        "--title",
        "Example article 12",
        "--date",
        "2026-01-21T08:00:00+01:00",
        "--source",
        "Other Example Wire",
        "--url",
        "https://example.net/other",
        "--author",
        "Example Editor",
    )
    assert run.code == 0, run.stderr
    (written,) = run.written()
    assert written.name == "2026-01-21-example-article-12.md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith(
        "---\ntitle: Example article 12\ndate: 2026-01-21T08:00:00+01:00\n"
        "authors:\n  - Example Editor\n"
    )
    assert "  name: Other Example Wire\n  url: https://example.net/other\n" in text
    assert "title: from --title" in run.stdout


def _project(root: Path, conf: str = 'PATH = "content"\n', topics: str = "topics") -> Path:
    """A tiny project: pelicanconf.py and one topic file (slug example-harbour)."""
    (root / "pelicanconf.py").parent.mkdir(parents=True, exist_ok=True)
    (root / "pelicanconf.py").write_text(conf, encoding="utf-8")
    folder = root / "content" / topics
    folder.mkdir(parents=True)
    (folder / "example-harbour.md").write_text("---\ntitle: Example harbour\n---\n")
    return root


def test_topics_are_checked_against_the_project_wherever_the_file_goes(
    run_import, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --output-dir outside the project: the topics are still the project's (found from the
    # folder the importer runs in), never a guess next to the output folder.
    monkeypatch.chdir(_project(tmp_path / "site"))
    elsewhere = tmp_path / "out"
    unknown = run_import(TEXT, "--topics", "example-harbor", output_dir=elsewhere)
    assert unknown.code == 1
    assert unknown.stderr.startswith(f"error: {TEXT}: ")
    assert "unknown topic 'example-harbor' (did you mean 'example-harbour'?)" in unknown.stderr
    assert unknown.written() == []
    known = run_import(TEXT, "--topics", "example-harbour", output_dir=elsewhere)
    assert known.code == 0, known.stderr
    assert "topics: [example-harbour]\n" in known.written()[0].read_text(encoding="utf-8")


def test_topics_are_found_from_a_subfolder_with_the_settings_paths(
    run_import, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = 'PATH = "content"\nTOPICS_PATH = "subjects"\n'
    site = _project(tmp_path / "site", conf, topics="subjects")
    # A topic file may name its own slug: the build knows the topic by it, not by the file.
    (site / "content/subjects/harbour.md").write_text(
        "---\ntitle: Example quay\nslug: example-quay\n---\n", encoding="utf-8"
    )
    (site / "notes").mkdir()
    monkeypatch.chdir(site / "notes")
    run = run_import(TEXT, "--topics", "example-quay,example-harbour", output_dir=tmp_path / "o")
    assert run.code == 0, run.stderr
    wrong = run_import(TEXT, "--topics", "harbour", output_dir=tmp_path / "p")
    assert wrong.code == 1
    assert "unknown topic 'harbour'" in wrong.stderr
    assert wrong.written() == []


def test_a_project_without_a_topics_folder_knows_no_topic(
    run_import, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "pelicanconf.py").write_text('PATH = "content"\n', encoding="utf-8")
    monkeypatch.chdir(site)
    run = run_import(TEXT, "--topics", "example-harbour")
    assert run.code == 1
    assert "unknown topic 'example-harbour'" in run.stderr
    assert f"no topics are defined: {site / 'content/topics'} does not exist" in run.stderr
    assert run.written() == []


def test_no_project_to_check_topics_against_is_an_error(
    run_import, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import news_import.project

    nowhere = tmp_path / "not-a-project"
    nowhere.mkdir()
    monkeypatch.chdir(nowhere)
    monkeypatch.setattr(news_import.project, "PACKAGE_PROJECT", tmp_path / "plugins-home")
    run = run_import(TEXT, "--topics", "example-harbour")
    assert run.code == 1
    assert run.stderr.startswith(f"error: {TEXT}: cannot check topic 'example-harbour': ")
    assert f"no pelicanconf.py in {nowhere} or a folder above it" in run.stderr
    assert f"nor in {tmp_path / 'plugins-home'}" in run.stderr
    assert run.written() == []


def test_without_topics_no_project_is_needed(
    run_import, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import news_import.project

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(news_import.project, "PACKAGE_PROJECT", tmp_path / "plugins-home")
    assert run_import(TEXT, "--date", "2026-01-20").code == 0


def test_yaml_special_titles_are_quoted(run_import, tmp_path: Path) -> None:
    title = 'Example: "quoted" #7 - yes'
    run = run_import(TEXT, "--title", title, "--date", "2026-01-20")
    assert run.code == 0
    import yaml

    text = run.written()[0].read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == title


def test_usage_errors_exit_2(run_import, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_import(TEXT, "--no-such-option")
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    """What `make import` runs: PYTHONPATH=$(IMPORT_PATH) python -m news_import SRC ARGS."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(import_paths())}
    command = [sys.executable, "-m", "news_import", str(TEXT), "--date", "2026-01-20"]
    result = subprocess.run(
        [*command, "--output-dir", str(tmp_path)],
        check=False,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == str(
        tmp_path / "2026-01-20-example-article-5-has-no-date.md"
    )
    again = subprocess.run(
        [*command, "--output-dir", str(tmp_path)],
        check=False,
        env=env,
        capture_output=True,
        text=True,
    )
    assert again.returncode == 1
    assert again.stderr.startswith(f"error: {TEXT}: not imported:")
    assert "Traceback" not in again.stderr


def test_makefile_import_target_runs_the_package() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert 'PYTHONPATH=$(IMPORT_PATH) $(PY) -m news_import "$(SRC)" $(ARGS)' in makefile


def test_headline_line_repeating_the_title_is_not_a_heading(run_import) -> None:
    run = run_import(TEXT, "--title", "Example article 5 has no date", "--date", "2026-01-20")
    assert run.code == 0
    text = run.written()[0].read_text(encoding="utf-8")
    assert "## Example article 5" not in text
    assert "the first line repeats the title" in run.stdout


def test_unreadable_file_is_one_line(run_import, tmp_path: Path) -> None:
    source = tmp_path / "locked.txt"
    source.write_text("Example", encoding="utf-8")
    source.chmod(0)
    try:
        if os.access(source, os.R_OK):
            pytest.skip("running as a user who can read any file")
        run = run_import(source)
    finally:
        source.chmod(0o644)
    assert run.code == 1
    assert run.stderr == f"error: {source}: cannot be read: Permission denied\n"


def test_header_lines_without_a_blank_line_after_them(run_import, tmp_path: Path) -> None:
    source = tmp_path / "pasted.txt"
    body = (FIXTURES / "text-no-date/input.txt").read_text(encoding="utf-8").split("\n", 2)[2]
    source.write_text(
        f"Title: Example article 16\nDate: 2026-01-23\nTopics: \n{body}", encoding="utf-8"
    )
    run = run_import(source)
    assert run.code == 0, run.stderr
    (written,) = run.written()
    assert written.name == "2026-01-23-example-article-16.md"
    assert written.read_text(encoding="utf-8").startswith(
        "---\ntitle: Example article 16\ndate: 2026-01-23\n---\n\nThis synthetic article"
    )


def test_url_without_source_names_the_host_and_builds(run_import, build_site) -> None:
    run = run_import(TEXT, "--date", "2026-01-20", "--url", "https://www.example.net/news/a5?ref=x")
    assert run.code == 0, run.stderr
    text = run.written()[0].read_text(encoding="utf-8")
    assert "source:\n  name: example.net\n  url: https://www.example.net/news/a5?ref=x\n" in text
    assert "source name: example.net (from the URL" in run.stdout
    _, problems = build_site({"articles/a5.md": text})
    assert problems == []


def test_a_tags_line_gives_tags_and_only_a_topics_line_names_topics(
    run_import, tmp_path: Path
) -> None:
    source = tmp_path / "tagged.txt"
    source.write_text(
        "Title: Example article 14\nDate: 2026-01-22\nTags: harbour works, Example Tag\n\n"
        + "".join(
            f"Example paragraph {n} of a synthetic article, written for this test only.\n\n"
            for n in range(1, 5)
        ),
        encoding="utf-8",
    )
    run = run_import(source)
    assert run.code == 0, run.stderr
    (written,) = run.written()
    text = written.read_text(encoding="utf-8")
    assert "tags:\n  - harbour works\n  - Example Tag\n" in text
    assert "topics:" not in text
    assert "tags: harbour works, Example Tag" in run.stdout
