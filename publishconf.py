"""Settings for the published site (`make publish`): absolute URLs."""

from __future__ import annotations

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://newsdigest.example.org")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
# sitemap.xml, news-sitemap.xml and robots.txt need absolute URLs: written on publish only.
SITEMAPS = True

# Nothing unpublished leaves the machine: drafts (articles dated after the build are drafts
# until then, see plugins/link/newsroom/publication.py), hidden articles and draft pages get no
# file and no address on publish, whatever their own save_as says (strict_build puts them
# where drafts go: plugins/link/strict_build/unpublished.py). `make html` keeps Pelican's
# drafts/ folder, where they are previewed marked "not published". Hidden pages (404,
# search) are not drafts: they are written as usual.
DRAFT_URL = DRAFT_SAVE_AS = DRAFT_LANG_URL = DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_URL = DRAFT_PAGE_LANG_SAVE_AS = ""
