"""``python -m ferrofuzz``: the command-line tool (see ferrofuzz.cli)."""

import sys

from .cli import main

sys.exit(main())
