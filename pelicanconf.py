"""Site settings for the preview build (`make html`, `make serve`)."""

from __future__ import annotations

AUTHOR = "newsdigest editors"
SITENAME = "newsdigest"
SITESUBTITLE = "Topic-organised news digests"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = ["images", "extra/_headers"]
# Security headers for hosts that read a _headers file (see docs/reliability.md).
EXTRA_PATH_METADATA = {"extra/_headers": {"path": "_headers"}}

THEME = "."
THEME_STATIC_PATHS = ["templates/static"]
THEME_STATIC_DIR = "theme"

# One folder per stage of the pipeline: read -> link -> write, and speed as a layer of its own
# (docs/architecture.md; scripts/project_paths.py lists the same folders).
PLUGIN_PATHS = ["plugins/core", "plugins/read", "plugins/link", "plugins/write", "plugins/speed"]

# What the site does: its features, in pipeline order (read -> link -> write).
FEATURES = [
    # read: each source file becomes an article or a page
    "markdown_reader",  # Markdown with front matter (markdown-it-py), stable heading ids
    "html_policy",  # HTML in any source cleaned by one allow-list; off-site images as alt text
    "news_blocks",  # key-point boxes, embedded posts shown as cards
    "live_coverage",  # live articles: timestamped entries, key events, newest first
    "context_blocks",  # explainers from content/context/ placed with '::: context <slug>'
    # link: the articles become a site
    "topic_hubs",  # topics (content/topics/), their hub pages, related coverage
    "editions",  # one page per day with news, grouped by topic
    "newsroom",  # datelines, bylines, sources, corrections, JSON-LD; sitemaps on publish
    # write: the site becomes files (the pages themselves: Pelican and templates/)
    "feeds",  # Atom, RSS and JSON Feed: the whole site, each topic, the editions
    # checks the whole site before a page is written (last: it checks the others' pages too)
    "strict_build",
]

# Speed: the same site, byte for byte, built faster: caches kept between builds, work spread
# over every core, unchanged pages reused (docs/performance.md). False: the features alone.
FAST_BUILD = True
# The speed layer (plugins/speed/), after the features, in the order it needs.
SPEED_PLUGINS = [
    "frozen_urls",  # url and save_as computed once (after the features that read them first)
    "content_cache",  # each file's parse kept between builds (in CACHE_PATH)
    "parallel_read",  # articles parsed on every core
    "article_bodies",  # article bodies wait on disk between reading and writing
    "gc_tuning",  # Python's cycle collector runs less often during a build
    "shared_templates",  # each template compiled once, and kept for the next build
    # last: it renders, on every core, the pages all the others recorded; unchanged ones are reused
    "parallel_write",
]
PLUGINS = FEATURES
if FAST_BUILD:
    PLUGINS = [*FEATURES, *SPEED_PLUGINS]
    # Templates do not change during a build: Jinja need not re-check their files on every page.
    JINJA_ENVIRONMENT = {"auto_reload": False}

ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
ARCHIVES_SAVE_AS = "archives/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_SAVE_AS = "tags/index.html"
# "C++" and "C#" get pages of their own (c-plus-plus, c-sharp) instead of sharing "c";
# then Pelican's own rules. Tags that still share a page are reported by strict_build.
TAG_REGEX_SUBSTITUTIONS = [
    (r"\+", " plus "),
    (r"#", " sharp "),
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DEFAULT_CATEGORY = "news"
# With CATEGORY_SAVE_AS empty Pelican gives no article a category, and then crashes
# writing any draft (generate_drafts reads draft.category): set it for every article.
DEFAULT_METADATA = {"category": DEFAULT_CATEGORY}
USE_FOLDER_AS_CATEGORY = False
# Pelican's own future-date check reads the clock; the newsroom plugin holds an article dated
# after the build's date (BUILD_DATE, from SOURCE_DATE_EPOCH) as a draft instead, so keep
# Pelican's off (True: Pelican publishes future dates) and builds reproducible.
WITH_FUTURE_DATES = True
SLUGIFY_SOURCE = "title"

DEFAULT_PAGINATION = 20
# The archives list every article by day, paginated like the home page (50 a page).
PAGINATED_TEMPLATES = {"index": None, "tag": None, "archives": 50}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_DOMAIN = SITEURL
# Owner of the feed entry ids (tag: URIs, RFC 4151); never change it once published.
FEED_ID_AUTHORITY = "newsdigest.example.org,2026"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = False
# What builds keep for the next one: the search index's shards, and with FAST_BUILD each
# file's parse and the compiled templates (docs/performance.md).
CACHE_PATH = ".cache"
DIRECT_TEMPLATES = ["index", "tags", "archives"]
