"""The Splink models: comparisons, blocking rules and their fixed parameters.

Two models run on the same prepared tables. The **person** model asks whether an
extract record is the case's person (name and date of birth, helped by the address);
its m and u probabilities are trained on the data being linked (`training`), and the
values here are where training starts and what the saved default model was trained
from. The **address** model asks whether a record lives at one of the case's addresses;
it has a single comparison, which expectation maximisation cannot estimate on its own,
so its parameters stay fixed here (see docs/mash.md). Term frequencies are taken from
the data at run time, so a common surname, forename or postcode counts for less than a
rare one.

Each level is (label, verdict, SQL condition, m, u). The verdict says how the
field is shown to the named person: agrees, partly agrees, disagrees or missing.
"""

from __future__ import annotations

AGREES, PARTLY, DISAGREES, MISSING = "agrees", "partly agrees", "disagrees", "missing"
JW = "jaro_winkler_similarity"
DL = "damerau_levenshtein"


def _near(column: str, jw: float) -> str:
    return f"({DL}({column}_l, {column}_r) <= 1 OR {JW}({column}_l, {column}_r) >= {jw})"


def _close(left: str, right: str) -> str:
    return f"({DL}({left}, {right}) <= 1 OR {JW}({left}, {right}) >= 0.92)"


# Forenames and surname written the other way round: each agrees with the other's, exactly
# or a typing error apart ("Harriet White" and "Whiite Harriet"), a surname of two words
# given as forenames agreeing written together ("Chelsea Van Groesen", "Van Groesen
# Chelsea"). Both halves must agree: half a swap is not one.
JOINED = "array_to_string(forenames_all_{side}, '')"
SWAPPED = (
    f"({_close('forename1_l', 'surname_r')} OR {_close(JOINED.format(side='l'), 'surname_r')}) "
    f"AND ({_close('surname_l', 'forename1_r')} OR {_close('surname_l', JOINED.format(side='r'))})"
)

FORENAME = (
    "forename",
    "Forename",
    [
        ("missing", MISSING, "forename1_l IS NULL OR forename1_r IS NULL", None, None),
        ("the same", AGREES, "forename1_l = forename1_r", 0.82, 0.004),
        (
            "the same name (nickname)",
            AGREES,
            "list_has_any(forename_groups_l, forename_groups_r)",
            0.07,
            0.001,
        ),
        (
            "the other's surname (names swapped)",
            PARTLY,
            SWAPPED,
            0.03,
            0.0005,
        ),
        ("a typing error apart", PARTLY, _near("forename1", 0.92), 0.05, 0.002),
        (
            "an initial that agrees",
            PARTLY,
            "(length(forename1_l) = 1 OR length(forename1_r) = 1) "
            "AND left(forename1_l, 1) = left(forename1_r, 1)",
            0.02,
            0.01,
        ),
        (
            "another forename in common",
            PARTLY,
            "len(list_intersect(forenames_all_l, forenames_all_r)) >= 1",
            0.02,
            0.003,
        ),
        ("similar", PARTLY, f"{JW}(forename1_l, forename1_r) >= 0.8", 0.015, 0.02),
        ("different", DISAGREES, "ELSE", 0.005, 0.96),
    ],
    "forename1",
)

SURNAME = (
    "surname",
    "Surname",
    [
        ("missing", MISSING, "surname_l IS NULL OR surname_r IS NULL", None, None),
        ("the same", AGREES, "surname_l = surname_r", 0.88, 0.0005),
        (
            "the other's forename (names swapped)",
            PARTLY,
            SWAPPED,
            0.03,
            0.0005,
        ),
        ("a typing error apart", PARTLY, _near("surname", 0.92), 0.06, 0.001),
        ("similar", PARTLY, f"{JW}(surname_l, surname_r) >= 0.8", 0.02, 0.01),
        ("different", DISAGREES, "ELSE", 0.04, 0.9885),
    ],
    "surname",
)

