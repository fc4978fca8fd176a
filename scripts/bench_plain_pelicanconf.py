"""Settings of the benchmark's baseline: plain Pelican on the same corpus.

Pelican's own Markdown reader (python-markdown), its default theme, its default feeds
(all articles and per category, Atom) plus the RSS feed of all articles, paginated like
our site. No plugins: scripts/bench.py runs this in a subprocess that never imports
anything from plugins/ (Pelican would register our reader class if it were imported).
PATH and OUTPUT_PATH are given on the command line.
"""

AUTHOR = "Bench"
SITENAME = "Plain Pelican baseline"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS: list[str] = []  # the corpus has articles only (its pages are ours)
STATIC_PATHS: list[str] = []
PLUGINS: list[str] = []
PLUGIN_PATHS: list[str] = []
DEFAULT_PAGINATION = 20
RELATIVE_URLS = True
FEED_ALL_RSS = "feeds/all.rss.xml"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = False
