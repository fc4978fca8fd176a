"""parallel_write: pages rendered in worker processes give the very same site and messages."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from blinker import signal
from pelican import signals
from pelican.paginator import Paginator
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import FileOverwriteFailedError
from pelicanconf import PLUGINS
from tests.speed.site_helpers import small_site, tree

from parallel_write import render as render_module
from parallel_write import writer as writer_module
from parallel_write.render import PageJob, render_all
from parallel_write.writer import RecordingWriter, SharedVariables, choose_writer

# Every page rendered: reusing the last build's pages is tested in test_page_reuse.py.
PARALLEL = {"PARALLEL_WRITE_WORKERS": 2, "PARALLEL_WRITE_MIN_PAGES": 2, "PAGE_REUSE": False}
SERIAL = {"PARALLEL_WRITE_WORKERS": 0}

# A template override that logs a warning on every article page, or fails on some.
WARNING_TEMPLATE = (
    '{% extends "!theme/article.html" %}'
    "{% block content %}{{ article.title|example_warning }}{{ super() }}{% endblock %}"
)
FAILING_TEMPLATE = (
    '{% extends "!theme/article.html" %}'
    '{% block content %}{% if article.slug in ["example-article-4", "example-article-5"] %}'
    "{{ article.no_such_field.anything }}{% endif %}{{ super() }}{% endblock %}"
)


def _example_warning(build: str) -> Callable[[str], str]:
    # Pelican's loggers drop a message already logged in this process: one text per build.
    def warn(title: str) -> str:
        logging.getLogger("tests.parallel_write").warning(
            "Example warning (%s) for %s", build, title
        )
        return ""

    return warn


@pytest.fixture
def tallies() -> Iterator[list[str]]:
    found: list[str] = []

    def keep(tally: object) -> None:
        found.append(str(tally))

    with signal("newsdigest.sources_tallied").connected_to(keep):
        yield found


@pytest.fixture
def rendered_here(monkeypatch: pytest.MonkeyPatch) -> list[PageJob]:
    """The pages the build process itself rendered (workers inherit the spy, not the list)."""
    jobs: list[PageJob] = []
    real = render_module.render

    def spy(job: PageJob, session: Any = None) -> Any:
        jobs.append(job)
        return real(job, session)

    monkeypatch.setattr(render_module, "render", spy)
    return jobs


def test_site_is_identical_to_pelicans_serial_writes(
    build_site: Callable[..., tuple[Path, list[str]]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tallies: list[str],
    rendered_here: list[PageJob],
) -> None:
    files = small_site(8)
    shared: list[int] = []

    def spy(jobs: list[PageJob], processes: int, session: Any = None) -> Any:
        shared.append(len(jobs))
        return render_all(jobs, processes, session)

    monkeypatch.setattr(writer_module, "render_all", spy)
    assert PLUGINS[-1] == "parallel_write", "listed last: its generator runs after the others'"
    output, problems = build_site(files, **SERIAL)
    assert problems == []
    serial = tmp_path / "serial"
    shutil.copytree(output, serial)
    assert shared == [] and rendered_here == [], "0 workers: Pelican's own writer"

    output, problems = build_site(files, **PARALLEL)
    assert problems == []
    assert len(shared) == 1 and shared[0] > 8, "articles, pages, tags, hubs, editions…"
    # Round robin over two processes: the build rendered about half, a worker the rest.
    assert len(rendered_here) == (shared[0] + 1) // 2
    first, second = tree(serial), tree(output)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert all(first[name] for name in first if name.endswith(".html")), "no page left empty"

    # Recorded, then rendered in the build process alone (too few pages to fork for).
    output, problems = build_site(
        files, PARALLEL_WRITE_WORKERS=2, PARALLEL_WRITE_MIN_PAGES=10**6, PAGE_REUSE=False
    )
    assert problems == []
    assert len(shared) == 1
    third = tree(output)
    assert [name for name in first if first[name] != third.get(name)] == []
    # strict_build's "nothing lost" count saw every page written (content_written).
    assert len(tallies) == 3 and len(set(tallies)) == 1, tallies


def _override(tmp_path: Path, template: str, build: str = "") -> dict[str, object]:
    folder = tmp_path / "overrides"
    folder.mkdir(exist_ok=True)
    (folder / "article.html").write_text(template, encoding="utf-8")
    return {
        "THEME_TEMPLATES_OVERRIDES": [str(folder)],
        "JINJA_FILTERS": {"example_warning": _example_warning(build)},
    }


def test_warnings_logged_while_rendering_in_workers_fail_the_build(
    build_site: Callable[..., tuple[Path, list[str]]], tmp_path: Path
) -> None:
    files = small_site(6)
    _, serial = build_site(files, **_override(tmp_path, WARNING_TEMPLATE, "serial"), **SERIAL)
    settings = _override(tmp_path, WARNING_TEMPLATE, "parallel")
    _, parallel = build_site(files, **settings, **PARALLEL)
    # Every article page: the six articles and small_site's live article.
    titles = [f"Example article {n}" for n in range(1, 7)] + ["Example live coverage 1"]
    assert len(titles) == len([name for name in files if name.startswith("articles/")])
    expected = [f"warning: Example warning ({{}}) for {title}" for title in titles]
    assert sorted(serial) == [line.format("serial") for line in expected]
    # Each page's warning, once, whichever process rendered the page.
    assert sorted(parallel) == [line.format("parallel") for line in expected]


def test_a_page_that_fails_to_render_fails_the_build_as_in_a_serial_build(
    build_site: Callable[..., tuple[Path, list[str]]], tmp_path: Path
) -> None:
    files = small_site(6)
    settings = _override(tmp_path, FAILING_TEMPLATE)
    _, serial = build_site(files, **settings, **SERIAL)
    _, parallel = build_site(files, **settings, **PARALLEL)
    assert len(serial) == 1 and "UndefinedError" in serial[0] and "no_such_field" in serial[0]
    assert parallel == serial


class _Template:
    """A stand-in template: its text names the page; it can log, raise or kill its process."""

    def __init__(self, action: str = "", parent: int = 0) -> None:
        self.action = action
        self.parent = parent

    def render(self, localcontext: dict[str, Any]) -> str:
        name = localcontext["label"]
        if self.action == "warn":
            logging.getLogger("tests.parallel_write").warning("Example warning for %s", name)
        elif self.action == "raise":
            raise ValueError(f"Example failure in {name}")
        elif self.action == "die" and os.getpid() != self.parent:
            os._exit(3)  # a worker killed mid-page
        return f"page {name} at {localcontext['localsiteurl']}\n"


def _jobs(tmp_path: Path, actions: dict[int, str], count: int = 6) -> list[PageJob]:
    context: dict[str, Any] = {"localsiteurl": "initial"}
    return [
        PageJob(
            _Template(actions.get(n, ""), os.getpid()),
            {"label": f"p{n}", "localsiteurl": f"../{n}"},
            context,
            f"../{n}",
            str(tmp_path / f"p{n}.html"),
        )
        for n in range(count)
    ]


def test_a_workers_warning_is_logged_once_by_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    jobs = _jobs(tmp_path, {1: "warn", 2: "warn"})  # page 1 is the worker's, 2 the build's
    with caplog.at_level(logging.WARNING):
        render_all(jobs, 2)
    assert sorted(r.getMessage() for r in caplog.records) == [
        "Example warning for p1",
        "Example warning for p2",
    ]
    for n in range(6):
        assert (tmp_path / f"p{n}.html").read_text() == f"page p{n} at ../{n}\n"


def test_the_first_failing_page_in_page_order_raises(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, {3: "raise", 4: "raise"})  # 3 is the worker's, 4 the build's
    with pytest.raises(ValueError, match="Example failure in p3"):
        render_all(jobs, 2)
    jobs = _jobs(tmp_path, {4: "raise", 5: "raise"})
    with pytest.raises(ValueError, match="Example failure in p4"):
        render_all(jobs, 2)


def test_the_share_of_a_worker_that_died_is_rendered_by_the_build(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, {1: "die"}, count=7)
    render_all(jobs, 3)
    for n in range(7):
        assert (tmp_path / f"p{n}.html").read_text() == f"page p{n} at ../{n}\n"


def _writer(tmp_path: Path, **settings: object) -> RecordingWriter:
    return RecordingWriter(str(tmp_path), settings={**DEFAULT_CONFIG, **settings})


def test_the_writer_keeps_pelicans_bookkeeping_while_recording(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = _writer(tmp_path, PARALLEL_WRITE_WORKERS=2, PARALLEL_WRITE_MIN_PAGES=2)
    targets: list[tuple[str, str | None]] = []

    def spy(jobs: list[PageJob], processes: int, session: Any = None) -> Any:
        targets.extend((job.variables()["label"], job.path) for job in jobs)
        return render_all(jobs, processes, session)

    monkeypatch.setattr(writer_module, "render_all", spy)
    written: list[tuple[str, str]] = []

    def on_written(path: str, context: dict[str, Any]) -> None:
        written.append((path, context["label"]))

    context: dict[str, Any] = {"localsiteurl": ""}
    with signals.content_written.connected_to(on_written):
        for n in range(4):
            writer.write_file(f"p{n}/index.html", _Template(), context, True, label=f"p{n}")
        with pytest.raises(FileOverwriteFailedError):
            writer.write_file("p1/index.html", _Template(), context, True, label="again")
        writer.write_file(
            "p2/index.html", _Template(), context, True, override_output=True, label="x"
        )
    # Sent once per page, when Pelican wrote it; the contexts are the pages' own.
    assert [name for _, name in written] == ["p0", "p1", "p2", "p3", "x"]
    assert context["localsiteurl"] == "..", "as Pelican leaves it after the last write"
    # Pelican makes each file, empty; its page is written when rendered.
    assert (tmp_path / "p0" / "index.html").read_text() == ""
    writer.flush()
    assert context["localsiteurl"] == ".."
    # Every page is rendered (for its messages); a file is written by one process only:
    # the overridden page and the one Pelican failed to open are not written.
    page = str(tmp_path / "p{}" / "index.html")
    assert targets == [
        ("p0", page.format(0)),
        ("p1", page.format(1)),
        ("p2", None),
        ("p3", page.format(3)),
        ("again", None),
        ("x", page.format(2)),
    ]
    assert (tmp_path / "p0" / "index.html").read_text() == "page p0 at ..\n"
    assert (tmp_path / "p2" / "index.html").read_text() == "page x at ..\n", "the override won"
    # After the flush, pages are rendered at once.
    writer.write_file("late/index.html", _Template(), context, True, label="late")
    assert (tmp_path / "late" / "index.html").read_text() == "page late at ..\n"


def _bookkeeping(writer: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    """What Pelican's overwrite rules say to a series of writes: messages and errors."""
    said: list[str] = []
    writes = [("a", False), ("b", False), ("b", False), ("c", True), ("c", False), ("c", True)]
    writes += [("d", False), ("d", True), ("d", False)]
    for name, override in writes:
        caplog.clear()
        try:
            writer.write_file(
                f"{name}.html",
                _Template(),
                {"localsiteurl": ""},
                override_output=override,
                label=name,
            )
        except FileOverwriteFailedError as error:
            said.append(f"error: {error}")
        said.extend(r.getMessage() for r in caplog.records if "Writing" not in r.getMessage())
    said.append(repr(sorted(os.path.relpath(f, tmp_path) for f in writer._written_files)))
    said.append(repr(sorted(os.path.relpath(f, tmp_path) for f in writer._overridden_files)))
    return said


