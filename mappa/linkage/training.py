"""Training the person model on the data being linked (issue 20), or the saved default.

u probabilities (how often two unrelated people show each level) are estimated by
random sampling of record pairs; m probabilities (how often the same person does) by
expectation maximisation on pairs blocked by each rule in `EM_BLOCKING` in turn, each
rule training the comparisons it does not use (Splink's training API). Seeds are fixed,
and the trained values are rounded to six significant figures, so the same inputs give
the same model. When the inputs are too small to train on (`rules.trainable`), or
training fails or gives a level no value, the saved default model is used instead:
`default_person_model.json`, trained the same way on the labelled synthetic set
(`python -m mappa.linkage.training` writes it). Either way the model used, and why, is
recorded: `Model.record()` is the JSON kept with each run.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path

from mappa.linkage import backends, model, rules

SEED = 20
U_MAX_PAIRS = 2e6
# A level that no true pair of this data showed is rare, not impossible: its m is kept at
# least this (else its weight would be minus infinity, and one address missing its house
# line would outweigh an agreeing name and date of birth).
M_FLOOR = 1e-3
# Each rule trains the comparisons it does not use: date of birth trains the names and
# the address; the name trains the date of birth and the address. Not the postcode: the
# pairs sharing one are mostly households (the same surname and address, other
# forenames and birthdays), which expectation maximisation would take for the matches.
EM_BLOCKING = (
    "l.dob = r.dob",
    "l.forename1 = r.forename1 AND l.surname = r.surname",
)
DEFAULT_MODEL = Path(__file__).with_name("default_person_model.json")
log = logging.getLogger(__name__)


@dataclass
class Model:
    """The person model's m and u for each level, with where they came from."""

    parameters: dict[str, dict[str, list[float]]]
    trained: bool
    reason: str
    prior: float
    counts: dict[str, int] = field(default_factory=dict)
    # Both files carry an identifier (model.IDENTIFIER): it is compared and blocked on.
    identifier: bool = False

    @property
    def comparisons(self) -> tuple:
        return model.person_comparisons(self.identifier)

    @property
    def summary(self) -> str:
        how = "trained on this data" if self.trained else "the saved default model"
        return f"{how} ({self.reason})"

    def settings(self) -> dict:
        """Splink settings for prediction: the comparisons with these m and u.

        Term frequencies are counted from the inputs, so they are left out when the extract
        is too small to count them (rules.counts_term_frequencies): in a file of a few
        records every name looks common.
        """
        settings = model.settings(
            self.comparisons, model.person_blocking(self.identifier), self.prior
        )
        records = self.counts.get("records")
        frequencies = records is None or rules.counts_term_frequencies(records)
        for comparison in settings["comparisons"]:
            values = self.parameters.get(comparison["output_column_name"], {})
            for level in comparison["comparison_levels"]:
                if not frequencies:
                    level.pop("tf_adjustment_column", None)
                    level.pop("tf_adjustment_weight", None)
                if level["label_for_charts"] in values:
                    level["m_probability"], level["u_probability"] = values[
                        level["label_for_charts"]
                    ]
        return settings

    def record(self) -> dict:
        """What a run keeps for audit: which model, why, and its Splink settings."""
        return {
            "model": "trained" if self.trained else "default",
            "identifier": self.identifier,
            "reason": self.reason,
            "counts": self.counts,
            "seed": SEED,
            "splink_settings": self.settings(),
        }


def _round(value: float) -> float:
    return float(f"{value:.6g}")


def _parameters(settings: dict) -> dict[str, dict[str, list[float]]]:
    """m and u per comparison and level label, from a Splink settings dictionary."""
    found = {}
    for comparison in settings["comparisons"]:
        levels = {}
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            m, u = level.get("m_probability"), level.get("u_probability")
            if not _usable(m) or not _usable(u):
                raise ValueError(
                    f"no estimate for {comparison['output_column_name']}: "
                    f"{level['label_for_charts']}"
                )
            levels[level["label_for_charts"]] = [_round(max(m, M_FLOOR)), _round(u)]
        found[comparison["output_column_name"]] = levels
    return found


def _usable(value) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and 0 < value <= 1


def default(
    prior: float, reason: str, counts: dict | None = None, identifier: bool = False
) -> Model:
    """The saved model (an identifier, which it was not trained with, keeps model.py's values)."""
    saved = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))
    return Model(saved["parameters"], False, reason, prior, counts or {}, identifier)


def _carries_identifier(con, table: str) -> bool:
    return con.execute(f"SELECT count(identifier) FROM {table}").fetchall()[0][0] > 0


