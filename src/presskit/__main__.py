"""``python -m presskit`` runs the command line."""

import sys

from presskit.cli import main

sys.exit(main())
