"""``python -m news_import``: run the command line."""

import sys

from news_import.cli import main

sys.exit(main())
