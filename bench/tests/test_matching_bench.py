"""The matching benchmark reads FEBRL as a user would and scores what the engine finds."""

import pytest

from bench import matching, matching_sets


@pytest.fixture(scope="module")
def febrl1():
    return matching_sets.febrl(1)


def test_febrl_1_is_its_originals_against_their_duplicates(febrl1):
    assert len(febrl1.cases) == 500 and len(febrl1.extract) == 500
    assert len(febrl1.truth) == 500
    assert set(febrl1.truth.values()) == {"person"}
    row = next(febrl1.cases.rows())
    assert set(row) == {
        "case_id",
        "forenames",
        "surname",
        "date_of_birth",
        "address_line_1",
        "address_line_2",
        "town",
        "postcode",
    }  # no social security number
    dates = [d for d in febrl1.cases.columns["date_of_birth"] if d]
    assert all(len(d) == 10 and d[4] == "-" for d in dates)


def test_an_impossible_febrl_date_is_left_empty_as_a_user_must():
    assert matching_sets._iso("19560231") is None
    assert matching_sets._iso("19560228") == "1956-02-28"
    assert matching_sets._iso(None) is None


def test_the_kind_of_error_is_the_fields_that_differ():
    left = {
        "forenames": "amy",
        "surname": "price",
        "date_of_birth": "2015-06-01",
        "address_line_1": "12 mill lane",
        "postcode": "2600",
    }
    assert (
        matching_sets._differences(left, {**left, "date_of_birth": None}) == "date of birth missing"
    )
    assert matching_sets._differences(left, {**left, "surname": "pryce"}) == "surname differs"
    swapped = {**left, "forenames": "price", "surname": "amy"}
    assert matching_sets._differences(left, swapped) == "names swapped"


def test_the_engine_finds_febrl_1_with_high_precision(febrl1):
    result = matching.evaluate(febrl1)
    person = result.splink["person"]
    assert result.model.startswith("trained on this data")
    assert person.precision >= 0.98
    assert person.recall >= 0.85  # FEBRL's replaced forenames fall to the other-person rule
    assert result.reported_at_all >= 0.95  # under either kind, before the named person
    assert result.baseline.recall < person.recall


def test_scores_count_pairs_of_one_kind():
    truth = {("a", "1"): "person", ("a", "2"): "address", ("b", "3"): "person"}
    found = {("a", "1"): "person", ("a", "2"): "person"}
    score = matching.outcome(found, truth)
    assert (score.true_positives, score.false_positives, score.false_negatives) == (1, 1, 1)
    assert score.f1 == pytest.approx(0.5)
