"""The information-request panels of the dashboards: the co-ordinator's open requests to
agencies and an agency practitioner's requests to answer, each with red/amber/green counts and
the soonest due listed.

`fill` replaces a role's placeholder panel text (`mappa.desk.dashboards.PANELS`) when there is
anything to show.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from mappa.information_requests import queries, rules

SHOWN = 5
ASKED = "Information requests waiting for an answer"
TO_ANSWER = ("Information requests", "Information requests to answer")
RAG_TAGS = {
    rules.RED: ("govuk-tag--red", "Overdue"),
    rules.AMBER: ("govuk-tag--yellow", "Due soon"),
    rules.GREEN: ("govuk-tag--green", "On track"),
}


def _panel(rows, who) -> str:
    if not rows:
        return ""
    counts = format_html_join(
        " ",
        '<strong class="govuk-tag {}" data-testid="request-rag-{}">{}: {}</strong>',
        (
            (RAG_TAGS[rag][0], rag, RAG_TAGS[rag][1], sum(r == rag for _, r in rows))
            for rag in RAG_TAGS
        ),
    )
    lines = format_html_join(
        mark_safe("<br>"),  # a constant separator
        '<a class="govuk-link" href="{}">{}</a>, {}: needed by {}',
        (
            (
                reverse("information-request", kwargs={"request_id": found.id}),
                found.person_name,
                who(found),
                date_format(found.due_on, "j F Y"),
            )
            for found, _ in rows[:SHOWN]
        ),
    )
    return format_html(
        '{}<br>{}<br><a class="govuk-link" href="{}">All {} information request{}</a>',
        counts,
        lines,
        reverse("information-requests"),
        len(rows),
        "" if len(rows) == 1 else "s",
    )


def asked(user, today: date) -> str:
    rows = queries.with_status(queries.open_in_area(user), today)
    return _panel(rows, lambda found: f"asked of {found.agency.name}")


def to_answer(user, today: date) -> str:
    rows = queries.with_status(queries.to_answer(user), today)
    return _panel(rows, lambda found: f"asked by {found.requested_by.display_name}")


def fill(panels, user, today: date) -> list[tuple[str, str]]:
    filled = []
    for title, text in panels:
        if title == ASKED:
            text = asked(user, today) or text
        elif title in TO_ANSWER:
            text = to_answer(user, today) or text
        filled.append((title, text))
    return filled
