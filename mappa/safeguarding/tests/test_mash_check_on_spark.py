"""`mappa mash-check --engine spark` gives the same matches as DuckDB (issue 19, item 4).

Spark runs in local mode here (two threads, two shuffle partitions, no UI): the same
generated files through the command on both engines, compared pair by pair. The case list
is below the size trained on (rules.trainable), so both take the saved default model, and
the extract is large enough for term frequencies (rules.counts_term_frequencies): the
comparisons, term frequencies, blocking, rules and ranking are what is compared.
Probabilities are written to four decimal places; they may differ by at most 0.0001 (one
in the last place, from floating point rounding on a boundary).
"""

import csv
import json

import pytest
from django.core.management import CommandError, call_command

from mappa.linkage import backends, synthetic

TOLERANCE = 0.0001


def check(case_list, extract, out, *extra):
    call_command(
        "mash_check",
        "--case-list",
        str(case_list),
        "--extract",
        str(extract),
        "--out",
        str(out),
        *extra,
    )
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    model = json.loads(out.with_name(f"{out.stem}.model.json").read_text(encoding="utf-8"))
    return rows, model


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    from django.conf import settings

    folder = tmp_path_factory.mktemp("mash-spark")
    data = synthetic.generate(cases=40, extract=600, seed=19)
    case_list, extract = data.write(folder)
    duckdb = check(case_list, extract, folder / "duckdb.csv")
    saved = settings.MAPPA_SPARK_MASTER, settings.MAPPA_SPARK_PARTITIONS
    settings.MAPPA_SPARK_MASTER, settings.MAPPA_SPARK_PARTITIONS = "local[2]", 2
    try:
        spark = check(case_list, extract, folder / "spark.csv", "--engine", "spark")
    finally:
        settings.MAPPA_SPARK_MASTER, settings.MAPPA_SPARK_PARTITIONS = saved
        from pyspark.sql import SparkSession

        active = SparkSession.getActiveSession()
        if active is not None:
            active.stop()
    return data, duckdb, spark


def test_spark_finds_the_same_pairs_of_the_same_kinds(both):
    _, (duckdb_rows, _), (spark_rows, _) = both
    kinds = {(r["case_id"], r["record_id"]): r["match_kind"] for r in duckdb_rows}
    assert {"person", "address"} <= set(kinds.values())
    assert len(kinds) > 40
    assert {(r["case_id"], r["record_id"]): r["match_kind"] for r in spark_rows} == kinds


def test_spark_gives_the_same_probabilities_and_copied_fields_in_the_same_order(both):
    _, (duckdb_rows, _), (spark_rows, _) = both
    assert len(spark_rows) == len(duckdb_rows)
    for ours, theirs in zip(duckdb_rows, spark_rows, strict=True):
        assert abs(float(ours["match_probability"]) - float(theirs["match_probability"])) <= (
            TOLERANCE
        ), (ours, theirs)
        for column in ("case_id", "record_id", "case_status", "allocated_worker"):
            assert ours[column] == theirs[column]


def test_spark_uses_the_same_model_and_writes_the_same_model_file(both):
    _, (_, duckdb_model), (_, spark_model) = both
    assert spark_model["model"] == "default"
    assert spark_model == duckdb_model


def test_without_java_the_spark_engine_is_a_clear_error_and_nothing_is_written(
    tmp_path, monkeypatch
):
    data = synthetic.generate(cases=5, extract=50, seed=3)
    case_list, extract = data.write(tmp_path)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "no-java-here"))
    out = tmp_path / "matches.csv"
    with pytest.raises(CommandError) as error:
        check(case_list, extract, out, "--engine", "spark")
    assert str(error.value) == f"--engine spark: {backends.JAVA_MISSING}"
    assert "openjdk-17-jre-headless" in str(error.value)
    assert not out.exists() and not (tmp_path / "matches.model.json").exists()


def test_a_java_home_without_java_is_the_same_clear_error(tmp_path, monkeypatch):
    data = synthetic.generate(cases=5, extract=50, seed=3)
    case_list, extract = data.write(tmp_path)
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(CommandError, match="needs a Java runtime"):
        check(case_list, extract, tmp_path / "matches.csv", "--engine", "spark")
