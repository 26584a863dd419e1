"""Reading the MASH check's CSV files exactly as the contract fixes them (mash-check.md).

A file is read whole and checked before anything is matched or written: a missing
required column, an empty or duplicate id or an unreadable date is an error naming the
file, the row (the header is row 1) and the column. Extra columns are ignored.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mappa.linkage.rules import ISO_DATE

CASE_LIST_REQUIRED = (
    "case_id",
    "forenames",
    "surname",
    "date_of_birth",
    "address_line_1",
    "postcode",
)
CASE_LIST_OPTIONAL = (
    "aliases",
    "address_line_2",
    "town",
    "category",
    "level",
    "meeting_date",
    "nhs_number",
)
CASE_LIST_DATES = ("date_of_birth", "meeting_date")
EXTRACT_REQUIRED = (
    "record_id",
    "forenames",
    "surname",
    "date_of_birth",
    "address_line_1",
    "postcode",
)
EXTRACT_OPTIONAL = ("address_line_2", "town", "case_status", "allocated_worker", "nhs_number")
EXTRACT_DATES = ("date_of_birth",)
MAX_ERRORS = 20


@dataclass
class FileProblem:
    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}, column {self.column}: {self.message}"


class BadFile(ValueError):
    """One or more problems with an input file; nothing has been written."""

    def __init__(self, problems: list[FileProblem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass
class Table:
    """A checked file, column by column (empty cells are None)."""

    name: str
    columns: dict[str, list[str | None]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()), []))

    def rows(self):
        names = list(self.columns)
        for values in zip(*self.columns.values(), strict=True):
            yield dict(zip(names, values, strict=True))


def read_case_list(source, name: str | None = None) -> Table:
    return _read(source, name, "case_id", CASE_LIST_REQUIRED, CASE_LIST_OPTIONAL, CASE_LIST_DATES)


def read_extract(source, name: str | None = None) -> Table:
    return _read(source, name, "record_id", EXTRACT_REQUIRED, EXTRACT_OPTIONAL, EXTRACT_DATES)


def _open(source, name):
    if isinstance(source, str | Path):
        return open(source, encoding="utf-8-sig", newline=""), name or Path(source).name
    if isinstance(source, bytes):
        return io.StringIO(source.decode("utf-8-sig"), newline=""), name or "upload"
    return source, name or getattr(source, "name", "input")


def _read(source, name, id_column, required, optional, dates) -> Table:
    name = name or (Path(source).name if isinstance(source, str | Path) else "upload")
    try:
        handle, name = _open(source, name)
        with handle:
            return _parse(csv.reader(handle), name, id_column, required, optional, dates)
    except UnicodeDecodeError as error:
        raise BadFile([FileProblem(name, 0, "-", f"not UTF-8 text ({error.reason})")]) from error
    except csv.Error as error:
        raise BadFile([FileProblem(name, 0, "-", f"not a readable CSV file ({error})")]) from error


def _parse(reader, name, id_column, required, optional, dates) -> Table:
    header = [column.strip() for column in next(reader, [])]
    missing = [column for column in required if column not in header]
    if missing:
        raise BadFile(
            [FileProblem(name, 1, column, "required column missing") for column in missing]
        )
    wanted = [column for column in (*required, *optional) if column in header]
    positions = {column: header.index(column) for column in wanted}
    columns: dict[str, list[str | None]] = {column: [] for column in wanted}
    problems: list[FileProblem] = []
    seen: set[str] = set()
    for row_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        for column, position in positions.items():
            value = row[position].strip() if position < len(row) else ""
            columns[column].append(value or None)
        problems += _check_row(name, row_number, columns, id_column, dates, seen)
        if len(problems) >= MAX_ERRORS:
            break
    if problems:
        raise BadFile(problems[:MAX_ERRORS])
    return Table(name=name, columns=columns)


def _check_row(name, row_number, columns, id_column, dates, seen) -> list[FileProblem]:
    problems = []
    identifier = columns[id_column][-1]
    if identifier is None:
        problems.append(FileProblem(name, row_number, id_column, "empty id"))
    elif identifier in seen:
        problems.append(FileProblem(name, row_number, id_column, f"duplicate id {identifier!r}"))
    else:
        seen.add(identifier)
    for column in dates:
        value = columns.get(column, [None])[-1] if column in columns else None
        if value is not None and not readable_date(value):
            problems.append(
                FileProblem(name, row_number, column, f"{value!r} is not a date (YYYY-MM-DD)")
            )
    return problems


def readable_date(value: str) -> bool:
    if not ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
