"""The kinds of difference the matching bench reports a pair's forenames and dates by."""

import pytest

from mappa.linkage import evaluation


@pytest.mark.parametrize(
    "left, right, kind, why",
    [
        ("William", "william", "the same", "case is not a difference"),
        ("Bill", "William", "a nickname", "the nicknames list groups them"),
        ("W", "William", "an initial", "one is the other's first letter"),
        ("Sam", "Samwise", "shortened", "one begins the other (truncated, not in the list)"),
        ("Wiliam", "William", "a typing error", "one letter dropped"),
        ("Jacqueline", "Jacquelyn", "a typing error", "two edits in a long name"),
        ("Jade", "Jack", "another name", "two edits in a four-letter name are another name"),
        ("Michael", "Michelle", "sounds the same", "same metaphone code (twins, too, can)"),
        ("Tiarna", "Tristan", "another name", "a whole replacement: FEBRL's commonest"),
        ("Luke", "Mia", "another name", "nothing in common"),
        (None, "Mia", "missing", "missing is not a difference"),
    ],
)
def test_forename_differences(left, right, kind, why):
    assert evaluation.forename_difference(left, right) == kind, why


@pytest.mark.parametrize(
    "left, right, kind, why",
    [
        ("1984-03-07", "1984-03-07", "the same", "equal"),
        ("1984-03-07", "1984-07-03", "day and month swapped", "US and UK order"),
        ("1984-03-07", "1985-03-07", "a typing error", "one digit of the year"),
        ("1984-03-07", "1984-03-08", "a typing error", "one digit of the day"),
        ("1984-03-07", "1984-09-30", "within a year", "several digits, months apart"),
        ("1984-03-07", "1961-10-30", "another date", "a whole replacement"),
        ("1984-03-07", None, "missing", "missing is not a difference"),
    ],
)
def test_birth_differences(left, right, kind, why):
    assert evaluation.birth_difference(left, right) == kind, why
