"""Where content may write: never over the site's own files, never from outside content/.

Built as tiny real sites (the corpus fixture); the symbolic links are made here, at run
time, since a link committed to the repository would point at the checkout's machine.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from strict_build.collisions import find_collisions, folder_conflicts
from strict_build.locations import _path_problem, _slug_problem, url_mismatch_errors
from strict_build.own_outputs import OwnOutputs

ROOT = Path(__file__).resolve().parents[2]


def _article(number: int, extra: str = "", body: str = "Body text.") -> str:
    return f"---\ntitle: Example article {number}\ndate: 2026-01-20\n{extra}---\n\n{body}\n"


HEADERS = "/*\n  X-Content-Type-Options: nosniff\n"


def test_a_source_over_the_headers_file_is_an_error_naming_both(build_corpus):
    result = build_corpus(
        [],
        {
            "extra/_headers": HEADERS,
            "articles/over-headers.md": _article(90, "save_as: _headers\nurl: _headers\n"),
        },
    )
    assert any(
        p.startswith("error: content/articles/over-headers.md:4: would be written to _headers,")
        and "content/extra/_headers (a static file)" in p
        for p in result.problems
    ), result.problems


def test_c_plus_plus_and_c_sharp_get_a_page_each(build_corpus):
    result = build_corpus(
        [],
        {
            "articles/cpp.md": _article(91, "tags: [C++]\n"),
            "articles/cs.md": _article(92, "tags: [C#]\n"),
            "articles/c.md": _article(93, "tags: [C]\n"),
        },
    )
    assert result.problems == []
    for slug, name in (("c-plus-plus", "Example article 91"), ("c-sharp", "Example article 92")):
        page = (result.output / "tags" / slug / "index.html").read_text(encoding="utf-8")
        assert name in page
        assert "Example article 93" not in page


def test_a_linked_file_or_folder_from_outside_is_named_and_nothing_of_it_published(
    build_corpus, tmp_path
):
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.png").write_bytes(b"not for the site")
    (outside / "folder" / "linked.md").write_text(_article(94), encoding="utf-8")
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    os.symlink(outside / "secret.png", content / "images" / "chart.png")
    (content / "articles").mkdir()
    os.symlink(outside / "folder", content / "articles" / "elsewhere")
    inside = content / "images" / "inside.png"
    inside.write_bytes(b"png")
    os.symlink(inside, content / "images" / "alias.png")  # inside content/: fine

    result = build_corpus([], {"articles/uses-chart.md": _article(95)})

    for link in ("content/images/chart.png", "content/articles/elsewhere"):
        assert any(
            p.startswith(f"error: {link}: is a symbolic link to ") and "outside the content" in p
            for p in result.problems
        ), result.problems
    assert not any("alias.png" in p for p in result.problems)
    assert result.tally.outcomes["content/articles/elsewhere/linked.md"] == "error"


def test_a_static_file_from_outside_is_never_copied(build_corpus, tmp_path):
    # Pelican lists every {static} target for copying, found where the path leads. The
    # static generator's list is read when Pelican asks for its writer (get_writer), after
    # every all_generators_finalized receiver, the checks among them, has run, whatever
    # order the receivers were connected in.
    from pelican import signals

    (tmp_path / "outside.png").write_bytes(b"outside")
    listed: list[str] = []
    seen: list[object] = []

    def keep(generators: list[object]) -> None:
        seen[:] = generators

    def record(pelican: object) -> None:
        context = next(g for g in seen if hasattr(g, "context")).context  # type: ignore[attr-defined]
        listed.extend(str(s.source_path) for s in context.get("staticfiles") or [])

    signals.all_generators_finalized.connect(keep)
    signals.get_writer.connect(record)
    try:
        result = build_corpus(
            [],
            {
                "articles/climbs.md": _article(96, body="![x]({static}../../outside.png)"),
                "articles/inside.md": _article(97, body="![x]({static}/images/inside.png)"),
                "images/inside.png": "png",
            },
        )
    finally:
        signals.all_generators_finalized.disconnect(keep)
        signals.get_writer.disconnect(record)
    assert any(
        p.startswith("error: content/articles/climbs.md:6: link to '{static}../../outside.png'")
        and "leads out of the content folder" in p
        for p in result.problems
    ), result.problems
    assert [Path(p).name for p in listed] == ["inside.png"]


def test_files_outside_the_built_folders_are_named_unless_ignored(build_corpus):
    result = build_corpus(
        [],
        {
            "articles/example.md": _article(97),
            "notes.md": _article(98),
            "drafts/2026/idea.md": _article(99),
            "topics/nested/not-a-topic.md": "---\ntitle: Example topic\n---\n",
            ".hidden-notes.md": "private",
            "articles/example.md~": "editor backup",
        },
    )
    named = {p.split(":")[1].strip() for p in result.problems}
    assert named == {
        "content/notes.md",
        "content/drafts/2026/idea.md",
        "content/topics/nested/not-a-topic.md",
    }, result.problems
    assert all("IGNORE_FILES" in p for p in result.problems)
    assert result.tally.outcomes["content/notes.md"] == "error"
    assert result.tally.outcomes["content/articles/example.md"] == "written"


def _build_with(tmp_path: Path, files: dict[str, str], **overrides: object) -> list[str]:
    from build import build

    content = tmp_path / "content"
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    return build(
        ROOT / "pelicanconf.py",
        tmp_path / "output",
        overrides={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache"), **overrides},
    )


def test_two_static_files_with_one_output_are_an_error_naming_both(tmp_path):
    problems = _build_with(
        tmp_path,
        {
            "articles/example.md": _article(101),
            "images/chart-a.png": "png a",
            "images/chart-b.png": "png b",
        },
        STATIC_PATHS=["images", "extra/_headers"],
        EXTRA_PATH_METADATA={
            "images/chart-a.png": {"path": "images/chart.png"},
            "images/chart-b.png": {"path": "images/chart.png"},
        },
    )
    assert problems == [
        "error: content/images/chart-b.png: would be written to images/chart.png, as would"
        " content/images/chart-a.png (a static file) (rename or move one of them, or give it"
        " another path in EXTRA_PATH_METADATA in pelicanconf.py)"
    ]


def test_static_files_differing_only_in_case_are_an_error(tmp_path):
    problems = _build_with(
        tmp_path,
        {
            "articles/example.md": _article(102),
            "images/Chart.png": "png a",
            "images/chart.png": "png b",
        },
    )
    assert len(problems) == 1
    assert problems[0].startswith(
        "error: content/images/chart.png: would be written to images/chart.png, as would"
        " content/images/Chart.png (a static file) to images/Chart.png (the same file where"
        " case is ignored)"
    ), problems


def test_a_static_file_over_a_site_page_is_an_error_naming_the_page(tmp_path):
    problems = _build_with(
        tmp_path,
        {"articles/example.md": _article(103), "images/chart.png": "png"},
        EXTRA_PATH_METADATA={"images/chart.png": {"path": "Index.html"}},
    )
    assert len(problems) == 1
    assert problems[0].startswith(
        "error: content/images/chart.png: would be written to Index.html, as would the site's"
        " index page to index.html (the same file where case is ignored)"
    ), problems


# ---- the decisions, one by one


def test_a_theme_file_added_after_a_static_file_names_the_static_file():
    own = OwnOutputs()
    static = "content/extra/site.css"
    own.add("theme/css/site.css", f"{static} (a static file)", static=static)
    own.add("theme/css/site.css", "the theme's templates/static/css/site.css")
    own.add("index.html", "the site's index page")
    own.add("index.html", "the site's index page")  # the same own file twice: no clash
    [clash] = own.clashes
    assert clash.source == "content/extra/site.css"
    assert clash.other == "the theme's templates/static/css/site.css"


def _content(source: str, save_as: str, **metadata: str) -> SimpleNamespace:
    return SimpleNamespace(
        source_path=f"/site/content/{source}", save_as=save_as, metadata=metadata
    )


SETTINGS = {"PATH": "/site/content"}


def test_outputs_differing_only_in_case_collide():
    a = _content("articles/a.md", "2026/Report/index.html")
    b = _content("articles/b.md", "2026/report/index.html")
    c = _content("articles/c.md", "2026/other/index.html")
    [collision] = find_collisions([a, b, c], OwnOutputs())
    assert collision.kept is a and collision.others == (b,)


def test_an_own_file_is_matched_ignoring_case():
    own = OwnOutputs(files={"feeds/all.atom.xml": "the feed"})
    a = _content("articles/a.md", "Feeds/All.atom.xml")
    [collision] = find_collisions([a], own)
    assert collision.site_page == "the feed" and collision.others == (a,)


@pytest.mark.parametrize(
    ("save_as", "said"),
    [
        ("pagefind/x.js", "inside pagefind/, the folder of the search index"),
        ("PageFind/index.html", "inside pagefind/"),
        ("topics", "where the site needs a folder for topics/index.html (the topic index)"),
        ("feeds/all.atom.xml/index.html", "inside feeds/all.atom.xml, which is a file"),
        ("2026/a/index.html/x.html", "which is a file: content/articles/b.md"),
        ("pagefinder/index.html", None),
        ("topics-of-the-day/index.html", None),
    ],
)
def test_folder_conflicts(save_as, said):
    own = OwnOutputs(
        files={"topics/index.html": "the topic index", "feeds/all.atom.xml": "the feed"},
        folders={"pagefind": "the search index"},
    )
    a = _content("articles/a.md", save_as)
    b = _content("articles/b.md", "2026/a/index.html")
    errors, ids = folder_conflicts([a, b], own, SETTINGS)
    if said is None:
        assert errors == [] and ids == set()
    else:
        [error] = errors
        assert said in str(error) and ids == {id(a)}


def test_names_longer_than_file_systems_allow_are_refused():
    assert _slug_problem("a" * 255) is None
    assert "256 bytes long" in str(_slug_problem("a" * 256))
    assert _path_problem("save_as", "2026/" + "a" * 255 + "/index.html") is None
    # 128 two-byte letters: 128 characters, 256 bytes.
    problem = _path_problem("save_as", "2026/" + "é" * 128 + "/index.html")
    assert problem is not None and "256 bytes" in problem


class _Page(SimpleNamespace):
    settings = SETTINGS


@pytest.mark.parametrize(
    ("metadata", "save_as", "url", "said"),
    [
        ({"save_as": "x.html"}, "x.html", "2026/01/20/x/", "has save_as 'x.html' but no url"),
        ({"url": "x/"}, "2026/01/20/x/index.html", "x/", "does not lead to its save_as"),
        ({"save_as": "x/index.html", "url": "x/"}, "x/index.html", "x/", None),
        ({"save_as": "x.html", "url": "x.html"}, "x.html", "x.html", None),
        ({"save_as": "index.html", "url": ""}, "index.html", "", None),
        ({}, "2026/01/20/x/index.html", "elsewhere/", None),  # settings' own: not ours to judge
    ],
)
def test_a_url_must_lead_to_its_save_as(metadata, save_as, url, said):
    page = _Page(source_path="/nowhere/x.md", metadata=metadata, save_as=save_as, url=url)
    errors = url_mismatch_errors([page])
    if said is None:
        assert errors == []
    else:
        [error] = errors
        assert said in str(error)


def test_the_own_outputs_of_a_real_build_include_every_kind(build_corpus, tmp_path):
    from pelican import signals

    from strict_build.own_outputs import own_outputs

    seen: list[OwnOutputs] = []

    def record(generators: list[object]) -> None:
        first = next(g for g in generators if hasattr(g, "context"))
        seen.append(own_outputs(generators, first.context, first.settings))  # type: ignore[attr-defined]

    topic = "---\ntitle: Example topic\nslug: example-topic\nphrases: [example phrase]\n---\n"
    signals.all_generators_finalized.connect(record)
    try:
        result = build_corpus(
            [],
            {
                "articles/a.md": _article(100, "tags: [Example]\n", "An example phrase."),
                "topics/example-topic.md": topic,
            },
        )
    finally:
        signals.all_generators_finalized.disconnect(record)
    assert result.problems == []
    files = seen[0].files
    expected = {
        "index.html",
        "archives/index.html",
        "tags/index.html",
        "tags/example/index.html",
        "topics/index.html",
        "topics/example-topic/index.html",
        "editions/index.html",
        "editions/2026/01/20/index.html",
        "feeds/all.atom.xml",
        "feeds/all.rss.xml",
        "feeds/all.json",
        "corrections/index.html",
        "feeds/corrections.atom.xml",
        "theme/js/search.js",
        "theme/css/site.css",
    }
    assert expected <= set(files), sorted(set(expected) - set(files))
    assert seen[0].folders == {"pagefind": "the search index"}
    written = {p.relative_to(result.output).as_posix() for p in result.output.rglob("*")}
    assert {f for f in files if not f.startswith("pagefind")} <= written | {
        "sitemap.xml",
        "news-sitemap.xml",
        "robots.txt",
    }


def test_an_attached_file_still_moves_beside_its_article(build_corpus):
    # Listing the site's own outputs must not read a static file's save_as, which Pelican
    # takes as "its place is referenced" ({attach} then leaves it where it was, warning; the
    # parallel writer's case is tests/speed/test_page_reuse.py).
    result = build_corpus(
        [],
        {
            "articles/photo.png": "example image bytes",
            "articles/attached.md": _article(94, body="![Example photo]({attach}photo.png)"),
        },
    )
    assert result.problems == []
    (page,) = result.output.glob("2026/01/20/example-article-94/index.html")
    assert (page.parent / "photo.png").read_text(encoding="utf-8") == "example image bytes"
    assert not (result.output / "articles" / "photo.png").exists()
