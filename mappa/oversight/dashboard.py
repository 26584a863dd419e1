"""The dashboard panels of SMB members and lay advisers: how MAPPA is performing, as totals
and percentages with links to the board's pages; for the board, its audits and reviews.

`fill` replaces the placeholder text of these roles' panels (mappa.agencies.dashboards.PANELS).
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from mappa.oversight import queries
from mappa.oversight.forms import default_period
from mappa.oversight.indicators import definitions as indicators
from mappa.oversight.models import PracticeAudit, SeriousCaseReview

PERFORMANCE = ("How MAPPA is performing in your area", "Performance indicators")


def indicator_lines(user, today: date) -> str:
    area = queries.area_of(user)
    start, end = default_period(today)
    rows = [
        (
            reverse("oversight-indicator", kwargs={"slug": indicator.slug}),
            indicator.title,
            indicators.compute(indicator, area, start, end, today).summary or "no figures",
        )
        for indicator in indicators.INDICATORS
    ]
    lines = format_html_join(mark_safe("<br>"), '<a class="govuk-link" href="{}">{}</a>: {}', rows)
    return format_html(
        "In the 12 months to {}:<br>{}<br>"
        '<a class="govuk-link" href="{}">See the annual statistics</a>',
        f"{today:%-d %B %Y}",
        lines,
        reverse("oversight-statistics"),
    )


def audit_lines(user, today: date) -> str:
    audits = PracticeAudit.objects.filter(area_id=user.area_id)
    waiting = audits.filter(completed_at__isnull=True)
    overdue = waiting.filter(due_on__lt=today).count()
    return format_html(
        '{} scheduled and not yet completed, {} overdue. <a class="govuk-link" href="{}">'
        'Audits</a> and their <a class="govuk-link" href="{}">quarterly summaries</a>.',
        waiting.count(),
        overdue,
        reverse("oversight-audits"),
        reverse("oversight-audit-summary"),
    )


def review_lines(user, today: date) -> str:
    charges = queries.charges_awaiting_notification(user, today)
    open_reviews = SeriousCaseReview.objects.filter(area_id=user.area_id, completed_on__isnull=True)
    return format_html(
        '{} charge(s) awaiting notification, {} review(s) open. <a class="govuk-link" '
        'href="{}">Serious case reviews</a>.',
        len(charges),
        open_reviews.exclude(status="not_held").count(),
        reverse("serious-case-reviews"),
    )


PANEL_TEXT = {
    PERFORMANCE[0]: indicator_lines,
    PERFORMANCE[1]: indicator_lines,
    "Audits": audit_lines,
    "Serious case reviews": review_lines,
}


def fill(panels, user, today: date) -> list[tuple[str, str]]:
    if user.area_id is None:
        return list(panels)
    return [
        (title, PANEL_TEXT[title](user, today) if title in PANEL_TEXT else empty)
        for title, empty in panels
    ]
