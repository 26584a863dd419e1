"""Each comparison of the person model gives the level its rule promises (issue 20, item 2).

A record pair is normalised as a run normalises it (`prepare.load`) and each comparison's
levels are tried in order, as Splink tries them; the first that holds is the one the pair
gets. The rules: dates of birth with day and month transposed and single-digit typos,
missing values as missing (not as disagreement), nicknames from the `nicknames` package,
addresses that tolerate missing house numbers, swapped lines, spacing and abbreviations.
"""

import duckdb
import pytest

from mappa.linkage import model, prepare

BASE = {
    "key": "x",
    "forenames": "William",
    "surname": "Ashworth",
    "date_of_birth": "1984-03-07",
    "address_line_1": "14 Mill Lane",
    "address_line_2": None,
    "town": "Bedford",
    "postcode": "MK42 8PP",
}
SPECS = {
    spec[0]: spec for spec in model.person_comparisons(identifier=True) + model.ADDRESS_COMPARISONS
}


def level(comparison: str, left: dict, right: dict) -> str:
    """The label of the first level of `comparison` that the pair (left, right) meets."""
    con = duckdb.connect(":memory:")
    for name, changes in (("l", left), ("r", right)):
        row = {**BASE, **changes}
        prepare.load(con, name, {column: [row.get(column)] for column in prepare.FIELDS})
    columns = [d[0] for d in con.execute("SELECT * FROM l").description]
    pairs = ", ".join(f"l.{c} AS {c}_l, r.{c} AS {c}_r" for c in columns)
    _name, _description, levels, _tf = SPECS[comparison]
    labels = [label for label, *_ in levels]
    cases = " ".join(
        f"WHEN {sql} THEN {number}"
        for number, (_label, _verdict, sql, *_) in enumerate(levels)
        if sql != "ELSE"
    )
    sql = f"SELECT CASE {cases} ELSE {len(levels) - 1} END FROM (SELECT {pairs} FROM l, r)"
    return labels[con.execute(sql).fetchall()[0][0]]


@pytest.mark.parametrize(
    "left, right, expected",
    [
        ({}, {}, "the same"),
        ({}, {"forenames": "WILLIAM"}, "the same"),
        ({}, {"forenames": "Bill"}, "the same name (nickname)"),  # nicknames package
        ({"forenames": "Peggy"}, {"forenames": "Margaret"}, "the same name (nickname)"),
        (
            {},
            {"forenames": "Ashworth", "surname": "William"},
            "the other's surname (names swapped)",
        ),
        ({}, {"forenames": "Ashworth", "surname": "Quill"}, "different"),  # half a swap is not one
        (  # swapped, and one of them mistyped (FEBRL: "Harriet White", "Whiite Harriet")
            {},
            {"forenames": "Ashwroth", "surname": "William"},
            "the other's surname (names swapped)",
        ),
        (  # a surname of two words given as the forenames
            {"surname": "Van Groesen"},
            {"forenames": "Van Groesen", "surname": "William"},
            "the other's surname (names swapped)",
        ),
        ({}, {"forenames": "Ashwroth", "surname": "Quill"}, "different"),  # still half a swap
        ({}, {"forenames": "Wiliam"}, "a typing error apart"),
        ({}, {"forenames": "W"}, "an initial that agrees"),
        (
            {"forenames": "John William"},
            {"forenames": "Paul William"},
            "another forename in common",
        ),
        ({}, {"forenames": None}, "missing"),
        ({}, {"forenames": "Harold"}, "different"),
    ],
)
def test_forename_levels(left, right, expected):
    assert level("forename", left, right) == expected


@pytest.mark.parametrize(
    "left, right, expected",
    [
        ({}, {}, "the same"),
        ({}, {"surname": "Ashford"}, "similar"),
        ({}, {"surname": "O'Ashworth"}, "a typing error apart"),
        ({}, {"surname": "Ashwroth"}, "a typing error apart"),
        (
            {},
            {"forenames": "Ashworth", "surname": "William"},
            "the other's forename (names swapped)",
        ),
        ({}, {"surname": None}, "missing"),
        ({}, {"surname": "Quill"}, "different"),
    ],
)
def test_surname_levels(left, right, expected):
    assert level("surname", left, right) == expected


