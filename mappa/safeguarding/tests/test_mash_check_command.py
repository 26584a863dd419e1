"""`mappa mash-check` meets the contract (shared/contracts/mash-check.md)."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command

from mappa.linkage import evaluation, synthetic

COLUMNS = [
    "case_id",
    "record_id",
    "match_kind",
    "match_probability",
    "case_status",
    "allocated_worker",
]


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    data = synthetic.generate(cases=150, extract=3000, seed=21)
    case_list, extract = data.write(tmp_path_factory.mktemp("mash"))
    return data, case_list, extract


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
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def test_it_writes_the_contracts_columns_sorted_with_four_decimal_places(labelled, tmp_path):
    data, case_list, extract = labelled
    columns, rows = check(case_list, extract, tmp_path / "matches.csv")
    assert columns == COLUMNS
    keys = [(row["case_id"], -float(row["match_probability"])) for row in rows]
    assert keys == sorted(keys)
    assert all(len(row["match_probability"].split(".")[1]) == 4 for row in rows)
    assert {row["match_kind"] for row in rows} == {"person", "address"}
    assert all(float(row["match_probability"]) >= 0.5 for row in rows)
    statuses = {row["record_id"]: row["case_status"] for row in rows}
    copied = {record["record_id"]: record["case_status"] for record in data.extract}
    assert all(copied[record_id] == status for record_id, status in statuses.items())


def test_it_finds_the_labelled_pairs_with_95_percent_precision_and_recall(labelled, tmp_path):
    data, case_list, extract = labelled
    _, rows = check(case_list, extract, tmp_path / "matches.csv")
    found = {(row["case_id"], row["record_id"]): row["match_kind"] for row in rows}
    for kind in ("person", "address"):
        score = evaluation.score(found, data.truth, kind)
        assert score.precision >= 0.95 and score.recall >= 0.95, score


def test_a_pair_is_reported_once(labelled, tmp_path):
    _, case_list, extract = labelled
    _, rows = check(case_list, extract, tmp_path / "matches.csv")
    pairs = [(row["case_id"], row["record_id"]) for row in rows]
    assert len(pairs) == len(set(pairs))


def test_a_higher_threshold_reports_fewer(labelled, tmp_path):
    _, case_list, extract = labelled
    _, default = check(case_list, extract, tmp_path / "a.csv")
    _, strict = check(case_list, extract, tmp_path / "b.csv", "--threshold", "0.99")
    assert 0 < len(strict) < len(default)
    assert all(float(row["match_probability"]) >= 0.99 for row in strict)


def test_the_same_inputs_give_the_same_file(labelled, tmp_path):
    _, case_list, extract = labelled
    check(case_list, extract, tmp_path / "a.csv")
    check(case_list, extract, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


@pytest.mark.parametrize(
    "bad, expected",
    [
        (
            "record_id,forenames,surname,address_line_1,postcode\nR1,a,b,c,d\n",
            "row 1, column date_of_birth",
        ),
        (
            "record_id,forenames,surname,date_of_birth,address_line_1,postcode\nR1,a,b,1/2/1990,c,d\n",
            "row 2, column date_of_birth",
        ),
        (
            "record_id,forenames,surname,date_of_birth,address_line_1,postcode\nR1,a,b,,c,d\nR1,e,f,,g,h\n",
            "row 3, column record_id",
        ),
        (
            "record_id,forenames,surname,date_of_birth,address_line_1,postcode\n,a,b,,c,d\n",
            "row 2, column record_id",
        ),
    ],
    ids=["missing-column", "unreadable-date", "duplicate-id", "empty-id"],
)
def test_a_bad_file_is_an_error_naming_file_row_and_column_and_nothing_is_written(
    labelled, tmp_path, bad, expected
):
    _, case_list, _ = labelled
    extract = tmp_path / "broken.csv"
    extract.write_text(bad, encoding="utf-8")
    out = tmp_path / "matches.csv"
    with pytest.raises(CommandError) as error:
        check(case_list, extract, out)
    assert f"broken.csv, {expected}" in str(error.value)
    assert not out.exists()


def test_the_model_the_run_used_is_kept_beside_the_matches(labelled, tmp_path):
    _, case_list, extract = labelled
    check(case_list, extract, tmp_path / "matches.csv")
    record = json.loads((tmp_path / "matches.model.json").read_text(encoding="utf-8"))
    assert record["model"] == "trained"  # 150 cases and 3,000 records are enough to train
    assert "expectation maximisation" in record["reason"]
    assert record["counts"]["cases"] == 150 and record["counts"]["records"] == 3000
    settings = record["splink_settings"]
    assert settings["link_type"] == "link_only"
    levels = [lvl for c in settings["comparisons"] for lvl in c["comparison_levels"]]
    assert all("m_probability" in lvl for lvl in levels if not lvl.get("is_null_level"))


def test_a_small_case_list_records_the_saved_default_model(tmp_path):
    data = synthetic.generate(cases=10, extract=600, seed=4)
    case_list, extract = data.write(tmp_path)
    check(case_list, extract, tmp_path / "out.csv")
    record = json.loads((tmp_path / "out.model.json").read_text(encoding="utf-8"))
    assert record["model"] == "default"
    assert "fewer than 50" in record["reason"]


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        check(tmp_path / "none.csv", tmp_path / "none.csv", tmp_path / "out.csv")


def test_the_mappa_command_line_maps_mash_check_to_it():
    from django.core.management import get_commands

    assert get_commands()["mash_check"] == "mappa.safeguarding"
