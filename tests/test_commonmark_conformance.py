"""Every example of the CommonMark spec 0.31.2 through the site's renderer, all extensions on.

The comparison allows for what our extensions do on purpose, and nothing else:

* heading ids: every heading gets ``id="<slug>"`` (section links), and h2/h3 a
  ``<a class="heading-anchor">`` link to themselves; both are removed before comparing;
* smart punctuation: quotes, dashes and ellipses become typographic characters; they are
  mapped back before comparing;
* external links get ``rel="nofollow noopener"``; removed before comparing;
* sanitised raw HTML: where an example contains raw HTML, our output must equal the spec's
  expected output *passed through the site's sanitising policy* (html_policy.sanitise),
  compared as parsed HTML. So a script or handler is expected to disappear, and nothing else.

Deviations that remain are listed in ``DEVIATIONS`` with their reason; the test fails if one of
them starts passing (so the list stays true) or if any other example fails.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from html_policy import sanitise
from markdown_reader.renderer import build_parser, render

# A copy of ../shared/conformance/ in the repository (see its README).
SPEC = Path(__file__).resolve().parent / "commonmark_spec" / "commonmark-spec-0.31.2.json"

DEVIATIONS = {
    218: "markdown-it-py renders an empty block quote as <blockquote></blockquote> (no inner "
    "newline); same document tree",
    239: "as 218",
    240: "as 218",
}

_SMART = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "--", "—": "---", "…": "..."})
_HEADING_ID = re.compile(r'(<h[1-6]) id="[^"]*"')
_HEADING_ANCHOR = re.compile(
    r' <a class="heading-anchor" href="[^"]*" aria-hidden="true" tabindex="-1">#</a>'
)


def _undo_extensions(html: str) -> str:
    html = _HEADING_ANCHOR.sub("", _HEADING_ID.sub(r"\1", html))
    return html.replace(' rel="nofollow noopener"', "").translate(_SMART)


def _as_tree(html: str) -> str:
    return BeautifulSoup(html, "html.parser").decode(formatter="html5")


def _examples() -> list[dict[str, Any]]:
    if not SPEC.exists():
        return []
    return list(json.loads(SPEC.read_text(encoding="utf-8")))


EXAMPLES = _examples()


@pytest.fixture(scope="module")
def parser() -> Any:
    return build_parser({})


def test_the_spec_file_is_there() -> None:
    assert len(EXAMPLES) == 652, f"expected the 652 examples of CommonMark 0.31.2 at {SPEC}"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"example-{e['example']}")
def test_commonmark_example(parser: Any, example: dict[str, Any]) -> None:
    got = _undo_extensions(render(parser, example["markdown"]).html)
    expected = example["html"]
    conforms = got == _undo_extensions(expected) or _as_tree(got) == _as_tree(
        _undo_extensions(sanitise(expected))
    )
    number = example["example"]
    if number in DEVIATIONS:
        assert not conforms, f"example {number} now conforms: remove it from DEVIATIONS"
        return
    assert conforms, (
        f"example {number} ({example['section']}):\n{example['markdown']!r}\n"
        f"expected {expected!r}\ngot      {got!r}"
    )
