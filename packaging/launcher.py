"""Entry point of the bundled application (PyInstaller runs this file)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from stance_reader.cli import main

    sys.exit(main())
