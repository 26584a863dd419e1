"""MAPPA registrations as nDelius codes them, in CSV: read, checked and written.

Columns: crn, register_type (always MAPP), category (M1–M4, X9), level (M0–M3),
start_date and review_date (YYYY-MM-DD). One row per open MAPPA case.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mappa import csv_cells
from mappa.cases import ndelius, rules

COLUMNS = ["crn", "register_type", "category", "level", "start_date", "review_date"]


@dataclass(frozen=True)
class Registration:
    crn: str
    category: int | None
    level: int | None
    start_date: date | None
    review_date: date | None


def _date(value: str, column: str, problems: list[str], line: int) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        problems.append(
            f"line {line}: {column}: {value!r} is not a real date in the form YYYY-MM-DD"
        )
        return None


def _row(row: dict, line: int, problems: list[str]) -> Registration | None:
    before = len(problems)
    crn = (row.get("crn") or "").strip()
    if not crn:
        problems.append(f"line {line}: crn: required")
    if (row.get("register_type") or "").strip().upper() != ndelius.REGISTER_TYPE:
        problems.append(f"line {line}: register_type: must be {ndelius.REGISTER_TYPE}")
    category = level = None
    try:
        category = ndelius.category_from_code(row.get("category") or "")
    except ndelius.UnknownCode as error:
        problems.append(f"line {line}: category: {error}")
    try:
        level = ndelius.level_from_code(row.get("level") or "")
    except ndelius.UnknownCode as error:
        problems.append(f"line {line}: level: {error}")
    if not rules.level_allowed_for_category(category=category, level=level):
        problems.append(f"line {line}: level: a category 3 case cannot be managed at level 1")
    start = _date(row.get("start_date") or "", "start_date", problems, line)
    review = _date(row.get("review_date") or "", "review_date", problems, line)
    if len(problems) > before:
        return None
    return Registration(crn, category, level, start, review)


def read(text: str) -> tuple[list[Registration], list[str]]:
    """Every row, or every problem as `line N: column: reason` (line 1 is the header)."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        return [], [f"line 1: header: missing column(s) {', '.join(missing)}"]
    registrations, problems, seen = [], [], {}
    for line, row in enumerate(reader, start=2):
        registration = _row(row, line, problems)
        if registration is None:
            continue
        if registration.crn.upper() in seen:
            problems.append(
                f"line {line}: crn: {registration.crn!r} is also on line {seen[registration.crn.upper()]}"
            )
        seen.setdefault(registration.crn.upper(), line)
        registrations.append(registration)
    return registrations, problems


def write(registrations: Iterable[Registration]) -> str:
    out = io.StringIO()
    writer = csv_cells.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in registrations:
        writer.writerow(
            [
                r.crn,
                ndelius.REGISTER_TYPE,
                ndelius.CATEGORY_TO_CODE[r.category],
                ndelius.LEVEL_TO_CODE[r.level],
                r.start_date.isoformat() if r.start_date else "",
                r.review_date.isoformat() if r.review_date else "",
            ]
        )
    return out.getvalue()
