"""The disclosure officer's dashboard panels: open scheme applications by red/amber/green
(the most urgent listed) and the disclosures waiting for agreement or to be made.

`fill` replaces the role's placeholder panel text (`mappa.desk.dashboards.PANELS`) when
there is anything to show.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from mappa.disclosures import queries

SHOWN = 5
RAG_TAGS = {
    "red": ("govuk-tag--red", "Overdue"),
    "amber": ("govuk-tag--yellow", "Due soon"),
    "green": ("govuk-tag--green", "On track"),
}
STATUS_WORDS = {"awaiting_agreement": "awaiting agreement", "to_be_made": "to be made"}


def applications(user, today: date) -> str:
    rows = queries.open_queue(user, today)
    if not rows:
        return ""
    counts = format_html_join(
        " ",
        '<strong class="govuk-tag {}" data-testid="rag-{}">{}: {}</strong>',
        (
            (RAG_TAGS[rag][0], rag, RAG_TAGS[rag][1], sum(r.rag == rag for r in rows))
            for rag in RAG_TAGS
        ),
    )
    lines = format_html_join(
        mark_safe("<br>"),  # a constant separator
        '<a class="govuk-link" href="{}">{}</a>, {}: {}, target {}',
        (
            (
                reverse("disclosure-application", kwargs={"application_id": r.application.id}),
                r.application.reference,
                r.application.get_scheme_display(),
                r.application.get_stage_display().lower(),
                date_format(r.application.due_on, "j F Y"),
            )
            for r in rows[:SHOWN]
        ),
    )
    return format_html(
        '{}<br>{}<br><a class="govuk-link" href="{}">All {} open applications</a>',
        counts,
        lines,
        reverse("disclosures"),
        len(rows),
    )


def decisions(user, today: date) -> str:
    waiting = queries.decisions_waiting(user)
    return format_html_join(
        mark_safe("<br>"),  # a constant separator
        '<a class="govuk-link" href="{}">{}</a>: disclose to {} by {} ({})',
        (
            (
                reverse("disclosure-decision", kwargs={"decision_id": d.id}),
                d.nominal.full_name,
                d.recipient,
                date_format(d.disclose_by, "j F Y") if d.disclose_by else "no date",
                STATUS_WORDS[status],
            )
            for d, status in waiting[:SHOWN]
        ),
    )


PANEL_TEXT = {
    "Disclosure decisions to make": decisions,
    "Scheme applications": applications,
}


def fill(panels, user, today: date) -> list[tuple[str, str]]:
    filled = []
    for title, text in panels:
        if title in PANEL_TEXT:
            text = PANEL_TEXT[title](user, today) or text
        filled.append((title, text))
    return filled
