"""The board's per-agency response figures for information requests (issue 18, section 3).

For a period, per agency asked: the requests raised in it, and how each stood at the end of the
period (information_requests.rules.response_outcome): answered on time (on or before its due
date), answered late, declined, withdrawn by the area (not late), or outstanding; and the median
days from raising to answer.
Counts only: no names, no questions, no answers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from django.db.models import Q
from django.utils import timezone

from mappa.information_requests import rules as request_rules
from mappa.information_requests.constants import Status
from mappa.information_requests.models import InformationRequest
from mappa.oversight import rules
from mappa.oversight.charts import Figure

ON_TIME, LATE = request_rules.ON_TIME, request_rules.LATE
OUTSTANDING, DECLINED = request_rules.OUTSTANDING, request_rules.DECLINED
WITHDRAWN = request_rules.WITHDRAWN
HEADINGS = [
    "Agency",
    "Requests",
    "Answered on time",
    "Answered late",
    "Outstanding",
    "Declined",
    "Withdrawn",
    "Median days to answer",
]


def _local(moment) -> date | None:
    return None if moment is None else timezone.localdate(moment)


def responses(area, start: date, end: date) -> dict[str, tuple[Counter, list[int]]]:
    """Requests raised in the period on the area's cases, by the agency asked: their outcomes at
    the end of the period, and the days each answer took (answers given by then)."""
    by_agency: dict[str, tuple[Counter, list[int]]] = defaultdict(lambda: (Counter(), []))
    for (
        agency,
        status,
        due_on,
        requested_at,
        answered_at,
        withdrawn_at,
    ) in InformationRequest.objects.filter(
        Q(case__nominal__area=area) | Q(case__isnull=True, referral__area=area)
    ).values_list(
        "agency__name", "status", "due_on", "requested_at", "answered_at", "withdrawn_at"
    ):
        raised = _local(requested_at)
        if not rules.within(raised, start, end):
            continue
        closed_on = _local(answered_at)
        outcome = request_rules.response_outcome(
            due_on=due_on,
            answered_on=closed_on if status == Status.ANSWERED else None,
            declined_on=closed_on if status == Status.DECLINED else None,
            as_of=end,
            withdrawn_on=_local(withdrawn_at) if status == Status.WITHDRAWN else None,
        )
        counter, days = by_agency[agency]
        counter[outcome] += 1
        if outcome in (ON_TIME, LATE):
            days.append((closed_on - raised).days)
    return dict(sorted(by_agency.items()))


def rows_for(counts: dict[str, tuple[Counter, list[int]]]) -> list[list]:
    return [
        [
            agency,
            sum(counter.values()),
            counter[ON_TIME],
            counter[LATE],
            counter[OUTSTANDING],
            counter[DECLINED],
            counter[WITHDRAWN],
            request_rules.median_days(days),
        ]
        for agency, (counter, days) in counts.items()
    ]


def table(indicator, area, start: date, end: date) -> tuple[list, list[list], Figure, str]:
    """The indicator's headings, rows, chart and summary."""
    counts = responses(area, start, end)
    rows = rows_for(counts)
    figure = Figure(
        id=f"chart-{indicator.slug}",
        title=indicator.title,
        description="Requests answered on time, late, outstanding, declined and withdrawn, by "
        "agency.",
        label_heading="Agency",
        labels=[row[0] for row in rows],
        series=[(HEADINGS[i], [row[i] for row in rows]) for i in range(2, 7)],
        kind="horizontal_stacked",
        colours=("#00703c", "#d4351c", "#505a5f", "#f47738", "#1d70b8"),
    )
    total = sum(row[1] for row in rows)
    answered = sum(row[2] + row[3] for row in rows)
    on_time = sum(row[2] for row in rows)
    percent = rules.percentage(on_time, answered)
    summary = (
        f"{total} request{'s' if total != 1 else ''}: {on_time} of {answered} answered on time"
        + (f" ({percent}%)" if percent is not None else "")
        if total
        else "No information requests were raised in the period."
    )
    return HEADINGS, rows, figure, summary
