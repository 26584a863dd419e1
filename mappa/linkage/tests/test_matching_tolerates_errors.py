"""Person and address matching tolerate the errors real records have (mash-check.md)."""

import pytest

from mappa.linkage.tests.helpers import CASE, record, run


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"surname": "Ashwroth"},  # typing error
        {"forenames": "Ashworth", "surname": "William"},  # swapped
        {"forenames": "Bill"},  # nickname
        {"date_of_birth": ""},  # missing
        {"date_of_birth": "1984-07-03"},  # day and month transposed
        {"date_of_birth": "1985-03-07"},  # a digit of the year mistyped
        {"forenames": "W"},  # an initial
        {"forenames": "Ashwroth", "surname": "William"},  # swapped, and a typing error
    ],
    ids=[
        "exact",
        "typo",
        "swapped",
        "nickname",
        "missing-dob",
        "transposed",
        "dob-typo",
        "initial",
        "swapped-typo",
    ],
)
def test_the_same_person_is_found_despite_one_error(fields):
    found = run([record("R1", **fields)])
    assert found["R1"].match_kind == "person"


def test_an_alias_on_the_case_list_finds_the_record_under_that_name():
    case = {**CASE, "aliases": "Billy Kidd; Will Ashworth-Brown"}
    found = run([record("R1", forenames="Billy", surname="Kidd")], cases=[case])
    assert found["R1"].match_kind == "person"


def test_a_child_at_the_address_is_an_address_match_whatever_the_formatting():
    child = record(
        "R2",
        forenames="Amy",
        surname="Price",
        date_of_birth="2015-06-01",
        address_line_1="12, MILL LN.",
        postcode="mk428pp",
    )
    found = run([child])
    assert found["R2"].match_kind == "address"
    assert found["R2"].fields["Address"] == ("the same", "agrees")


def test_a_twin_at_home_is_someone_at_the_address_not_the_person():
    found = run([record("R3", forenames="Harold")])
    assert found["R3"].match_kind == "address"


def test_a_neighbour_is_not_reported():
    assert "R4" not in run(
        [
            record(
                "R4",
                forenames="Zed",
                surname="Quill",
                date_of_birth="1950-01-01",
                address_line_1="14 Mill Lane",
            )
        ]
    )


def test_a_namesake_born_years_apart_elsewhere_is_not_reported():
    namesake = record(
        "R5", date_of_birth="1961-10-30", address_line_1="3 Oak Road", postcode="LU1 1AA"
    )
    assert "R5" not in run([namesake])


def test_a_common_surname_counts_for_less_than_a_rare_one():
    smith_case = {**CASE, "case_id": "CASE2", "surname": "Smith"}
    moved = {"address_line_1": "9 Elm Road", "postcode": "LU2 2BB", "date_of_birth": ""}
    rare = run([record("R6", **moved)], threshold=0.0001)
    common = run([record("R7", **moved, surname="Smith")], cases=[smith_case], threshold=0.0001)
    assert common["R7"].match_probability < rare["R6"].match_probability


def test_the_fields_that_agreed_and_disagreed_are_given():
    found = run([record("R8", forenames="Bill", date_of_birth="1984-07-03")])
    fields = found["R8"].fields
    assert fields["Forename"] == ("the same name (nickname)", "agrees")
    assert fields["Date of birth"] == ("day and month swapped", "partly agrees")
    assert fields["Surname"][1] == "agrees"


def test_the_same_inputs_give_the_same_output():
    records = [
        record("R1", surname="Ashwroth"),
        record("R2", forenames="Amy", date_of_birth="2015-06-01"),
    ]
    first = [
        (c.case_id, c.record_id, c.match_kind, c.match_probability) for c in run(records).values()
    ]
    second = [
        (c.case_id, c.record_id, c.match_kind, c.match_probability) for c in run(records).values()
    ]
    assert first == second


def test_the_same_nhs_number_makes_a_replaced_forename_the_person():
    case = {**CASE, "nhs_number": "943 476 5919"}
    found = run([record("R4", forenames="Harold", nhs_number="9434765919")], cases=[case])
    assert found["R4"].match_kind == "person"
    assert found["R4"].fields["NHS number"] == ("the same", "agrees")


def test_a_twin_with_another_nhs_number_is_still_someone_at_the_address():
    case = {**CASE, "nhs_number": "9434765919"}
    found = run([record("R5", forenames="Harold", nhs_number="4010232137")], cases=[case])
    assert found["R5"].match_kind == "address"


def test_a_child_with_no_nhs_number_at_the_offenders_home_is_not_the_offender():
    case = {**CASE, "nhs_number": "9434765919"}
    child = record("R6", forenames="Amy", date_of_birth="2015-06-01", nhs_number="")
    found = run([child], cases=[case])
    assert found["R6"].match_kind == "address"
