"""Building small case lists and extracts for the linkage tests."""

from __future__ import annotations

import csv
import io

from mappa.linkage import engine, files, synthetic

CASE = {
    "case_id": "CASE1",
    "forenames": "William",
    "surname": "Ashworth",
    "date_of_birth": "1984-03-07",
    "aliases": "",
    "address_line_1": "12 Mill Lane",
    "address_line_2": "",
    "town": "Bedford",
    "postcode": "MK42 8PP",
}


def csv_bytes(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def background(size: int = 3000) -> list[dict]:
    """Unrelated social-care records, so term frequencies are realistic."""
    return synthetic.generate(cases=20, extract=size, seed=99).extract


def record(record_id: str, **fields) -> dict:
    base = {key: value for key, value in CASE.items() if key not in ("case_id", "aliases")}
    return {"record_id": record_id, **base, "case_status": "open", "allocated_worker": "", **fields}


def run(records: list[dict], cases: list[dict] | None = None, **options):
    """Candidates for the cases against the records (plus background), keyed by record id."""
    case_table = files.read_case_list(csv_bytes(cases or [CASE]), "caselist.csv")
    extract = files.read_extract(csv_bytes(records + background()), "socialcare.csv")
    found = engine.match(case_table, extract, engine.Options(**options))
    return {candidate.record_id: candidate for candidate in found}