def person_model(con, left: str, right: str, prior: float, backend=None) -> Model:
    """Train on `left` (the case list, one row a case) against `right` (the extract).

    `con` holds the prepared tables (the counts and the prior are counted there); Splink
    trains on `backend` (backends.py: DuckDB on `con` unless told otherwise).
    """
    counts = {
        "cases": con.execute(f"SELECT count(*) FROM {left}").fetchall()[0][0],
        "records": con.execute(f"SELECT count(*) FROM {right}").fetchall()[0][0],
    }
    identifier = _carries_identifier(con, left) and _carries_identifier(con, right)
    problem = rules.trainable(counts["cases"], counts["records"])
    if problem:
        return default(prior, problem, counts, identifier)
    try:
        parameters = _train(backend or backends.DuckDBBackend(con), left, right, prior, identifier)
    except Exception as error:  # Splink raises ValueError, SplinkException, DuckDB errors
        log.warning("training the person model failed: %s", error)
        why = f"training failed: {str(error).splitlines()[0][:200]}"
        return default(prior, why, counts, identifier)
    estimated = _prior(con, left, right, parameters, counts)
    reason = (
        f"u from {U_MAX_PAIRS:,.0f} random pairs at most, m by expectation maximisation "
        f"blocked on {len(EM_BLOCKING)} rules, seed {SEED}; "
        + (
            f"prior {estimated:.3g} estimated from exact matches"
            if estimated
            else f"prior {prior:.3g} (no exact match to estimate it from)"
        )
    )
    return Model(parameters, True, reason, _round(estimated or prior), counts, identifier)


def _prior(con, left: str, right: str, parameters: dict, counts: dict) -> float | None:
    """The probability that two random records match, estimated from the data.

    The pairs with the same forename, surname and date of birth are counted, and divided
    by the share of true pairs that agree so (the trained m of the three exact levels,
    times how often all three are recorded on both sides): that is about how many true
    pairs there are (Splink's estimate_probability_two_random_records_match, with the
    recall from the model instead of a guess).
    """
    full = "forename1 IS NOT NULL AND surname IS NOT NULL AND dob IS NOT NULL"
    exact, left_full, right_full = con.execute(
        f"""
        SELECT (SELECT count(*) FROM {left} l JOIN {right} r
                ON l.forename1 = r.forename1 AND l.surname = r.surname AND l.dob = r.dob),
               (SELECT avg(CASE WHEN {full} THEN 1 ELSE 0 END) FROM {left}),
               (SELECT avg(CASE WHEN {full} THEN 1 ELSE 0 END) FROM {right})
        """
    ).fetchall()[0]
    recall = left_full * right_full
    for name in ("forename", "surname", "dob"):
        recall *= parameters[name]["the same"][0]
    counts["exact_pairs"] = exact
    if not exact or recall <= 0:
        return None
    return min(max(exact / recall / (counts["cases"] * counts["records"]), 1e-9), 0.5)


def _train(backend, left: str, right: str, prior: float, identifier: bool = False) -> dict:
    start = Model({}, False, "starting values: model.py", prior, identifier=identifier)
    linker = backend.linker(left, right, start.settings())
    linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=SEED)
    for rule in EM_BLOCKING:
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=True
        )
    return _parameters(linker.misc.save_model_to_json())


def write_default(cases: int = 500, records: int = 50_000, seed: int = 5) -> Model:
    """Train on the labelled synthetic set and save the result as the default model."""
    import duckdb

    from mappa.linkage import prepare, synthetic
    from mappa.linkage.files import Table

    data = synthetic.generate(cases, records, seed=seed)
    con = duckdb.connect(":memory:")
    keys = list(data.cases[0])
    cases_table = Table("cases", {k: [row.get(k) or None for row in data.cases] for k in keys})
    keys = list(data.extract[0])
    extract = Table("extract", {k: [row.get(k) or None for row in data.extract] for k in keys})
    prepare.load(con, "case_primary", prepare.primary_rows(cases_table))
    prepare.load(con, "extract", prepare.extract_columns(extract))
    parameters = _train(
        backends.DuckDBBackend(con), "case_primary", "extract", rules.person_prior(records)
    )
    DEFAULT_MODEL.write_text(
        json.dumps(
            {
                "trained_on": f"mappa.linkage.synthetic seed {seed}: {cases} x {records}",
                "parameters": parameters,
            },
            indent=2,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )
    return Model(parameters, True, "written as the default", rules.person_prior(records))


if __name__ == "__main__":
    print(write_default().parameters)
