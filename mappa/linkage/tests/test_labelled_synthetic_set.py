"""Precision and recall on a small labelled synthetic set (the large one is in the benchmark)."""

import pytest

from mappa.linkage import engine, evaluation, files, synthetic
from mappa.linkage.tests.helpers import csv_bytes


@pytest.fixture(scope="module")
def outcome():
    data = synthetic.generate(cases=300, extract=6000, seed=7)
    cases = files.read_case_list(csv_bytes(data.cases), "caselist.csv")
    extract = files.read_extract(csv_bytes(data.extract), "socialcare.csv")
    found = {(c.case_id, c.record_id): c.match_kind for c in engine.match(cases, extract)}
    return found, data.truth


@pytest.mark.parametrize("kind", ["person", "address"])
def test_precision_and_recall_are_at_least_95_percent_at_the_default_threshold(outcome, kind):
    found, truth = outcome
    score = evaluation.score(found, truth, kind)
    assert score.precision >= 0.95, score
    assert score.recall >= 0.95, score


def test_the_set_has_the_traps_it_promises():
    data = synthetic.generate(cases=100, extract=2000, seed=7)
    kinds = set(data.truth.values())
    assert kinds == {"person", "address"}
    assert len(data.extract) == 2000 or len(data.extract) > 2000
    assert {"swapped", "nickname", "transposed", "alias"} <= {
        e.split(",")[0] for e in data.errors.values()
    }
