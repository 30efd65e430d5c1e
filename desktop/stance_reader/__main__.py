"""`python -m stance_reader`: the same as the `stance-reader` command."""

import sys

from stance_reader.cli import main

sys.exit(main())
