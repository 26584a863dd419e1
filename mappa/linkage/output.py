"""Writing the matches file exactly as mash-check.md fixes it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mappa import csv_cells

COLUMNS = (
    "case_id",
    "record_id",
    "match_kind",
    "match_probability",
    "case_status",
    "allocated_worker",
)


def write_matches(path: str | Path, candidates) -> None:
    """Write atomically: the file appears whole or not at all."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=".matches-", suffix=".csv")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            writer = csv_cells.writer(out)
            writer.writerow(COLUMNS)
            for c in candidates:
                writer.writerow(
                    (
                        c.case_id,
                        c.record_id,
                        c.match_kind,
                        c.probability_text,
                        c.case_status,
                        c.allocated_worker,
                    )
                )
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
