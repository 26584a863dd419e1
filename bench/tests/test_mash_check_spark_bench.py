"""The Spark row's comparison of the two engines' files (the run is `bench.mash_check --part spark`)."""

from bench import mash_check_spark


def test_the_same_pairs_and_kinds_report_the_largest_probability_difference():
    duckdb = {("C1", "R1"): ("person", 0.91), ("C1", "R2"): ("address", 0.6)}
    spark = {("C1", "R1"): ("person", 0.9101), ("C1", "R2"): ("address", 0.6)}
    assert mash_check_spark._agreement(duckdb, spark) == (
        "the same 2 pairs and kinds; probabilities differ by at most 0.0001"
    )


def test_a_pair_in_one_file_only_or_of_another_kind_is_a_difference():
    duckdb = {("C1", "R1"): ("person", 0.91), ("C1", "R2"): ("address", 0.6)}
    assert mash_check_spark._agreement(duckdb, {("C1", "R1"): ("person", 0.91)}) == (
        "**different**: 1 pairs in one file only, 0 of another kind"
    )
    other_kind = {("C1", "R1"): ("address", 0.91), ("C1", "R2"): ("address", 0.6)}
    assert mash_check_spark._agreement(duckdb, other_kind) == (
        "**different**: 0 pairs in one file only, 1 of another kind"
    )
