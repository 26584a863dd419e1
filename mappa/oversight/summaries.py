"""Audit summaries per quarter of the statistical year: how many audits, and each item's mean
score in each quarter. Aggregates only: no comments, no meetings or cases named."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from mappa.oversight import rules
from mappa.oversight.charts import Figure
from mappa.oversight.constants import AuditKind, items_for
from mappa.oversight.models import AuditScore, PracticeAudit

QUARTERS = ("April to June", "July to September", "October to December", "January to March")


@dataclass(frozen=True)
class Summary:
    kind: str
    year: int
    counts: list[int]  # audits completed in each quarter
    figure: Figure


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 4, 1), date(year + 1, 3, 31)


def quarterly(area, kind: str, year: int) -> Summary:
    start, end = year_bounds(year)
    audits = PracticeAudit.objects.filter(
        area=area, kind=kind, completed_on__range=(start, end)
    ).values_list("id", "completed_on")
    quarter_of = {audit: rules.quarter_of(day)[1] for audit, day in audits}
    counts = [sum(1 for q in quarter_of.values() if q == n) for n in (1, 2, 3, 4)]
    scores = defaultdict(lambda: defaultdict(list))
    for audit, item, score in AuditScore.objects.filter(audit_id__in=quarter_of).values_list(
        "audit_id", "item", "score"
    ):
        scores[item][quarter_of[audit]].append(score)
    items = items_for(kind)
    series = [
        (f"Quarter {n}: {QUARTERS[n - 1]}", [rules.mean(scores[code][n]) for code, *_ in items])
        for n in (1, 2, 3, 4)
    ]
    series.append(
        ("Whole year", [rules.mean(sum(scores[code].values(), [])) for code, *_ in items])
    )
    label = "meeting audits (MAPPA L)" if kind == AuditKind.MEETING else "case audits"
    figure = Figure(
        id=f"chart-audit-{kind}",
        title=f"Mean score per item, {label}, {year} to {year + 1}",
        description="The mean score of each item of the form in each quarter and the whole "
        "year, from 4 (best) to 1.",
        label_heading="Item",
        labels=[f"{n}. {question}" for n, (_, _, question, _) in enumerate(items, start=1)],
        short_labels=[str(n) for n in range(1, len(items) + 1)],
        series=series,
        kind="horizontal",
    )
    return Summary(kind, year, counts, figure)
