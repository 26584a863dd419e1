"""The one place the engines differ (backends.py): the model's SQL in Spark's dialect, and
an engine that cannot start refused before any work (issue 19, item 4)."""

import pytest

from mappa.linkage import backends, model, training


@pytest.mark.parametrize(
    "duckdb, spark",
    [
        ("forename1_l = forename1_r", "forename1_l = forename1_r"),
        (
            "list_has_any(forename_groups_l, forename_groups_r)",
            "ARRAYS_OVERLAP(forename_groups_l, forename_groups_r)",
        ),
        (
            "jaro_winkler_similarity(surname_l, surname_r) >= 0.8",
            "JARO_WINKLER(surname_l, surname_r) >= 0.8",
        ),
        ("damerau_levenshtein(a_l, a_r) <= 1", "DAMERAU_LEVENSHTEIN(a_l, a_r) <= 1"),
        (
            "len(list_intersect(forenames_all_l, forenames_all_r)) >= 1",
            "SIZE(ARRAY_INTERSECT(forenames_all_l, forenames_all_r)) >= 1",
        ),
        ("len(street_keys_l) = 0", "SIZE(street_keys_l) = 0"),
        ("length(forename1_l) = 1", "LENGTH(forename1_l) = 1"),
        ("left(forename1_l, 1) = 'a'", "LEFT(forename1_l, 1) = 'a'"),
        (
            "jaro_winkler_similarity(street_keys_l[1], street_keys_r[1]) >= 0.9",
            "JARO_WINKLER(GET(street_keys_l, 0), GET(street_keys_r, 0)) >= 0.9",
        ),
        ("abs(date_diff('day', dob_l, dob_r)) <= 366", "ABS(DATEDIFF(dob_r, dob_l)) <= 366"),
        ("CAST(dob_l AS VARCHAR)", "CAST(dob_l AS STRING)"),
    ],
)
def test_duckdb_sql_in_sparks_dialect(duckdb, spark):
    assert backends.spark_sql(duckdb) == spark


def test_every_level_of_both_models_translates_without_duckdb_functions():
    settings = training.default(1e-6, "test").settings()
    address = model.settings(model.ADDRESS_COMPARISONS, model.ADDRESS_BLOCKING, 1e-6)
    for translated in (backends.spark_settings(settings), backends.spark_settings(address)):
        for comparison in translated["comparisons"]:
            for level in comparison["comparison_levels"]:
                sql = level["sql_condition"].lower()
                for duckdb_only in ("list_", "len(", "jaro_winkler_similarity", "date_diff", "["):
                    assert duckdb_only not in sql, sql


def test_translating_leaves_the_duckdb_settings_unchanged():
    settings = training.default(1e-6, "test").settings()
    before = repr(settings)
    backends.spark_settings(settings)
    assert repr(settings) == before


def test_an_unknown_engine_is_refused_by_name():
    with pytest.raises(backends.EngineUnavailable, match="unknown engine 'flink'"):
        backends.check("flink")


def test_java_is_found_on_the_path_or_under_java_home(tmp_path, monkeypatch):
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert not backends.java_available()
    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text("#!/bin/sh\n")
    java.chmod(0o755)
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    assert backends.java_available()
    with pytest.raises(backends.EngineUnavailable, match="openjdk-17-jre-headless"):
        monkeypatch.setenv("JAVA_HOME", str(tmp_path / "elsewhere"))
        backends.check(backends.SPARK)