@pytest.mark.parametrize(
    "left, right, expected",
    [
        ({}, {}, "the same"),
        ({}, {"date_of_birth": "1984-07-03"}, "day and month swapped"),
        ({}, {"date_of_birth": "1984-03-08"}, "a typing error apart"),  # one digit of the day
        ({}, {"date_of_birth": "1985-03-07"}, "a typing error apart"),  # one digit of the year
        ({}, {"date_of_birth": "1984-09-30"}, "within a year"),
        ({}, {"date_of_birth": None}, "missing"),  # missing is not disagreement
        ({"date_of_birth": None}, {"date_of_birth": None}, "missing"),
        ({}, {"date_of_birth": "1961-10-30"}, "different"),
    ],
)
def test_date_of_birth_levels(left, right, expected):
    assert level("dob", left, right) == expected


@pytest.mark.parametrize(
    "left, right, expected",
    [
        ({}, {}, "the same"),
        ({}, {"address_line_1": "14, MILL LN.", "postcode": "mk428pp"}, "the same"),
        (  # lines written the other way round
            {"address_line_1": "Flat 2", "address_line_2": "14 Mill Lane"},
            {"address_line_1": "14 Mill Lane", "address_line_2": "Flat 2"},
            "the same",
        ),
        (
            {"address_line_1": "14 Hartley Street"},
            {"address_line_1": "14 Hartleystreet"},
            "the same",
        ),
        (  # the house number missing on one side
            {},
            {"address_line_1": "Mill Lane"},
            "the same postcode and street, no number on one side",
        ),
        ({}, {"postcode": "MK41 7AB"}, "the same street and number, postcode differs"),
        ({}, {"postcode": None}, "the same street and number, postcode differs"),
        ({}, {"address_line_1": "14 Brook Close"}, "the same postcode and number"),
        ({}, {"address_line_1": "16 Mill Lane"}, "the same postcode"),  # a neighbour
        ({}, {"address_line_1": "3 Mill Lane", "postcode": "MK40 1AA"}, "the same street"),
        ({}, {"address_line_1": None, "postcode": None}, "missing"),
        ({}, {"address_line_1": "9 Elm Road", "postcode": "LU2 2BB"}, "different"),
    ],
)
def test_address_levels_in_the_person_model(left, right, expected):
    assert level("home", left, right) == expected


@pytest.mark.parametrize(
    "left, right, expected",
    [
        ({}, {"address_line_1": "14, MILL LN.", "postcode": "mk42 8pp"}, "the same"),
        (
            {},
            {"address_line_1": "Mill Lane"},
            "the same postcode and street, no number",
        ),
        ({}, {"address_line_1": "16 Mill Lane"}, "the same postcode, another number"),
        ({}, {"address_line_1": "9 Elm Road", "postcode": "LU2 2BB"}, "different"),
    ],
)
def test_address_levels_in_the_address_model(left, right, expected):
    assert level("place", left, right) == expected


def test_a_nickname_group_comes_from_the_package():
    from mappa.linkage import nicknames

    assert "william" in nicknames.groups("Bill")
    assert "bill" in nicknames.short_forms("William")
    assert not nicknames.groups("")


# mash-check.md, optional `nhs_number`: compared only when both files carry it.
@pytest.mark.parametrize(
    "left, right, expected",
    [
        ({"nhs_number": "943 476 5919"}, {"nhs_number": "9434765919"}, "the same"),
        ({"nhs_number": "943-476-5919"}, {"nhs_number": "943 476 5919"}, "the same"),
        ({"nhs_number": "9434765919"}, {"nhs_number": "9434765918"}, "a typing error apart"),
        ({"nhs_number": "9434765919"}, {"nhs_number": "9434769519"}, "a typing error apart"),
        ({"nhs_number": "9434765919"}, {"nhs_number": "4010232137"}, "different"),
        ({"nhs_number": "9434765919"}, {"nhs_number": None}, "missing"),
        ({}, {}, "missing"),
        ({"nhs_number": "  "}, {"nhs_number": "9434765919"}, "missing"),
    ],
)
def test_identifier_levels(left, right, expected):
    assert level("identifier", left, right) == expected


def test_the_identifier_is_compared_only_when_asked():
    assert model.IDENTIFIER not in model.person_comparisons()
    assert model.person_comparisons(identifier=True)[-1] is model.IDENTIFIER
    assert model.IDENTIFIER_BLOCKING in model.person_blocking(identifier=True)
    assert model.IDENTIFIER_BLOCKING not in model.person_blocking()
