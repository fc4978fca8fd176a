"""The plugin's settings are checked when the build starts; wrong values name the setting."""

from __future__ import annotations

from topic_hubs.settings import DEFAULTS, settings_problems, topic_settings

SITE = {"PATH": "/site/content", "ARTICLE_PATHS": ["articles"], "PAGE_PATHS": ["pages"]}


def test_the_project_settings_have_no_problem_and_use_the_defaults():
    assert settings_problems(SITE) == []
    chosen = topic_settings(SITE)
    assert chosen.folder == "/site/content/topics"
    assert (chosen.related_limit, chosen.key_points, chosen.hub_page_size) == (5, 8, 50)


def test_wrong_values_are_reported_and_the_defaults_used_meanwhile():
    settings = {
        **SITE,
        "TOPICS_PATH": "../elsewhere",
        "TOPICS_RELATED_LIMIT": "5",
        "TOPICS_HUB_PAGE_SIZE": -1,
    }
    assert settings_problems(settings) == [
        # One wording for every plugin's settings (site_settings): the key, the value, the fix.
        "pelicanconf: TOPICS_PATH = '../elsewhere' must be a folder inside PATH, like 'topics'",
        "pelicanconf: TOPICS_RELATED_LIMIT = '5' must be a whole number of at least 0",
        "pelicanconf: TOPICS_HUB_PAGE_SIZE = -1 must be a whole number of at least 0",
    ]
    chosen = topic_settings(settings)
    assert chosen.folder == "/site/content/topics"
    assert chosen.related_limit == DEFAULTS["TOPICS_RELATED_LIMIT"]


def test_topic_files_inside_the_article_folder_must_be_excluded():
    settings = {**SITE, "ARTICLE_PATHS": [""], "TOPICS_PATH": "topics"}
    assert settings_problems(settings) == [
        "pelicanconf: ARTICLE_PATHS includes '.', which holds the topic files (topics/) "
        "(add 'topics' to ARTICLE_EXCLUDES)"
    ]
    assert settings_problems({**settings, "ARTICLE_EXCLUDES": ["topics"]}) == []


def test_new_since_last_visit_is_on_by_default_and_must_be_true_or_false():
    assert topic_settings(SITE).new_since_last_visit is True
    assert (
        topic_settings({**SITE, "TOPICS_NEW_SINCE_LAST_VISIT": False}).new_since_last_visit is False
    )
    assert settings_problems({**SITE, "TOPICS_NEW_SINCE_LAST_VISIT": "no"}) == [
        "pelicanconf: TOPICS_NEW_SINCE_LAST_VISIT = 'no' must be True or False"
    ]
