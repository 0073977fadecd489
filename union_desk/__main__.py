"""`python -m union_desk` runs the same entry point as `union-desk`."""

import sys

from union_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
