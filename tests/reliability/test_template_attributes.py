"""Every template escapes what it prints into an attribute, whatever the value holds.

Pelican's Jinja environment does not autoescape, so each value printed into an
attribute needs ``|e``. Each page template is rendered twice with every variable,
attribute and call resolving to one value: a benign one, then one made to end the
attribute it is printed into. Both renderings must parse into the same elements with
the same attribute names: a value missing ``|e`` would add ``onmouseover``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader, Undefined

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# No "<": text printed outside attributes cannot make an element of it; only a value
# printed raw into an attribute can change the parsed page.
HOSTILE = "x\" onmouseover=\"alert(1)\" data-a='y' onfocus='alert(2)"
BENIGN = "x"


class _Everything(Undefined):
    """Any name, attribute, item or call: the same value, printed as ``payload``."""

    payload = BENIGN

    def __str__(self) -> str:
        return self.payload

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return type(self)()

    def __getitem__(self, key: Any) -> Any:
        return type(self)()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return type(self)()

    def __iter__(self) -> Iterator[Any]:
        # Two items: loops run, and "for a, b in pairs" unpacks.
        return iter([type(self)(), type(self)()])

    def __len__(self) -> int:
        return 2

    def __bool__(self) -> bool:
        return True

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Everything)

    def __hash__(self) -> int:
        return 0

    def __lt__(self, other: object) -> bool:
        return False

    def __gt__(self, other: object) -> bool:
        return True  # "page.number > 1", "num_pages > 1": the longer branch

    __le__, __ge__ = __lt__, __gt__

    def __int__(self) -> int:
        return 2

    def __add__(self, other: object) -> Any:
        return type(self)()

    __radd__ = __sub__ = __rsub__ = __mul__ = __truediv__ = __mod__ = __add__


def _environment(payload: str) -> Environment:
    everything = type("Value", (_Everything,), {"payload": payload})
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        undefined=everything,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )


def _shape(html: str) -> list[tuple[str, tuple[str, ...]]]:
    soup = BeautifulSoup(html, "html.parser")
    return [(tag.name, tuple(sorted(tag.attrs))) for tag in soup.find_all(True)]


# Rendered by markdown-it render rules in an autoescaping environment
# (news_blocks.render.template_environment, context_blocks.cards), never by Pelican's.
AUTOESCAPED = {"live_coverage/entry.html", "live_coverage/key_events.html"}
PAGES = sorted(
    name
    for path in TEMPLATES.rglob("*.html")
    if "static" not in path.parts
    and "news_blocks" not in path.parts  # autoescaped
    and "context_blocks" not in path.parts  # autoescaped
    and (name := path.relative_to(TEMPLATES).as_posix()) not in AUTOESCAPED
)


@pytest.mark.parametrize("name", PAGES)
def test_a_hostile_value_in_every_variable_adds_no_attribute_or_element(name):
    # The one name tested for being false: the header's search box shows on other pages.
    benign = _environment(BENIGN).get_template(name).render(search_page=False)
    hostile = _environment(HOSTILE).get_template(name).render(search_page=False)
    assert HOSTILE[:2] in hostile.replace("&#34;", '"').replace("&quot;", '"'), "nothing printed"
    assert _shape(hostile) == _shape(benign)
    soup = BeautifulSoup(hostile, "html.parser")
    assert not soup.select("[onmouseover], [onfocus], [data-a]")
