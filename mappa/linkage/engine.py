"""Running the MASH check: the case list against a social-care extract, with Splink.

`run` trains the person model on the inputs (or takes the saved default when they are too
small: `training`) and returns every candidate pair at or above the threshold, each once
under the kind that fits best (person, else address), with what each field did, and the
model it used; `match` returns the candidates alone. The same call serves `mappa
mash-check` and the web flow. A run is deterministic: fixed seeds, rounded trained
values, term frequencies counted from the inputs, and a total order on the output.

Splink runs on DuckDB in this process unless `Options.engine` says Spark (`backends`:
the one place that differs); everything else is the same for both.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb

from mappa.linkage import backends, model, prepare, rules, training
from mappa.linkage.files import Table

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class Candidate:
    case_id: str
    record_id: str
    match_kind: str
    match_probability: float
    case_status: str
    allocated_worker: str
    # field label → (how it compared, verdict): what agreed and what did not.
    fields: dict[str, tuple[str, str]] = field(default_factory=dict, compare=False)

    @property
    def probability_text(self) -> str:
        return rules.rounded(self.match_probability)


@dataclass
class Options:
    threshold: float = rules.DEFAULT_THRESHOLD
    threads: int = 2
    memory_limit: str = "3GB"
    more_addresses: dict[str, list[dict]] = field(default_factory=dict)
    # Candidates are also kept this far below the threshold, for review near it (never in
    # the contract's output: `Run.reported`).
    below: float = 0.0
    # rules.another_person: on in the service; the benchmark measures it off too.
    other_person_rule: bool = True
    # Where Splink runs (backends.ENGINES); for Spark, how to reach it.
    engine: str = backends.DUCKDB
    spark: backends.SparkConfig | None = None


@dataclass
class Run:
    candidates: list[Candidate]
    model: training.Model
    threshold: float

    @property
    def reported(self) -> list[Candidate]:
        """The candidates at or above the threshold: the contract's output."""
        return [c for c in self.candidates if c.match_probability >= self.threshold]


def _quiet(_stage: str, _percent: int) -> None:
    return None


def match(
    cases: Table, extract: Table, options: Options | None = None, progress: Progress = _quiet
) -> list[Candidate]:
    """Link the checked case list to the checked extract; candidates in contract order."""
    return run(cases, extract, options, progress).reported


def run(
    cases: Table, extract: Table, options: Options | None = None, progress: Progress = _quiet
) -> Run:
    """Train, link and rank: the candidates (down to `below` under the threshold) and model."""
    options = options or Options()
    lowest = max(options.threshold - options.below, 0.0)
    logging.getLogger("splink").setLevel(logging.WARNING)
    backends.check(options.engine)
    con = duckdb.connect(":memory:")
    backend = None
    try:
        con.execute(f"SET threads = {int(options.threads)}")
        con.execute(f"SET memory_limit = '{options.memory_limit}'")
        con.execute("SET preserve_insertion_order = false")
        progress("Preparing the records", 5)
        people, places = prepare.case_rows(cases, options.more_addresses)
        prepare.load(con, "case_people", people)
        prepare.load(con, "case_places", places)
        prepare.load(con, "case_primary", prepare.primary_rows(cases))
        prepare.load(con, "extract", prepare.extract_columns(extract))
        backend = backends.backend(options.engine, con, options.spark)
        progress("Training the model", 20)
        person_model = training.person_model(
            con, "case_primary", "extract", rules.person_prior(len(extract)), backend
        )
        progress("Matching people", 40)
        person = _predict(
            backend, "case_people", person_model.settings(), lowest, gate=options.other_person_rule
        )
        progress("Matching addresses", 65)
        address_settings = model.settings(
            model.ADDRESS_COMPARISONS, model.ADDRESS_BLOCKING, model.ADDRESS_PRIOR
        )
        place = _predict(backend, "case_places", address_settings, lowest, gate=False)
        progress("Ranking candidates", 90)
        found = _combine(person, place, extract, lowest, person_model.comparisons)
        return Run(found, person_model, options.threshold)
    finally:
        if backend is not None:
            backend.close()
        con.close()


def _predict(backend, left: str, settings: dict, threshold: float, gate: bool):
    """Best pair per (case, record) from one model: probability and comparison levels."""
    linker = backend.linker(left, "extract", settings)
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    gammas = [f"gamma_{c['output_column_name']}" for c in settings["comparisons"]]
    table = backend.predictions(predictions, ["key_l", "key_r", "match_probability", *gammas])
    # A forename that simply differs (not a nickname, initial, typing error, swap or alias)
    # is another person; at the same home, so is a date of birth that simply differs
    # (rules.another_person): twins, siblings, a parent and child of one name.
    gate = f"WHERE NOT ({_household(settings)})" if gate else ""
    sql = f"""
        SELECT key_l AS case_id, key_r AS record_id,
               arg_max(struct_pack(p := match_probability, {", ".join(gammas)}),
                       match_probability) AS best
        FROM {table} {gate}
        GROUP BY key_l, key_r
    """
    rows = backend.con.execute(sql).fetchall()
    return {(case_id, record_id): best for case_id, record_id, best in rows}


def _household(settings: dict) -> str:
    home = next(c for c in settings["comparisons"] if c["output_column_name"] == "home")
    same_home = len(home["comparison_levels"]) - 2  # the first level after "missing"
    # gamma 0 is each comparison's last level: "different".
    other = f"(gamma_forename = 0 OR (gamma_home = {same_home} AND gamma_dob = 0))"
    if any(c["output_column_name"] == "identifier" for c in settings["comparisons"]):
        return f"{other} AND gamma_identifier <= 0"  # not when the identifier agrees
    return other


def _fields(best: dict, comparisons) -> dict[str, tuple[str, str]]:
    shown = {}
    for spec in comparisons:
        shown[spec[1]] = model.verdicts(spec)[best[f"gamma_{spec[0]}"]]
    return shown


def _combine(person: dict, place: dict, extract: Table, threshold: float, comparisons):
    index = {record_id: position for position, record_id in enumerate(extract.columns["record_id"])}
    statuses = extract.columns.get("case_status") or [None] * len(extract)
    workers = extract.columns.get("allocated_worker") or [None] * len(extract)
    found = []
    for pair in sorted(person.keys() | place.keys()):
        person_p = person[pair]["p"] if pair in person else None
        place_p = place[pair]["p"] if pair in place else None
        kind = rules.match_kind(person_p, place_p, threshold)
        if kind is None:
            continue
        if kind == rules.PERSON:
            probability, shown = person_p, _fields(person[pair], comparisons)
        else:
            probability, shown = place_p, _fields(place[pair], model.ADDRESS_COMPARISONS)
        position = index[pair[1]]
        found.append(
            Candidate(
                case_id=pair[0],
                record_id=pair[1],
                match_kind=kind,
                match_probability=probability,
                case_status=statuses[position] or "",
                allocated_worker=workers[position] or "",
                fields=shown,
            )
        )
    found.sort(key=lambda c: rules.output_order(c.case_id, c.match_probability, c.record_id))
    return found
