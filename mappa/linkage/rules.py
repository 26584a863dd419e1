"""Pure rules of the MASH check, from the fixed contract (shared/contracts/mash-check.md)."""

from __future__ import annotations

import re

PERSON = "person"
ADDRESS = "address"
# mash-check.md "Matches (output)": the default threshold.
DEFAULT_THRESHOLD = 0.5
# mash-check.md: dates are YYYY-MM-DD.
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# mash-check.md "Matches (output)": a pair is reported once, under the kind that fits best.
def match_kind(
    person_probability: float | None, address_probability: float | None, threshold: float
) -> str | None:
    """`person` when the person model reaches the threshold, else `address` when that does."""
    if person_probability is not None and person_probability >= threshold:
        return PERSON
    if address_probability is not None and address_probability >= threshold:
        return ADDRESS
    return None


# mash-check.md "Matches (output)": match_probability 0–1, four decimal places.
def rounded(probability: float) -> str:
    return f"{min(max(probability, 0.0), 1.0):.4f}"


# mash-check.md "Matches (output)": sorted by case_id, then match_probability descending.
def output_order(case_id: str, probability: float, record_id: str) -> tuple:
    return (case_id, -round(probability, 4), record_id)


# mash-check.md "Case list": aliases are `forenames surname` pairs separated by `;`.
def split_aliases(aliases: str | None) -> list[tuple[str, str]]:
    """Each alias as (forenames, surname): the last word is the surname."""
    names = []
    for alias in (aliases or "").split(";"):
        words = alias.split()
        if len(words) >= 2:
            names.append((" ".join(words[:-1]), words[-1]))
        elif len(words) == 1:
            names.append(("", words[0]))
    return names


# Prior: about half of the people on a MAPPA case list are known to children's social care
# (local experience; a model parameter, documented in docs/mash.md), and each person is one
# record among the extract's n, so a random case-record pair matches with probability rate / n.
# A smaller file is taken as a sample of a register of at least `smallest_register` records,
# so that a small extract does not make every pair look likely.
def person_prior(
    extract_size: int, known_rate: float = 0.5, smallest_register: int = 100_000
) -> float:
    return known_rate / max(extract_size, smallest_register)


# mash-check.md "Matches (output)": `person` is the same person "by name and date of
# birth"; `address` is "a different person living at the case's address (a possible
# associated child or household member)". A forename that simply differs (not a nickname,
# initial, typing error, swap or alias) is another person: twins and siblings share a
# surname, a birthday and often an address. At the same home, a date of birth that simply
# differs (not day and month swapped, a typing error or within a year) is another person
# too: a parent and a child, or siblings, of the same name. Unless both records carry
# the same identifier (an NHS number, exactly or a typing error apart: mash-check.md's
# optional `nhs_number`): one number is issued to one person (the NHS number, the
# consistent identifier of the Health and Social Care Act 2012 s.251A), so a twin or a
# same-name parent has another, and a pair agreeing on it is one person whose forename
# or birth date was recorded wrongly.
def another_person(
    same_home: bool, forename_differs: bool, birth_differs: bool, identifier_agrees: bool = False
) -> bool:
    """True when a pair can be no person match: two people (a household's, or namesakes)."""
    if identifier_agrees:
        return False
    return forename_differs or (same_home and birth_differs)


# Issue 20 and docs/mash.md: the person model is trained on the data being linked, unless
# there is too little of it. Expectation maximisation needs enough true pairs in each
# blocked set to find them (a blocked EM step fails on 200 records: machine notes).
SMALLEST_CASE_LIST_TO_TRAIN = 50
SMALLEST_EXTRACT_TO_TRAIN = 500


def trainable(cases: int, records: int) -> str | None:
    """None when the inputs are large enough to train on; else why not."""
    if cases < SMALLEST_CASE_LIST_TO_TRAIN:
        return f"{cases} cases, fewer than {SMALLEST_CASE_LIST_TO_TRAIN}, too few to train on"
    if records < SMALLEST_EXTRACT_TO_TRAIN:
        return f"{records} records, fewer than {SMALLEST_EXTRACT_TO_TRAIN}, too few to train on"
    return None


def counts_term_frequencies(records: int) -> bool:
    """Term frequencies are counted from an extract of at least the size trained on."""
    return records >= SMALLEST_EXTRACT_TO_TRAIN


def within(value: float, low: float = 0.0, high: float = 1.0) -> bool:
    return low <= value <= high