DATE_OF_BIRTH = (
    "dob",
    "Date of birth",
    [
        ("missing", MISSING, "dob_l IS NULL OR dob_r IS NULL", None, None),
        ("the same", AGREES, "dob_l = dob_r", 0.88, 0.00004),
        (
            "day and month swapped",
            PARTLY,
            "dob_l = dob_swapped_r OR dob_r = dob_swapped_l",
            0.03,
            0.00004,
        ),
        (
            "a typing error apart",
            PARTLY,
            f"{DL}(CAST(dob_l AS VARCHAR), CAST(dob_r AS VARCHAR)) <= 1",
            0.05,
            0.0003,
        ),
        ("within a year", PARTLY, "abs(date_diff('day', dob_l, dob_r)) <= 366", 0.02, 0.03),
        ("different", DISAGREES, "ELSE", 0.02, 0.96966),
    ],
    None,
)

# In the person model the address is evidence like any other; its weights are trained. A
# house number missing on one side, lines in the other order ("Flat 2, 14 Mill Lane" and
# "14 Mill Lane, Flat 2") and a spacing or typing error in the street still agree on
# the street (`street_agrees`).
STREET_AGREES = (
    f"(list_has_any(street_keys_l, street_keys_r) OR "
    f"{JW}(street_keys_l[1], street_keys_r[1]) >= 0.9)"
)
HOME = (
    "home",
    "Address",
    [
        (
            "missing",
            MISSING,
            "(pc_l IS NULL OR pc_r IS NULL) AND (len(street_keys_l) = 0 OR len(street_keys_r) = 0)",
            None,
            None,
        ),
        (
            "the same",
            AGREES,
            f"pc_l = pc_r AND numbers_l = numbers_r AND {STREET_AGREES}",
            0.5,
            0.0005,
        ),
        (
            "the same postcode and street, no number on one side",
            PARTLY,
            f"pc_l = pc_r AND (numbers_l IS NULL OR numbers_r IS NULL) AND {STREET_AGREES}",
            0.03,
            0.0005,
        ),
        (
            "the same street and number, postcode differs",
            PARTLY,
            f"numbers_l = numbers_r AND {STREET_AGREES}",
            0.05,
            0.0005,
        ),
        (
            "the same postcode and number",
            PARTLY,
            "pc_l = pc_r AND numbers_l = numbers_r",
            0.05,
            0.001,
        ),
        ("the same postcode", PARTLY, "pc_l = pc_r", 0.05, 0.01),
        ("the same street", PARTLY, STREET_AGREES, 0.02, 0.01),
        ("different", DISAGREES, "ELSE", 0.3, 0.97),
    ],
    None,
)

# In the address model the question is whether two addresses are the same place, so full
# agreement after normalising is near-certain and neighbours (same postcode, another
# number) count against.
PLACE = (
    "place",
    "Address",
    [
        (
            "missing",
            MISSING,
            "(pc_l IS NULL OR pc_r IS NULL) AND (street_l IS NULL OR street_r IS NULL)",
            None,
            None,
        ),
        (
            "the same",
            AGREES,
            f"pc_l = pc_r AND numbers_l = numbers_r AND (street_l IS NULL OR street_r IS NULL "
            f"OR {JW}(street_l, street_r) >= 0.88)",
            0.8,
            1e-9,
        ),
        (
            "the same postcode and number",
            PARTLY,
            "pc_l = pc_r AND numbers_l = numbers_r",
            0.08,
            1e-8,
        ),
        (
            "the same number and street, postcode differs",
            PARTLY,
            "numbers_l = numbers_r AND street_l = street_r AND (pc_l IS NULL OR pc_r IS NULL "
            "OR (pc_sector_l = pc_sector_r AND town_l = town_r))",
            0.08,
            1e-8,
        ),
        (
            "the same postcode and street, no number",
            PARTLY,
            f"pc_l = pc_r AND (numbers_l IS NULL OR numbers_r IS NULL) "
            f"AND {JW}(street_l, street_r) >= 0.88",
            0.02,
            1e-6,
        ),
        ("the same postcode, another number", DISAGREES, "pc_l = pc_r", 0.005, 1e-5),
        ("different", DISAGREES, "ELSE", 0.015, 0.99998),
    ],
    None,
)

