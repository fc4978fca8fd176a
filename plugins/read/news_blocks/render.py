"""Render rules that hand the news-block tokens to their Jinja templates.

The HTML is in ``templates/news_blocks/key_points.html`` and ``post.html``; code only
hands them data. The templates come from the site's theme (``THEME``/templates), and
from this project's ``templates/`` when the theme does not have them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, Template
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererProtocol
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from shared_templates import bytecode_cache

PROJECT_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"
KEY_POINTS_TOKEN = "news_key_points"
POST_TOKEN = "news_post"


def template_environment(
    settings: Mapping[str, Any], cache_name: str = "news_blocks"
) -> Environment:
    """One Jinja environment per parser (built with it, never per file), autoescaping, the
    theme's templates before the project's; ``cache_name`` names its compiled templates'
    folder (other block rules, context_blocks' cards, keep their own)."""
    folders = [PROJECT_TEMPLATES]
    theme = settings.get("THEME")
    if isinstance(theme, str) and (Path(theme) / "templates").is_dir():
        folders.insert(0, Path(theme) / "templates")
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(str(folder)) for folder in folders]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        # Compiled once, not again by each parser or the next build (shared_templates).
        bytecode_cache=bytecode_cache(settings, cache_name),
    )


def add_render_rules(md: MarkdownIt, templates: Environment) -> None:
    """Render the tokens the core rule made, each through its template."""
    key_points = templates.get_template("news_blocks/key_points.html")
    post = templates.get_template("news_blocks/post.html")

    def render_with(template: Template, name: str) -> Any:
        def rule(
            renderer: RendererProtocol,
            tokens: Sequence[Token],
            idx: int,
            options: OptionsDict,
            env: EnvType,
        ) -> str:
            return template.render(**{name: tokens[idx].meta[name]}) + "\n"

        return rule

    md.add_render_rule(KEY_POINTS_TOKEN, render_with(key_points, "box"))
    md.add_render_rule(POST_TOKEN, render_with(post, "post"))
