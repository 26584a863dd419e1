"""The `mappa` console command: the service's management commands by name.

`mappa audit verify`, `mappa demo`, `mappa serve --port 8000`, and every
Django management command (`mappa migrate`, …). Hyphens in a command name
are read as underscores, so `mappa mash-check` runs `mash_check`.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mappa.settings")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["mappa", *argv[1:]])


if __name__ == "__main__":
    main()
