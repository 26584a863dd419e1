"""Reading the ONS Postcode Directory (ONSPD) CSV: each postcode's latitude and longitude.

The directory (Office for National Statistics, Open Government Licence) is one CSV of every
UK postcode, live and terminated, with a header row. The columns read (names in any case; the
rest are ignored):

- `pcds` — the postcode in its usual form, "MK40 1SA" (or, failing that, `pcd`, `pcd7` or
  `pcd8`, the fixed-width forms);
- `lat` — latitude, WGS84 decimal degrees;
- `long` — longitude, WGS84 decimal degrees.

A postcode with no grid reference is written with latitude 99.999999 and longitude 0: it has
no location and is left out. Pure Python (no Django): the service writes what this reads.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

POSTCODE_COLUMNS = ("pcds", "pcd", "pcd7", "pcd8")
NO_GRID_REFERENCE = Decimal("99.999999")


class DirectoryError(ValueError):
    """What is wrong with the file, naming the row and column."""


@dataclass(frozen=True)
class Located:
    postcode: str
    latitude: Decimal
    longitude: Decimal


def read(lines: Iterable[str], *, name: str) -> Iterator[Located]:
    """Each located postcode in the file; DirectoryError on the first bad row."""
    reader = csv.reader(lines)
    header = [column.strip().lower() for column in next(reader, [])]
    postcode_column = next((c for c in POSTCODE_COLUMNS if c in header), None)
    missing = [c for c in ("lat", "long") if c not in header]
    if postcode_column is None:
        missing.insert(0, "pcds")
    if missing:
        raise DirectoryError(
            f"{name}: the header has no {' or '.join(missing)} column: is this the ONS "
            "Postcode Directory CSV?"
        )
    where = {c: header.index(c) for c in (postcode_column, "lat", "long")}
    for row_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise DirectoryError(
                f"{name}, row {row_number}: {len(row)} columns, the header has {len(header)}"
            )
        postcode = row[where[postcode_column]].strip().upper()
        if not postcode:
            raise DirectoryError(f"{name}, row {row_number}, column {postcode_column}: empty")
        latitude = _number(row[where["lat"]], name, row_number, "lat")
        longitude = _number(row[where["long"]], name, row_number, "long")
        if latitude == NO_GRID_REFERENCE:
            continue
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise DirectoryError(
                f"{name}, row {row_number}: {latitude}, {longitude} is not a latitude and longitude"
            )
        yield Located(postcode, latitude, longitude)


def _number(text: str, name: str, row_number: int, column: str) -> Decimal:
    try:
        return Decimal(text.strip()).quantize(Decimal("0.000001"))
    except InvalidOperation:
        raise DirectoryError(
            f"{name}, row {row_number}, column {column}: {text.strip()!r} is not a number"
        ) from None
