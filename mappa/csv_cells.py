"""Cells a spreadsheet will not run as formulas: the one rule every CSV the service writes uses.

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return may be read
by Excel, LibreOffice or Google Sheets as a formula ("CSV injection"): a surname such as
`=HYPERLINK("http://x","y")` in the MASH case list would become a live link, and worse is
possible. As OWASP recommends (Cheat Sheet Series, "CSV Injection"), such a cell is written
with a single quote in front, which spreadsheets show as text and do not evaluate.

The choice for numbers: a number is data, not a formula, and is written as it is. That
covers Python numbers (`-5`, `-2.5`, a `Decimal`) and text that is wholly a plain decimal
number (`"-5"`, `"-12.75"`), as the statistics CSVs may hold a figure as text; neither can
carry a formula. Everything else that starts with one of those characters is prefixed,
even text such as `-fred` that is harmless, because OWASP's rule is by first character.

defusedcsv (PyPI) does the same for `= + - @ | %` but not for a tab or a carriage return,
and rewrites `|` inside a cell; the rule is short enough to keep here, whole and tested.

    out = io.StringIO()
    writer = csv_cells.writer(out, lineterminator="\\n")    # as csv.writer
    writer = csv_cells.DictWriter(out, fieldnames=[...])    # as csv.DictWriter
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def cell(value: Any) -> Any:
    """The value as it may safely go into a CSV cell."""
    if value is None or isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    if text.startswith(TRIGGERS) and not _PLAIN_NUMBER.fullmatch(text):
        return QUOTE + text
    return text


def row(values: Iterable[Any]) -> list[Any]:
    return [cell(value) for value in values]


class _Writer:
    """csv.writer whose every cell goes through `cell`."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)

    @property
    def dialect(self):
        return self._writer.dialect

    def writerow(self, values: Iterable[Any]):
        return self._writer.writerow(row(values))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for values in rows:
            self.writerow(values)


def writer(out, **options) -> _Writer:
    return _Writer(out, **options)


class DictWriter(csv.DictWriter):
    """csv.DictWriter whose every cell goes through `cell`."""

    def writerow(self, rowdict: Mapping[str, Any]):
        return super().writerow({key: cell(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        for rowdict in rowdicts:
            self.writerow(rowdict)
