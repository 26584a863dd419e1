"""Precision and recall of a run against a labelled set, by match kind."""

from __future__ import annotations

from dataclasses import dataclass


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
