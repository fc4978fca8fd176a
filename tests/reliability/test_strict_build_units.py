"""strict_build's small decisions, input by input: front-matter text, slugs, paths."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from strict_build.locations import _path_problem, _slug_problem
from strict_build.plain_metadata import plain_text


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Example article 1", "Example article 1"),  # untouched, not even a Markup
        ("Talks in Gaza & Cairo", Markup("Talks in Gaza &amp; Cairo")),
        ('He said "yes"', Markup("He said &#34;yes&#34;")),
        ("A <em>new</em> plan", Markup("A <em>new</em> plan")),
        ('<b onclick="alert(1)">Bold</b>', Markup("<b>Bold</b>")),
        ("<script>alert(1)</script>Example", Markup("Example")),
        ('" onmouseover="alert(1)', Markup("&#34; onmouseover=&#34;alert(1)")),
        ("&lt;/title&gt;", Markup("&lt;/title&gt;")),
        ('<a href="javascript:alert(1)">x</a>', Markup("x")),
    ],
)
def test_front_matter_text_is_plain_safe_html(written, shown):
    result = plain_text(written)
    assert result == shown
    assert type(result) is type(shown)


@pytest.mark.parametrize(
    ("slug", "problem"),
    [
        ("example-article-1", None),
        ("Example_Article.2", None),
        ("../../etc/x", "path separator '/'"),
        ("a\\b", "path separator '\\\\'"),
        ("p\u0430ypal", "U+0430 CYRILLIC SMALL LETTER A"),
        ("report\u202egnp.exe", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("exa\u200bmple", "U+200B ZERO WIDTH SPACE"),
        ("two words", "U+0020 SPACE"),
        ("..", "characters outside"),
        ("-leading", "characters outside"),
    ],
)
def test_slugs_must_be_plain_url_segments(slug, problem):
    found = _slug_problem(slug)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2026/01/25/example/index.html", None),
        ("example.html", None),
        ("/etc/passwd", "absolute path"),
        ("C:/site/x.html", "absolute path"),
        ("javascript:alert(1)", "URL scheme"),
        ("../../x.html", "climbs out"),
        ("a/../../x.html", "climbs out"),
        ("a\\x.html", "backslashes"),
        ("a\u202e.html", "invisible"),
    ],
)
def test_save_as_and_url_stay_inside_the_site(value, problem):
    found = _path_problem("save_as", value)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found
