"""A context block's card: the block handed to its kind's template.

The HTML is in ``templates/context_blocks/<kind>.html`` (each extends ``card.html``);
code only hands them the block. The templates come from the site's theme
(``THEME``/templates), and from this project's ``templates/`` when the theme does not
have them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from context_blocks.model import ContextBlock
from news_blocks.render import template_environment

__all__ = ["card_templates", "render_card"]

PROJECT_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def card_templates(settings: Mapping[str, Any]) -> Environment:
    """One Jinja environment for the build's cards (news_blocks' kind, cards' own cache)."""
    return template_environment(settings, "context_blocks")


def render_card(templates: Environment, block: ContextBlock) -> Markup:
    """The card of ``block``, as its kind's template makes it."""
    template = templates.get_template(f"context_blocks/{block.kind}.html")
    return Markup(template.render(block=block).strip())
