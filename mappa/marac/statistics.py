"""The MARAC co-ordinator's statistics per quarter: cases heard, the repeat rate, referrals by
agency, and cases with children (SafeLives' MARAC data measures; domain.md §7.3)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db.models import Count

from mappa import csv_cells
from mappa.agencies.constants import AgencyKind
from mappa.marac import rules
from mappa.marac.models import AgendaItem, MaracCase

QUARTERS_OFFERED = 8


@dataclass(frozen=True)
class Statistics:
    start: date
    end: date
    heard: int
    repeats: int
    with_children: int
    referrals: int
    by_agency: list[tuple[str, str, int]]

    @property
    def label(self) -> str:
        return rules.quarter_label(self.start)

    @property
    def repeat_rate(self) -> float | None:
        return rules.percentage(self.repeats, self.heard)

    @property
    def children_rate(self) -> float | None:
        return rules.percentage(self.with_children, self.heard)


def quarters(today: date) -> list[date]:
    """The first days of this quarter and the ones before it, newest first."""
    start, _ = rules.quarter_of(today)
    found = [start]
    while len(found) < QUARTERS_OFFERED:
        found.append(rules.previous_quarter(found[-1]))
    return found


def for_quarter(area_id, start: date) -> Statistics:
    start, end = rules.quarter_of(start)
    heard = AgendaItem.objects.filter(
        heard=True, meeting__area_id=area_id, meeting__date__range=(start, end)
    ).select_related("case__dash")
    items = list(heard)
    referrals = MaracCase.objects.filter(area_id=area_id, referred_on__range=(start, end))
    kinds = dict(AgencyKind.choices)
    by_agency = [
        (row["referring_agency__name"], kinds.get(row["referring_agency__kind"], ""), row["count"])
        for row in referrals.values("referring_agency__name", "referring_agency__kind")
        .annotate(count=Count("id"))
        .order_by("-count", "referring_agency__name")
    ]
    return Statistics(
        start=start,
        end=end,
        heard=len(items),
        repeats=sum(1 for item in items if item.case.is_repeat),
        with_children=sum(1 for item in items if item.case.dash.children_count > 0),
        referrals=referrals.count(),
        by_agency=by_agency,
    )


def as_csv(stats: Statistics, *, area_name: str, recipient: str, produced_at: datetime) -> str:
    """The figures as CSV, headed by the protective marking, the recipient and the time."""
    out = io.StringIO()
    writer = csv_cells.writer(out, lineterminator="\n")
    writer.writerow([settings.MAPPA_PROTECTIVE_MARKING])
    writer.writerow([f"MARAC statistics for {area_name}, {stats.label}"])
    writer.writerow([f"Produced for {recipient} on {produced_at:%-d %B %Y at %H:%M}"])
    writer.writerow(["measure", "agency", "value"])
    writer.writerow(["cases_heard", "", stats.heard])
    writer.writerow(["repeat_cases_heard", "", stats.repeats])
    writer.writerow(["repeat_rate_percent", "", _blank(stats.repeat_rate)])
    writer.writerow(["cases_heard_with_children", "", stats.with_children])
    writer.writerow(["cases_heard_with_children_percent", "", _blank(stats.children_rate)])
    writer.writerow(["referrals", "", stats.referrals])
    for name, _kind, count in stats.by_agency:
        writer.writerow(["referrals_by_agency", name, count])
    return out.getvalue()


def _blank(value) -> str:
    return "" if value is None else str(value)
