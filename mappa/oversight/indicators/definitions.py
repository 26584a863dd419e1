"""The board's performance indicators: each with its definition, its table and its chart.

An indicator is computed for an area and any period; the same rows make the data table, the
chart beside it and the CSV export. Figures are counts and percentages only.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify

from mappa import csv_cells
from mappa.oversight import rules
from mappa.oversight.charts import Figure
from mappa.oversight.indicators import counts as data
from mappa.oversight.indicators import information_requests

ON_TIME, LATE, PENDING = rules.ON_TIME, rules.LATE, rules.PENDING
TIMELY_COLOURS = ("#00703c", "#d4351c", "#505a5f")


@dataclass(frozen=True)
class Indicator:
    slug: str
    title: str
    definition: str
    build: Callable[[object, date, date, date], Result]


@dataclass(frozen=True)
class Result:
    indicator: Indicator
    start: date
    end: date
    headings: list[str]
    rows: list[list]
    figure: Figure
    summary: str


def _month(day: date) -> str:
    return f"{day:%b %Y}"


def _timely_rows(counts: dict, label: Callable) -> tuple[list[list], Counter]:
    rows, total = [], Counter()
    for key, counter in counts.items():
        due = counter[ON_TIME] + counter[LATE]
        rows.append(
            [
                label(key),
                counter[ON_TIME],
                counter[LATE],
                counter[PENDING],
                rules.percentage(counter[ON_TIME], due),
            ]
        )
        total.update(counter)
    return rows, total


def _timely(
    indicator,
    start,
    end,
    counts,
    *,
    label=_month,
    first="Month",
    words=("On time", "Late", "Not yet due"),
):
    rows, total = _timely_rows(counts, label)
    due = total[ON_TIME] + total[LATE]
    percent = rules.percentage(total[ON_TIME], due)
    headings = [first, *words, f"{words[0]} (%)"]
    figure = Figure(
        id=f"chart-{indicator.slug}",
        title=indicator.title,
        description=f"{words[0]}, {words[1].lower()} and {words[2].lower()} by {first.lower()}.",
        label_heading=first,
        labels=[row[0] for row in rows],
        series=[(name, [row[i + 1] for row in rows]) for i, name in enumerate(words)],
        kind="stacked" if first == "Month" else "horizontal_stacked",
        colours=TIMELY_COLOURS,
    )
    summary = (
        f"{percent}% on time: {total[ON_TIME]} of {due}"
        if percent is not None
        else "Nothing fell due in the period."
    )
    return Result(indicator, start, end, headings, rows, figure, summary)


def _screening(indicator, area, start, end, today):
    counts = data.screening(area, start, end, today)
    return _timely(
        indicator, start, end, counts, words=("Screened within target", "Late", "Not yet due")
    )


def _initial(indicator, area, start, end, today):
    counts = data.initial_meetings(area, start, end, today)
    return _timely(
        indicator, start, end, counts, words=("Held within target", "Late", "Not yet due")
    )


def _minutes(indicator, area, start, end, today):
    counts = data.minutes(area, start, end, today)
    return _timely(
        indicator, start, end, counts, words=("Circulated on time", "Late", "Not yet due")
    )


def _actions(indicator, area, start, end, today):
    counts = data.actions(area, start, end, today)
    return _timely(
        indicator,
        start,
        end,
        counts,
        label=str,
        first="Agency",
        words=("Completed on time", "Late", "Not yet due"),
    )


def _reviews(indicator, area, start, end, today):
    counts = data.reviews(area, start, end)
    return _timely(
        indicator,
        start,
        end,
        counts,
        label=lambda level: f"Level {level}",
        first="Level",
        words=("Held on time", "Late", "Not yet due"),
    )


def _disclosure(indicator, area, start, end, today):
    counts = data.disclosure(area, start, end)
    rows, total = [], Counter()
    for month, counter in counts.items():
        discussed = counter[data.CONSIDERED] + counter[data.NOT_RECORDED]
        rows.append(
            [
                _month(month),
                discussed,
                counter[data.CONSIDERED],
                counter[data.NOT_RECORDED],
                rules.percentage(counter[data.CONSIDERED], discussed),
            ]
        )
        total.update(counter)
    headings = [
        "Month",
        "Cases discussed",
        "Disclosure considered",
        "Not recorded",
        "Considered (%)",
    ]
    figure = Figure(
        id=f"chart-{indicator.slug}",
        title=indicator.title,
        description="Cases discussed with and without a recorded disclosure decision, by month.",
        label_heading="Month",
        labels=[row[0] for row in rows],
        series=[
            ("Disclosure considered", [r[2] for r in rows]),
            ("Not recorded", [r[3] for r in rows]),
        ],
        kind="stacked",
        colours=("#00703c", "#d4351c"),
    )
    discussed = total[data.CONSIDERED] + total[data.NOT_RECORDED]
    percent = rules.percentage(total[data.CONSIDERED], discussed)
    summary = (
        f"{percent}% of {discussed} case discussions considered disclosure"
        if discussed
        else "No case discussions were minuted in the period."
    )
    return Result(indicator, start, end, headings, rows, figure, summary)


def _levels(indicator, area, start, end, today):
    counts = data.levels_over_time(area, start, end)
    rows = [[f"{day:%-d %b %Y}", c[2], c[3], c[2] + c[3]] for day, c in counts.items()]
    headings = ["Month end", "Level 2", "Level 3", "Total"]
    figure = Figure(
        id=f"chart-{indicator.slug}",
        title=indicator.title,
        description="People managed at level 2 and at level 3 at the end of each month.",
        label_heading="Month end",
        labels=[row[0] for row in rows],
        series=[("Level 2", [r[1] for r in rows]), ("Level 3", [r[2] for r in rows])],
        kind="line",
    )
    last = rows[-1] if rows else None
    summary = f"{last[1]} at level 2 and {last[2]} at level 3 on {last[0]}" if last else ""
    return Result(indicator, start, end, headings, rows, figure, summary)


def _information_requests(indicator, area, start, end, today):
    return Result(indicator, start, end, *information_requests.table(indicator, area, start, end))


def _releases(indicator, area, start, end, today):
    counts = data.releases(area, start, end)
    rows = []
    for month, counter in counts.items():
        released = counter[data.PREPARED] + counter[data.UNPREPARED]
        rows.append(
            [
                _month(month),
                released,
                counter[data.PREPARED],
                counter[data.UNPREPARED],
                rules.percentage(counter[data.PREPARED], released),
            ]
        )
    headings = ["Month", "Releases", "Level and plan set", "Without", "Level and plan set (%)"]
    figure = Figure(
        id=f"chart-{indicator.slug}",
        title=indicator.title,
        description="Releases with and without a level set in custody and a plan, by month.",
        label_heading="Month",
        labels=[row[0] for row in rows],
        series=[("Level and plan set", [r[2] for r in rows]), ("Without", [r[3] for r in rows])],
        kind="stacked",
        colours=("#00703c", "#d4351c"),
    )
    released = sum(row[1] for row in rows)
    prepared = sum(row[2] for row in rows)
    percent = rules.percentage(prepared, released)
    summary = (
        f"{percent}% of {released} releases had a level and a plan set before release"
        if released
        else "No releases from custody were recorded in the period."
    )
    return Result(indicator, start, end, headings, rows, figure, summary)


INDICATORS = [
    Indicator(
        "screening",
        "Referrals screened within target",
        "Referrals submitted in the period, by month of submission. A referral is screened within "
        "target when the co-ordinator's first decision (accept, level 1, return or decline) is "
        "made within {screening} days of submission. Late: decided later, or still waiting after "
        "the target. Not yet due: still waiting within the target, counted in neither.",
        _screening,
    ),
    Indicator(
        "initial-meetings",
        "Initial meetings held within target after acceptance",
        "Referrals accepted at level 2 or 3 in the period, by month of acceptance. On time when "
        "the first held meeting with the case on its agenda is within {initial} working days "
        "(Monday to Friday, bank holidays excluded) of the acceptance.",
        _initial,
    ),
    Indicator(
        "reviews",
        "Reviews held on time at each level",
        "Reviews held in the period: level 1 reviews, and level 2 and 3 cases reviewed at a held "
        "meeting. On time when held by the due date the case carried, as the case page shows it: "
        "the date set by its latest level decision (a meeting's own date, or the interval for the "
        "level: {intervals}) or level 1 review; for a case imported with its review date and no "
        "decision here, the date it carried when listed for its meeting. A review with no due date "
        "at all is not counted.",
        _reviews,
    ),
    Indicator(
        "minutes",
        "Minutes circulated on time",
        "Meetings in the period with cases on the agenda, by month. On time when the minutes are "
        "circulated within {minutes} working days of the meeting. Late: circulated later, or not "
        "circulated once the deadline has passed.",
        _minutes,
    ),
    Indicator(
        "actions",
        "Actions completed on time, by agency",
        "Actions due in the period (cancelled ones left out), by the agency that owns them. On "
        "time when completed on or before the due date; late when completed after it or still "
        "open once it has passed.",
        _actions,
    ),
    Indicator(
        "disclosure",
        "Disclosure considered at every case discussion",
        "Cases discussed at meetings in the period, by month: whether the minutes record a "
        "disclosure decision (to disclose or not), as every discussion must (MAPPA Guidance "
        "ch.10).",
        _disclosure,
    ),
    Indicator(
        "levels",
        "Level 2 and 3 numbers over time",
        "People managed at level 2 and at level 3 on the last day of each month of the period: "
        "their case active that day (not closed, eligibility not ended) and its level then.",
        _levels,
    ),
    Indicator(
        "information-requests",
        "Information requests answered, by agency",
        "Information requests raised in the period on the area's cases, by the agency asked, as "
        "they stood at the end of the period: answered on time (on or before the date asked), "
        "answered late, declined with a reason, or outstanding; and the median days from the "
        "request to its answer (CJA 2003 s.325(4); MAPPA Guidance ch.9).",
        _information_requests,
    ),
    Indicator(
        "level-set-before-release",
        "Level set before release",
        "Releases from custody recorded in the period, by month of release. Counted as set when "
        "the case's level was decided in the custody (a screening, meeting or review decision "
        "made here between the start of custody and the release; an imported level does not "
        "count) and a risk management plan was in place by the release date (MAPPA Guidance "
        "ch.15: level setting is part of release planning).",
        _releases,
    ),
]
BY_SLUG = {indicator.slug: indicator for indicator in INDICATORS}


def definition(indicator: Indicator) -> str:
    weeks = settings.MAPPA_REVIEW_INTERVAL_WEEKS
    return indicator.definition.format(
        screening=settings.MAPPA_SCREENING_TARGET_DAYS,
        initial=settings.MAPPA_INITIAL_MEETING_TARGET_WORKING_DAYS,
        minutes=settings.MAPPA_MINUTES_CIRCULATION_WORKING_DAYS,
        intervals=", ".join(f"level {level}: {n} weeks" for level, n in weeks.items()),
    )


def get(slug: str) -> Indicator:
    if slug not in BY_SLUG:
        raise Http404("No such indicator")
    return BY_SLUG[slug]


def compute(indicator: Indicator, area, start: date, end: date, today: date | None = None):
    return indicator.build(indicator, area, start, end, today or timezone.localdate())


def as_csv(result: Result, marking_line: str) -> str:
    out = io.StringIO()
    writer = csv_cells.writer(out, lineterminator="\n")
    writer.writerow([marking_line])
    writer.writerow(result.headings)
    writer.writerows([["" if cell is None else cell for cell in row] for row in result.rows])
    return out.getvalue()


def filename(result: Result) -> str:
    return f"{slugify(result.indicator.slug)}-{result.start}-to-{result.end}.csv"