# An identifier both files carry (`nhs_number`, optional in mash-check.md): the same number
# is strong evidence of one person, and a twin or a same-name parent has another. It is
# compared only when both files carry it (`person_comparisons`); its weights are trained.
IDENTIFIER = (
    "identifier",
    "NHS number",
    [
        ("missing", MISSING, "identifier_l IS NULL OR identifier_r IS NULL", None, None),
        ("the same", AGREES, "identifier_l = identifier_r", 0.9, 1e-6),
        ("a typing error apart", PARTLY, f"{DL}(identifier_l, identifier_r) <= 1", 0.08, 1e-5),
        ("different", DISAGREES, "ELSE", 0.02, 0.999989),
    ],
    None,
)

PERSON_COMPARISONS = (FORENAME, SURNAME, DATE_OF_BIRTH, HOME)
ADDRESS_COMPARISONS = (PLACE,)

# Blocking: only pairs that agree on one of these are compared. Each is an equality join,
# so the cost grows with the case list and how common the values are, not extract size².
# Several rules for recall: a true pair is lost only if it fails every one.
PERSON_BLOCKING = (
    "l.dob = r.dob",
    "l.dob = r.dob_swapped",
    "l.surname = r.surname AND l.birth_year = r.birth_year",
    "l.forename1 = r.forename1 AND l.surname = r.surname",
    "l.forename_sx = r.forename_sx AND l.surname_sx = r.surname_sx",
    "l.pc = r.pc",
    "l.numbers = r.numbers AND l.street = r.street",
)
IDENTIFIER_BLOCKING = "l.identifier = r.identifier"
ADDRESS_BLOCKING = ("l.pc = r.pc", "l.numbers = r.numbers AND l.street = r.street")

# A fixed prior for the address model: addresses agree by chance only through errors.
ADDRESS_PRIOR = 1e-6


def person_comparisons(identifier: bool = False) -> tuple:
    """The person model's comparisons: with the identifier when both files carry one."""
    return PERSON_COMPARISONS + ((IDENTIFIER,) if identifier else ())


def person_blocking(identifier: bool = False) -> tuple:
    return PERSON_BLOCKING + ((IDENTIFIER_BLOCKING,) if identifier else ())


def _level(label, sql, m, u, tf_column, null: bool) -> dict:
    level = {"sql_condition": sql, "label_for_charts": label}
    if null:
        level["is_null_level"] = True
        return level
    level |= {"m_probability": m, "u_probability": u}
    if tf_column and label == "the same":
        level["tf_adjustment_column"] = tf_column
        level["tf_adjustment_weight"] = 1.0
    return level


def comparison(spec) -> dict:
    name, description, levels, tf_column = spec
    return {
        "output_column_name": name,
        "comparison_description": description,
        "comparison_levels": [
            _level(label, sql, m, u, tf_column, null=index == 0)
            for index, (label, _verdict, sql, m, u) in enumerate(levels)
        ],
    }


def settings(comparisons, blocking, prior: float) -> dict:
    """A Splink settings dictionary (link only: the case list against the extract)."""
    return {
        "link_type": "link_only",
        "unique_id_column_name": "unique_id",
        "probability_two_random_records_match": prior,
        "comparisons": [comparison(spec) for spec in comparisons],
        "blocking_rules_to_generate_predictions": [
            {"blocking_rule": rule, "sql_dialect": "duckdb"} for rule in blocking
        ],
        "retain_matching_columns": True,
        "retain_intermediate_calculation_columns": False,
        "additional_columns_to_retain": ["key"],
    }


def verdicts(spec) -> dict[int, tuple[str, str]]:
    """Splink's comparison vector value for each level → (label, verdict)."""
    _name, _description, levels, _tf = spec
    top = len(levels) - 2
    table = {-1: (levels[0][0], levels[0][1])}
    for index, (label, verdict, *_rest) in enumerate(levels[1:]):
        table[top - index] = (label, verdict)
    return table
