"""Precision and recall of a run against a labelled set, by match kind; the kinds of
difference a pair carries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import jellyfish

from mappa.linkage import nicknames


@dataclass(frozen=True)
class Score:
    kind: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(found: dict[tuple[str, str], str], truth: dict[tuple[str, str], str], kind: str) -> Score:
    """Compare found pairs (pair → kind) with the true ones for one kind."""
    predicted = {pair for pair, k in found.items() if k == kind}
    actual = {pair for pair, k in truth.items() if k == kind}
    return Score(kind, len(predicted & actual), len(predicted - actual), len(actual - predicted))


# What kind of difference two forenames or two dates of birth of a pair carry, to say
# where the misses are (issue 20, item 3) and whether the other-person rule
# (rules.another_person) could tell a mistyped name from another person's. The kinds
# follow the errors a person-data generator makes (FEBRL's: Christen, "Probabilistic
# data generation for deduplication and data linkage", IDEAL 2005: typing, OCR and
# phonetic errors, truncation, and replacing a whole value) and the person model's
# forename and date levels (model.FORENAME, model.DATE_OF_BIRTH). First kind that fits.
ANOTHER_NAME = "another name"
ANOTHER_DATE = "another date"


def _first_forename(name: str) -> str:
    words = re.sub(r"[^a-z]+", " ", name.lower()).split()
    return words[0] if words else ""


def forename_difference(left: str | None, right: str | None) -> str:
    """How the first forenames of a pair differ (lower case, letters only)."""
    a, b = _first_forename(left or ""), _first_forename(right or "")
    if not a or not b:
        return "missing"
    if a == b:
        return "the same"
    if nicknames.groups(a) & nicknames.groups(b):
        return "a nickname"
    if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return "an initial"
    if a.startswith(b) or b.startswith(a):
        return "shortened"
    edits = jellyfish.damerau_levenshtein_distance(a, b)
    # One edit in any name; two in a name of six letters or more (a third of it at most).
    if edits <= 1 or (edits == 2 and max(len(a), len(b)) >= 6):
        return "a typing error"
    if jellyfish.metaphone(a) == jellyfish.metaphone(b):
        return "sounds the same"
    if jellyfish.jaro_winkler_similarity(a, b) >= 0.8:
        return "similar"
    return ANOTHER_NAME


def birth_difference(left: str | None, right: str | None) -> str:
    """How two dates of birth (YYYY-MM-DD) of a pair differ."""
    if not left or not right:
        return "missing"
    if left == right:
        return "the same"
    year, month, day = left.split("-")
    if right == f"{year}-{day}-{month}":
        return "day and month swapped"
    if jellyfish.damerau_levenshtein_distance(left, right) <= 1:
        return "a typing error"
    if abs((date.fromisoformat(left) - date.fromisoformat(right)).days) <= 366:
        return "within a year"
    return ANOTHER_DATE
