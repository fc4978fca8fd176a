"""The bad-input corpus: each input gets its expected outcome, and nothing is lost.

One build holds the whole corpus (outcomes are independent, and each message names
its file); a second build holds only the inputs that must come out as pages, which
must then build cleanly and run nothing.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from executable_constructs import site_problems
from pelican import Pelican
from pelican.readers import Readers
from pelican.settings import read_settings
from reliability_corpus import CORPUS, ROOT, expected_outcomes

from html_policy import sanitises_output

EXPECTED = expected_outcomes()
ERRORS = {name: row for name, row in EXPECTED.items() if row["outcome"] == "error"}
SAFE = [name for name, row in EXPECTED.items() if row["outcome"] in {"written", "draft", "hidden"}]
# Every file under content/ is counted but the topic files (data, not pages): sources,
# and files in no folder the site is built from (each an error).
COUNTED = [name for name in EXPECTED if not name.startswith("topics/")]


def test_the_corpus_has_forty_inputs_each_with_an_expected_outcome():
    files = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file()}
    files.discard("expected.yaml")
    assert files == set(EXPECTED), "every corpus file needs a row in expected.yaml, and back"
    assert len(files) >= 40
    assert {row["outcome"] for row in EXPECTED.values()} <= {
        "error",
        "written",
        "draft",
        "hidden",
        "topic",
    }


def _enabled_readers(tmp_path):
    """Extension -> reader class, as a build with the project's settings sets them up."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(tmp_path),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"),
        },
    )
    Pelican(settings)  # registers the plugins, as a build does
    return dict(Readers(settings).reader_classes)


def test_every_enabled_reader_gets_hostile_input_that_must_build_safely(tmp_path):
    # The safe build below (test_inputs_with_safe_output_...) scans every output file,
    # feeds included: a format with no hostile input in it would go unchecked.
    readers = _enabled_readers(tmp_path)
    hostile = {name.rsplit(".", 1)[-1] for name in SAFE if name.split("/")[-1].startswith("xss-")}
    by_class: dict[type, set[str]] = {}
    for extension, reader_class in readers.items():
        if reader_class is not None:
            by_class.setdefault(reader_class, set()).add(extension)
    assert {"md", "rst", "html"} <= set(readers)
    for reader_class, extensions in by_class.items():
        if reader_class.__name__ == "BaseReader":
            continue  # Pelican's placeholder for the "static" extension: reads nothing
        assert extensions & hostile, f"no xss-* corpus input for {reader_class.__name__}"
        if reader_class.__name__ != "NewsMarkdownReader":
            assert sanitises_output(reader_class), reader_class


def test_each_bad_input_is_reported_naming_its_file_and_line(build_corpus):
    result = build_corpus(EXPECTED)
    assert result.problems, "a corpus full of errors must fail the build"
    assert not (result.output / "index.html").exists(), "a failed build writes no output"
    for name, row in ERRORS.items():
        location = f"content/{name}" + (f":{row['line']}" if "line" in row else "")
        messages = row["message"] if isinstance(row["message"], list) else [row["message"]]
        said = "|".join(re.escape(message) for message in messages)
        pattern = re.compile(rf"^error: {re.escape(location)}: .*({said})")
        assert any(pattern.search(p) for p in result.problems), (
            f"no error for {location} saying {messages!r}:\n" + "\n".join(result.problems)
        )
    for problem in result.problems:
        assert "Traceback" not in problem
        named = re.match(r"^error: content/(\S+?)(:\d+)?: ", problem)
        assert named, f"a problem that names no file: {problem}"
        assert EXPECTED.get(named.group(1), {}).get("outcome") == "error", (
            f"an error for an input that should have none: {problem}"
        )


def test_nothing_is_lost_every_source_is_counted_with_its_outcome(build_corpus):
    result = build_corpus(EXPECTED)
    tally = result.tally
    assert tally.balanced, str(tally)
    assert tally.lost == []
    assert tally.outcomes == {f"content/{name}": EXPECTED[name]["outcome"] for name in COUNTED}
    assert tally.read == len(COUNTED)
    assert str(tally) == (
        f"{len(COUNTED)} sources read = {tally.count('written')} pages written"
        f" + {tally.count('draft')} drafts + {tally.count('hidden')} hidden"
        f" + {tally.count('error')} with errors"
    )
    # And every file under content/: the corpus's files (topic files included), nothing else.
    topics = len(EXPECTED) - len(COUNTED)
    assert str(tally.files) == (
        f"{len(EXPECTED)} files in content/ = {len(COUNTED)} sources + {topics} topic files"
        " + 0 static files + 0 template pages + 0 ignored"
    )


TEN_THOUSAND_ITEMS = "---\ntitle: Example article 61\ndate: 2026-01-23\n---\n\n" + "".join(
    f"- Item {n}\n" for n in range(10_000)
)


def test_inputs_with_safe_output_build_cleanly_and_nothing_in_the_site_can_run(build_corpus):
    result = build_corpus(SAFE, {"articles/ten-thousand-items.md": TEN_THOUSAND_ITEMS})
    assert result.problems == []
    assert site_problems(result.output) == {}
    outcomes = result.tally.outcomes
    assert outcomes["content/articles/ten-thousand-items.md"] == "written"
    for name in SAFE:
        assert outcomes[f"content/{name}"] == EXPECTED[name]["outcome"]
    items = next(result.output.glob("2026/01/23/example-article-61/index.html"))
    assert (
        len(BeautifulSoup(items.read_text(encoding="utf-8"), "html.parser").select("li")) >= 10_000
    )


def test_hostile_front_matter_is_shown_as_text_not_run(build_corpus):
    result = build_corpus(["articles/xss-escaped-entities.md", "articles/xss-front-matter.md"])
    assert result.problems == []
    page = next(result.output.glob("2026/01/22/example-article-57*/index.html"))
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.title.get_text().startswith(
        "Example article 57 </title><script>alert('entity title')</script>"
    )
    assert soup.select_one("h1").get_text().strip().startswith("Example article 57 </title>")
    description = soup.select_one('meta[name="description"]')["content"]
    assert '" onmouseover="alert(4)' in description  # kept as text inside the attribute
    assert not soup.select("[onmouseover], [onerror]")
    tagged = next(result.output.glob("2026/01/22/*example-article-50/index.html"))
    shown = BeautifulSoup(tagged.read_text(encoding="utf-8"), "html.parser")
    assert shown.select_one("h1").get_text().strip() == "Example article 50"


def _ten_megabytes() -> str:
    paragraph = " ".join(
        f"Example synthetic sentence {n} about a council budget." for n in range(12)
    )
    parts = ["---\ntitle: Example article 60\ndate: 2026-01-23\n---\n\n"]
    size, number = 0, 0
    while size < 10_000_000:
        part = f"## Example section {number}\n\n" if number % 50 == 0 else paragraph + "\n\n"
        parts.append(part)
        size += len(part)
        number += 1
    return "".join(parts)


@pytest.mark.slow
def test_a_ten_megabyte_article_builds_whole(build_corpus):
    result = build_corpus([], {"articles/ten-megabytes.md": _ten_megabytes()})
    assert result.problems == []
    assert result.tally.outcomes == {"content/articles/ten-megabytes.md": "written"}
    page = result.output / "2026/01/23/example-article-60/index.html"
    text = page.read_text(encoding="utf-8")
    assert len(text) > 10_000_000
    assert 'id="example-section-0"' in text
    assert "Example synthetic sentence 11 about a council budget.</p>" in text[-2000:]