def test_recording_follows_pelicans_overwrite_rules(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from pelican.writers import Writer

    caplog.set_level(logging.INFO, logger="pelican.writers")
    recorded = _bookkeeping(_writer(tmp_path / "recorded"), tmp_path / "recorded", caplog)
    plain = Writer(str(tmp_path / "plain"), settings=DEFAULT_CONFIG)
    pelicans = _bookkeeping(plain, tmp_path / "plain", caplog)
    assert recorded == [line.replace("/plain/", "/recorded/") for line in pelicans]
    assert any(line.startswith("Skipping") for line in recorded)
    assert any(line.startswith("Overwriting") for line in recorded)
    assert sum(line.startswith("error:") for line in recorded) == 2


def test_recorded_pages_share_their_common_variables() -> None:
    shares = SharedVariables()
    articles = ["Example article 1", "Example article 2"]
    context = {"SITENAME": "Example", "articles": articles, "localsiteurl": ""}
    pages = [
        {**context, "output_file": "a1.html", "article": articles[0]},
        {**context, "output_file": "a2.html", "article": articles[1]},
        {**context, "localsiteurl": "..", "output_file": "a3.html", "article": articles[1]},
        {**context, "output_file": "tags.html", "tags": ["example"]},  # other names
        {**context, "articles": list(articles), "output_file": "t.html", "tags": []},
    ]
    splits = [shares.split(page) for page in pages]
    for page, (shared, own) in zip(pages, splits, strict=True):
        assert shared is not None
        rebuilt = {**shared, **own}
        assert rebuilt == page and list(rebuilt) == list(page), "Pelican's context, in its order"
    assert splits[1][0] is splits[0][0] and splits[2][0] is splits[0][0]
    assert splits[1][1] == {"output_file": "a2.html", "article": articles[1]}
    assert splits[2][1] == {"localsiteurl": "..", "output_file": "a3.html", "article": articles[1]}
    assert splits[3][0] is not splits[0][0]
    # An equal value that is another object is the page's own (values are not compared).
    assert splits[4][0] is splits[3][0] and splits[4][1]["articles"] is pages[4]["articles"]


def test_recorded_list_pages_share_one_page_object_per_number() -> None:
    articles = [f"Example article {n}" for n in range(5)]
    paginator = Paginator("index.html", "", articles, {**DEFAULT_CONFIG}, 2)
    context = {"SITENAME": "Example"}
    shares = SharedVariables()
    owns = [
        shares.split(
            {
                **context,
                "output_file": f"{number}.html",
                "articles_previous_page": paginator.page(number - 1) if number > 1 else None,
                "articles_page": paginator.page(number),
                "articles_next_page": paginator.page(number + 1) if number < 3 else None,
            }
        )[1]
        for number in (1, 2, 3)
    ]
    assert owns[0] == {}  # the first page: all in the snapshot
    assert owns[1]["articles_page"] is owns[2]["articles_previous_page"]
    assert owns[1]["articles_page"].object_list == ["Example article 2", "Example article 3"]
    assert owns[2]["articles_page"].number == 3 and owns[2]["articles_next_page"] is None


def test_one_process_or_no_fork_uses_pelicans_own_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    class _Pelican:
        def __init__(self, **settings: object) -> None:
            self.settings = {"PLUGINS": ["parallel_write"], **settings}

    assert choose_writer(_Pelican(PARALLEL_WRITE_WORKERS=2)) is RecordingWriter
    assert choose_writer(_Pelican(PARALLEL_WRITE_WORKERS=1)) is None
    assert choose_writer(_Pelican(PARALLEL_WRITE_WORKERS=0)) is None
    monkeypatch.setattr(writer_module.os, "cpu_count", lambda: 1)
    assert choose_writer(_Pelican()) is None
    monkeypatch.setattr(writer_module.os, "cpu_count", lambda: 2)
    assert choose_writer(_Pelican()) is RecordingWriter
    monkeypatch.setattr(writer_module, "fork_available", lambda: False)
    assert choose_writer(_Pelican(PARALLEL_WRITE_WORKERS=2)) is None
    # A site without the plugin in its PLUGINS (signals are process-wide).
    assert choose_writer(type("P", (), {"settings": {"PLUGINS": ["feeds"]}})()) is None
