"""Topic files: good ones load (intro rendered), bad ones give a TopicError naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from topic_hubs.topic_files import load_topics

CORPUS = Path(__file__).parent / "corpus"


def _load(tmp_path: Path, files: dict[str, str]):
    folder = tmp_path / "content" / "topics"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_topics(str(folder), str(tmp_path), {})


def test_the_corpus_topics_load_with_their_rules_and_rendered_intro():
    loaded = load_topics(str(CORPUS / "topics"), str(CORPUS.parent), {})
    assert loaded.errors == []
    by_slug = {topic.slug: topic for topic in loaded.topics}
    assert sorted(by_slug) == ["example-bridge", "example-council", "example-harbour"]
    bridge = by_slug["example-bridge"]
    assert bridge.title == "Example bridge"
    assert bridge.phrases == ("bridge", "river crossing")
    assert bridge.exclude_phrases == ("bridge club",)
    assert bridge.intro_html == "<p>A synthetic topic about an <em>example</em> bridge.</p>"
    assert bridge.url == "topics/example-bridge/"
    assert bridge.save_as == "topics/example-bridge/index.html"
    assert bridge.source_path == "corpus/topics/example-bridge.md"
    assert by_slug["example-council"].aliases == ("town hall",)


def test_a_slug_in_the_file_overrides_the_file_name(tmp_path):
    loaded = _load(tmp_path, {"old-name.md": "---\ntitle: Example\nslug: example-new\n---\n"})
    assert [topic.slug for topic in loaded.topics] == ["example-new"]


BAD_FILES = {
    "no front matter": (
        "Example topic without metadata.\n",
        "content/topics/bad.md:1: a topic file must start with YAML front matter",
    ),
    "unclosed front matter": (
        "---\ntitle: Example\n",
        "content/topics/bad.md:1: front matter opened with '---' is never closed",
    ),
    "bad YAML": (
        "---\ntitle: Example\nphrases: [one, two\n---\n",
        "content/topics/bad.md:3: invalid YAML front matter",
    ),
    "missing title": (
        "---\nphrases: [example]\n---\nIntro.\n",
        "content/topics/bad.md:2: the topic has no title (add a line like 'title: Rafah crossing')",
    ),
    "title not text": (
        "---\ntitle: [a, b]\n---\n",
        "content/topics/bad.md:2: 'title' must be text",
    ),
    "unknown key with a suggestion": (
        "---\ntitle: Example\nphrase: [example]\n---\n",
        "content/topics/bad.md:3: unknown key 'phrase' (did you mean 'phrases'?)",
    ),
    "unknown key without a close one": (
        "---\ntitle: Example\nzzz: 1\n---\n",
        "content/topics/bad.md:3: unknown key 'zzz' (known keys: title, slug, phrases,",
    ),
    "phrases not a list of text": (
        "---\ntitle: Example\nphrases:\n  - one\n  - {a: b}\n---\n",
        "content/topics/bad.md:3: 'phrases' must be a list of phrases",
    ),
    "invalid slug": (
        "---\ntitle: Example\nslug: Example Topic\n---\n",
        "content/topics/bad.md:3: 'Example Topic' is not a valid topic slug "
        "(lower-case letters, digits and hyphens) (use 'example-topic')",
    ),
    "not a mapping": (
        "---\n- a list\n---\n",
        "content/topics/bad.md:2: front matter must be a mapping",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_topic_file_is_a_clear_error_and_the_others_still_load(tmp_path, case):
    text, expected = BAD_FILES[case]
    good = "---\ntitle: Example good\nphrases: [example]\n---\n"
    loaded = _load(tmp_path, {"bad.md": text, "good.md": good})
    messages = [str(error) for error in loaded.errors]
    assert len(messages) == 1 and messages[0].startswith(expected), messages
    assert [topic.slug for topic in loaded.topics] == ["good"]
    assert loaded.failed_slugs == {"bad"}


def test_a_duplicate_slug_names_both_files(tmp_path):
    loaded = _load(
        tmp_path,
        {
            "example-a.md": "---\ntitle: Example A\n---\n",
            "example-b.md": "---\ntitle: Example B\nslug: example-a\n---\n",
        },
    )
    assert [str(error) for error in loaded.errors] == [
        "content/topics/example-b.md:3: duplicate topic slug 'example-a', already used by "
        "content/topics/example-a.md (give each topic its own slug)"
    ]
    assert [topic.title for topic in loaded.topics] == ["Example A"]


def test_no_topics_folder_means_no_topics(tmp_path):
    loaded = load_topics(str(tmp_path / "missing"), str(tmp_path), {})
    assert loaded.topics == [] and loaded.errors == []


def test_an_unknown_key_written_with_a_space_is_named_with_its_line(tmp_path):
    loaded = _load(tmp_path, {"bad.md": "---\ntitle: Example\nexclude phrases: [x]\n---\n"})
    assert [str(error) for error in loaded.errors] == [
        "content/topics/bad.md:3: unknown key 'exclude phrases' (did you mean 'exclude_phrases'?)"
    ]


def test_a_problem_in_the_introduction_names_the_files_line_after_blank_lines(tmp_path):
    # Regression: the blank lines after the closing '---' were dropped before rendering,
    # so a problem in the introduction was reported that many lines too early.
    deep = ">" * 60 + " Example quote.\n"
    loaded = _load(tmp_path, {"bad.md": "---\ntitle: Example\n---\n\n\n" + deep})
    locations = [str(error).split(": quotes")[0] for error in loaded.errors]
    assert locations == ["content/topics/bad.md:6"]
