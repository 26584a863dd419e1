import pytest

from mappa.linkage import rules


def test_a_pair_is_a_person_match_when_the_person_model_reaches_the_threshold():
    assert rules.match_kind(0.9, 0.99, 0.5) == "person"


def test_otherwise_it_is_an_address_match_when_the_address_model_does():
    assert rules.match_kind(0.2, 0.99, 0.5) == "address"
    assert rules.match_kind(None, 0.5, 0.5) == "address"


def test_otherwise_it_is_not_reported():
    assert rules.match_kind(0.49, 0.3, 0.5) is None


def test_probabilities_have_four_decimal_places():
    assert rules.rounded(0.123456) == "0.1235" and rules.rounded(1.0000001) == "1.0000"


def test_aliases_are_forenames_and_surname_pairs_separated_by_semicolons():
    assert rules.split_aliases("Johnny Smith; Mary Ann Jones;Cole") == [
        ("Johnny", "Smith"),
        ("Mary Ann", "Jones"),
        ("", "Cole"),
    ]


def test_the_prior_falls_as_the_extract_grows_but_not_below_a_small_registers():
    assert rules.person_prior(1_000_000) == 0.5 / 1_000_000
    assert rules.person_prior(10) == rules.person_prior(100_000)


def test_output_order_is_case_then_probability_descending_then_record():
    rows = [("B", 0.9, "r1"), ("A", 0.7, "r2"), ("A", 0.95, "r9"), ("A", 0.7, "r1")]
    assert sorted(rows, key=lambda r: rules.output_order(*r)) == [
        ("A", 0.95, "r9"),
        ("A", 0.7, "r1"),
        ("A", 0.7, "r2"),
        ("B", 0.9, "r1"),
    ]


# mash-check.md "Matches (output)": person is the same person by name and date of birth;
# address is a different person living at the case's address.
@pytest.mark.parametrize(
    "same_home, forename_differs, birth_differs, another",
    [
        (True, True, False, True),  # a twin at home: another forename, the same birthday
        (False, True, False, True),  # a namesake's sibling elsewhere: another forename
        (True, False, True, True),  # a parent and child of one name at one home
        (False, False, True, False),  # the same name born apart elsewhere: the model decides
        (True, False, False, False),  # the same name and birthday at home: the person
    ],
)
def test_a_simply_different_forename_or_birth_at_home_is_another_person(
    same_home, forename_differs, birth_differs, another
):
    assert rules.another_person(same_home, forename_differs, birth_differs) is another


# Health and Social Care Act 2012 s.251A (the consistent identifier, the NHS number): one
# number is one person, so a pair agreeing on it is one person whatever else differs.
@pytest.mark.parametrize(
    "same_home, forename_differs, birth_differs, identifier_agrees, another",
    [
        (True, True, False, True, False),  # a forename replaced; the same NHS number
        (True, False, True, True, False),  # a birth date mistyped; the same NHS number
        (False, True, False, True, False),  # elsewhere, another forename; the same number
        (True, True, False, False, True),  # a twin: another number (or none)
        (True, False, True, False, True),  # a same-name parent: another number (or none)
        (True, False, False, False, False),  # the same name and birthday: the model decides
    ],
)
def test_an_agreeing_identifier_is_never_another_person(
    same_home, forename_differs, birth_differs, identifier_agrees, another
):
    assert (
        rules.another_person(same_home, forename_differs, birth_differs, identifier_agrees)
        is another
    )


def test_term_frequencies_need_an_extract_of_the_size_trained_on():
    assert not rules.counts_term_frequencies(rules.SMALLEST_EXTRACT_TO_TRAIN - 1)
    assert rules.counts_term_frequencies(rules.SMALLEST_EXTRACT_TO_TRAIN)
