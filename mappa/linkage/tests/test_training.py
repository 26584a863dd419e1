"""The person model is trained on the data being linked, or falls back to the saved default
(issue 20, item 1), and a run records which it used."""

import json

import duckdb
import pytest

from mappa.linkage import engine, files, prepare, rules, synthetic, training
from mappa.linkage.tests.helpers import csv_bytes


def tables(cases: int, records: int, seed: int = 7):
    data = synthetic.generate(cases=cases, extract=records, seed=seed)
    return (
        files.read_case_list(csv_bytes(data.cases), "caselist.csv"),
        files.read_extract(csv_bytes(data.extract), "socialcare.csv"),
    )


@pytest.fixture(scope="module")
def trained():
    cases, extract = tables(200, 4000)
    return engine.run(cases, extract), engine.run(cases, extract)


def test_a_large_enough_input_trains_its_own_model(trained):
    first, _ = trained
    assert first.model.trained
    assert "expectation maximisation" in first.model.reason
    saved = json.loads(training.DEFAULT_MODEL.read_text(encoding="utf-8"))["parameters"]
    assert first.model.parameters != saved  # trained here, not copied from the default
    same = first.model.parameters["dob"]["the same"]
    assert same[0] > 0.3 and same[1] < 0.001  # m large, u small for an exact date of birth


def test_training_is_deterministic(trained):
    first, second = trained
    assert first.model.parameters == second.model.parameters
    assert first.model.prior == second.model.prior
    assert [(c.case_id, c.record_id, c.match_probability) for c in first.candidates] == [
        (c.case_id, c.record_id, c.match_probability) for c in second.candidates
    ]


def test_the_prior_is_estimated_from_the_exact_matches(trained):
    first, _ = trained
    assert first.model.counts["exact_pairs"] > 0
    assert "estimated from exact matches" in first.model.reason
    # about two in three of 200 cases are in the extract: ~130 true pairs among 200 x 4,000
    assert 0.03 / 4000 < first.model.prior < 3 / 4000


def test_a_small_case_list_uses_the_saved_default_model_and_says_why():
    cases, extract = tables(10, 600)
    run = engine.run(cases, extract)
    assert not run.model.trained
    assert "too few to train on" in run.model.reason
    record = run.model.record()
    assert record["model"] == "default"
    assert record["splink_settings"]["probability_two_random_records_match"] == run.model.prior
    saved = json.loads(training.DEFAULT_MODEL.read_text(encoding="utf-8"))["parameters"]
    assert run.model.parameters == saved


def test_a_failed_training_falls_back_to_the_default_and_records_the_error(monkeypatch):
    def fail(*_args):
        raise ValueError("EM blocked step could not converge")

    monkeypatch.setattr(training, "_train", fail)
    con = duckdb.connect(":memory:")
    cases, extract = tables(60, 1000)
    prepare.load(con, "case_primary", prepare.primary_rows(cases))
    prepare.load(con, "extract", prepare.extract_columns(extract))
    found = training.person_model(con, "case_primary", "extract", 1e-6)
    assert not found.trained
    assert found.reason == "training failed: EM blocked step could not converge"


def test_every_level_of_the_saved_default_has_m_and_u():
    saved = json.loads(training.DEFAULT_MODEL.read_text(encoding="utf-8"))["parameters"]
    for spec in engine.model.PERSON_COMPARISONS:
        name, _description, levels, _tf = spec
        labels = [label for label, *_rest in levels[1:]]
        assert sorted(saved[name]) == sorted(labels)
        assert all(0 < m <= 1 and 0 < u <= 1 for m, u in saved[name].values())


@pytest.mark.parametrize(
    "cases, records, trains",
    [(49, 10_000, False), (50, 499, False), (50, 500, True), (500, 1_000_000, True)],
)
def test_when_the_inputs_are_large_enough_to_train(cases, records, trains):
    assert (rules.trainable(cases, records) is None) is trains


def test_term_frequencies_are_left_out_for_a_tiny_extract():
    model = training.default(1e-6, "test", {"cases": 1, "records": 3})
    levels = [lvl for c in model.settings()["comparisons"] for lvl in c["comparison_levels"]]
    assert not any("tf_adjustment_column" in level for level in levels)
    model = training.default(1e-6, "test", {"cases": 1, "records": 3000})
    levels = [lvl for c in model.settings()["comparisons"] for lvl in c["comparison_levels"]]
    assert any(level.get("tf_adjustment_column") == "surname" for level in levels)


def test_an_nhs_number_on_both_files_is_trained_and_recorded():
    data = synthetic.generate(cases=200, extract=4000, seed=7, identifiers=True)
    cases = files.read_case_list(csv_bytes(data.cases), "caselist.csv")
    extract = files.read_extract(csv_bytes(data.extract), "socialcare.csv")
    run = engine.run(cases, extract)
    assert run.model.trained and run.model.identifier
    m, u = run.model.parameters["identifier"]["the same"]
    assert m > 0.5 and u < 0.001
    record = run.model.record()
    assert record["identifier"] is True
    names = [c["output_column_name"] for c in record["splink_settings"]["comparisons"]]
    assert names[-1] == "identifier"
    person = [c for c in run.reported if c.match_kind == "person"]
    assert person and all("NHS number" in c.fields for c in person)


def test_without_an_nhs_number_on_one_file_it_is_not_compared():
    data = synthetic.generate(cases=60, extract=1000, seed=7, identifiers=True)
    cases = files.read_case_list(csv_bytes(data.cases), "caselist.csv")
    plain = [{k: v for k, v in row.items() if k != "nhs_number"} for row in data.extract]
    extract = files.read_extract(csv_bytes(plain), "socialcare.csv")
    run = engine.run(cases, extract)
    assert not run.model.identifier
    assert "identifier" not in run.model.parameters
