"""Every reader's output passes the one policy: reStructuredText, HTML and a site's own.

Unit tests on the wrapped reader classes (real docutils, real files), then tiny real
builds for what only a build shows: a reader a site adds, a broken link in a
reStructuredText article when it is the only problem, and TEMPLATE_PAGES sources.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.readers import METADATA_PROCESSORS, HTMLReader, RstReader
from pelican.settings import DEFAULT_CONFIG
from tests.stage_plugins import READ_PLUGINS

from content_errors import ContentError
from html_policy import (
    sanitises_as_it_renders,
    sanitises_output,
    sanitising_reader,
    wrap_readers,
)
from html_policy.docutils_messages import message_errors

# The site checks name the file and line of a problem the readers let through.
WITH_CHECKS = [*READ_PLUGINS, "strict_build"]

HOSTILE_RAW = """\
<script>alert(1)</script>
<img src="pictures/a.png" onerror="alert(2)" alt="a">
<iframe src="https://example.org/"></iframe>
<object data="https://example.org/x.swf"></object>
<a href="javascript:alert(3)">js</a>
<a href="data:text/html;base64,PHNjcmlwdD4=">data</a>
"""
EXECUTABLE = ("<script", "onerror", "<iframe", "<object", "javascript:", "data:text")


def _settings(tmp_path: Path, **overrides: object) -> dict[str, object]:
    return {**DEFAULT_CONFIG, "PATH": str(tmp_path), **overrides}


def _write(tmp_path: Path, name: str, data: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return str(path)


def _rst(body: str, fields: str = "") -> str:
    return f"Example article 1\n#################\n\n:date: 2026-01-24\n{fields}\n{body}\n"


def _indented(html: str) -> str:
    return "".join(f"   {line}\n" for line in html.splitlines())


def test_wrapped_classes_keep_their_name_and_are_made_once():
    wrapped = sanitising_reader(RstReader)
    assert wrapped.__name__ == "RstReader"  # Pelican's "reader" metadata is unchanged
    assert issubclass(wrapped, RstReader)
    assert sanitising_reader(RstReader) is wrapped
    assert sanitises_output(wrapped)
    assert not sanitises_output(RstReader)


def test_wrap_readers_leaves_trusted_and_turned_off_readers_alone():
    @sanitises_as_it_renders
    class Trusted:  # a reader that sanitises as it renders (not a BaseReader: see below)
        file_extensions = ("trusted",)

    class Subclass(Trusted):  # renders its own way: not trusted because its base is
        pass

    classes: dict[str, object] = {
        "rst": RstReader,
        "html": HTMLReader,
        "t": Trusted,
        "s": Subclass,
        "x": None,
    }
    wrap_readers(classes)
    assert classes["t"] is Trusted
    assert classes["s"] is sanitising_reader(Subclass)
    assert classes["x"] is None
    assert classes["rst"] is sanitising_reader(RstReader)
    wrap_readers(classes)  # a second receiver call wraps nothing twice
    assert classes["html"] is sanitising_reader(HTMLReader)


def test_the_markdown_reader_is_the_one_left_unwrapped():
    from markdown_reader import NewsMarkdownReader

    classes: dict[str, object] = {"md": NewsMarkdownReader}
    wrap_readers(classes)
    assert classes["md"] is NewsMarkdownReader


def test_rst_raw_html_and_summary_are_sanitised(tmp_path):
    source = _write(
        tmp_path,
        "a.rst",
        _rst(
            ".. raw:: html\n\n" + _indented(HOSTILE_RAW) + "\nA `link <javascript:alert(4)>`_.",
            fields=":summary: Summary.\n\n   .. raw:: html\n\n      <script>alert(5)</script>\n",
        ),
    )
    reader = sanitising_reader(RstReader)(_settings(tmp_path))
    content, metadata = reader.read(source)
    for construct in EXECUTABLE:
        assert construct not in content
        assert construct not in metadata["summary"]
    assert '<img src="pictures/a.png" alt="a">' in content  # what is safe stays
    assert "Summary." in metadata["summary"]
    assert metadata["title"] == "Example article 1"


def test_html_source_body_and_summary_are_sanitised(tmp_path):
    source = _write(
        tmp_path,
        "a.html",
        "<html><head><title>Example article 2</title>"
        '<meta name="summary" content="&lt;img src=x onerror=alert(1)&gt;Short.">'
        f"</head><body>{HOSTILE_RAW}<p>Kept.</p></body></html>",
    )
    content, metadata = sanitising_reader(HTMLReader)(_settings(tmp_path)).read(source)
    for construct in EXECUTABLE:
        assert construct not in content
        assert construct not in metadata["summary"]
    assert "<p>Kept.</p>" in content
    assert metadata["summary"] == '<img src="x">Short.'


def test_rst_include_is_an_error_and_copies_nothing(tmp_path):
    secret = _write(tmp_path, "secret.txt", "SECRET-VALUE-1701\n")
    source = _write(tmp_path, "a.rst", _rst(f"Text.\n\n.. include:: {secret}\n"))
    reader = sanitising_reader(RstReader)(_settings(tmp_path))
    with pytest.raises(ContentError) as raised:
        reader.read(source)
    assert raised.value.line == 8
    assert raised.value.message == 'reStructuredText warning: "include" directive disabled.'


def test_the_sites_docutils_settings_cannot_turn_file_insertion_back_on(tmp_path):
    secret = _write(tmp_path, "secret.txt", "SECRET-VALUE-1702\n")
    source = _write(tmp_path, "a.rst", _rst(f".. raw:: html\n   :file: {secret}\n"))
    settings = _settings(tmp_path, DOCUTILS_SETTINGS={"file_insertion_enabled": True})
    with pytest.raises(ContentError, match='"raw" directive disabled'):
        sanitising_reader(RstReader)(settings).read(source)
    assert settings["DOCUTILS_SETTINGS"] == {"file_insertion_enabled": True}  # not edited


def test_rst_messages_that_do_not_stop_docutils_are_errors_too(tmp_path, caplog):
    # With halt_level raised, docutils goes on past each message: all are reported.
    source = _write(
        tmp_path, "a.rst", _rst("Text.\n\n.. no-such:: x\n\nMore.\n\n.. other-missing:: y\n")
    )
    settings = _settings(tmp_path, DOCUTILS_SETTINGS={"halt_level": 5})
    with pytest.raises(ContentError) as raised:
        sanitising_reader(RstReader)(settings).read(source)
    logged = [record.getMessage() for record in caplog.records]
    assert str(raised.value) in logged
    lines = sorted(
        int(message.split(":")[1]) for message in logged if "Unknown directive" in message
    )
    assert lines == [8, 12]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.rst", "Caf\xe9\n".encode("latin-1"), "not UTF-8 text (byte 3)"),
        ("a.html", b"<html><body>\x00\x01</body></html>", "binary file, not HTML text"),
        ("a.rst", b"x\x00y", "binary file, not reStructuredText text"),
    ],
)
def test_unreadable_sources_are_named_like_the_markdown_readers(tmp_path, name, data, message):
    source = _write(tmp_path, name, data)
    reader_class = RstReader if name.endswith(".rst") else HTMLReader
    with pytest.raises(ContentError) as raised:
        sanitising_reader(reader_class)(_settings(tmp_path)).read(source)
    assert raised.value.message == message
    assert raised.value.path.endswith(name)


def test_docutils_message_text_becomes_errors_with_their_lines():
    text = (
        "/site/content/a.rst:3: (WARNING/2) Title underline too short.\n\n"
        "Example\n###\n"
        "/site/content/a.rst:: (SEVERE/4) Problem with no line.\n"
        "/site/content/a.rst:9: (INFO/1) Not reported.\n"
    )
    errors = message_errors(text, "content/a.rst")
    assert [(e.line, e.message) for e in errors] == [
        (3, "reStructuredText warning: Title underline too short."),
        (None, "reStructuredText severe: Problem with no line."),
    ]


class ShoutingReader:
    """A reader a site adds (READERS): it returns script, as a careless one might.

    Not a BaseReader subclass: Pelican offers every enabled one to each later build in
    the process, for its extensions.
    """

    file_extensions = ("shout",)

    def __init__(self, settings):
        self.settings = settings

    def process_metadata(self, name, value):
        processor = METADATA_PROCESSORS.get(name)
        return processor(value, self.settings) if processor else value

    def read(self, source_path):
        return (
            '<p>LOUD</p><script>alert("site reader")</script><img src=x onerror=alert(1)>',
            {"title": "Example article 1703", "date": self.process_metadata("date", "2026-01-24")},
        )


def test_a_reader_the_site_adds_is_sanitised_too(build_site):
    output, problems = build_site(
        {"articles/a.shout": "anything"}, READERS={"shout": ShoutingReader}
    )
    assert problems == []
    page = (output / "2026/01/24/example-article-1703/index.html").read_text(encoding="utf-8")
    assert "<p>LOUD</p>" in page
    assert "site reader" not in page
    assert "onerror" not in page


def test_a_broken_link_in_rst_alone_is_reported_naming_the_file_and_line(build_site):
    # Regression: Pelican's "Unable to find 'missing.md'" was the only message, naming no file.
    body = "Intro.\n\nSee `the report <{filename}missing.md>`_ and `this <{filename}gone.rst>`_."
    _, problems = build_site({"articles/a.rst": _rst(body)}, plugins=WITH_CHECKS)
    assert problems == [
        "error: content/articles/a.rst:8: link to '{filename}missing.md': there is no file"
        " content/articles/missing.md (check the file name; paths are relative to this file,"
        " or to the content folder when they start with /)",
        "error: content/articles/a.rst:8: link to '{filename}gone.rst': there is no file"
        " content/articles/gone.rst (check the file name; paths are relative to this file,"
        " or to the content folder when they start with /)",
    ]


def test_links_between_rst_and_markdown_articles_and_their_anchors_work(build_site):
    markdown = "---\ntitle: Example article 1704\ndate: 2026-01-24\n---\n\n## Known section\n"
    rst = _rst(
        "See `it <{filename}b.md#known-section>`_ and `here <#background>`_.\n\n"
        "Background\n==========\n\nText."
    )
    output, problems = build_site({"articles/a.rst": rst, "articles/b.md": markdown})
    assert problems == []
    page = (output / "2026/01/24/example-article-1/index.html").read_text(encoding="utf-8")
    assert 'href="../../../../2026/01/24/example-article-1704/#known-section"' in page
    assert 'href="#background"' in page


def test_a_template_page_in_the_pages_folder_is_accepted(build_site):
    output, problems = build_site(
        {"pages/landing.jinja": "<p>{{ SITENAME }} landing</p>\n"},
        TEMPLATE_PAGES={"pages/landing.jinja": "landing/index.html"},
    )
    assert problems == []
    assert (output / "landing/index.html").read_text(
        encoding="utf-8"
    ) == "<p>newsdigest landing</p>"


def test_a_template_page_pelican_would_also_read_as_a_page_is_an_error(build_site):
    _, problems = build_site(
        {"pages/landing.html": "<html><head><title>Landing</title></head><body>x</body></html>"},
        TEMPLATE_PAGES={"pages/landing.html": "landing/index.html"},
        plugins=WITH_CHECKS,
    )
    assert (
        "error: content/pages/landing.html: is a TEMPLATE_PAGES template, but in pages/ it is"
        " read as an article or page too (move it out of pages/, to content/templates/ say,"
        " and change its TEMPLATE_PAGES entry)"
    ) in problems


def test_an_rst_article_without_a_title_is_reported_once_naming_the_file(build_site):
    # Pelican's own "Document title missing in file /abs/path" is an echo of ours.
    _, problems = build_site(
        {"articles/a.rst": ":date: 2026-01-24\n\nText only.\n"}, plugins=WITH_CHECKS
    )
    assert problems == [
        "error: content/articles/a.rst: has no title (add a line 'title: ...' to its front matter)"
    ]
