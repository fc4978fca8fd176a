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
