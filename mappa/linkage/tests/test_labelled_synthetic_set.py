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


def _valid_nhs_number(text: str) -> bool:
    digits = [int(d) for d in text.replace(" ", "")]
    check = 11 - sum(d * (10 - i) for i, d in enumerate(digits[:9])) % 11
    return len(digits) == 10 and check != 10 and check % 11 == digits[9]


def test_nhs_numbers_are_one_a_person_and_change_nothing_else():
    plain = synthetic.generate(cases=100, extract=2000, seed=7)
    data = synthetic.generate(cases=100, extract=2000, seed=7, identifiers=True)
    assert [{k: v for k, v in r.items() if k != "nhs_number"} for r in data.extract] == (
        plain.extract
    )
    own = {row["case_id"]: row["nhs_number"] for row in data.cases}
    records = {row["record_id"]: row["nhs_number"] for row in data.extract}
    assert all(_valid_nhs_number(number) for number in own.values())
    for (case_id, record_id), kind in data.truth.items():
        if records[record_id]:  # about one in ten has none
            assert (records[record_id] == own[case_id]) is (kind == "person")
    missing = sum(not number for number in records.values()) / len(records)
    assert 0.05 < missing < 0.15
