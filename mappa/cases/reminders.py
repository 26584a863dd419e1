"""The weekly overdue-review reminder: one e-mail per person, with a count and a link only.

Every open case whose next review date has passed is counted for its responsible officer
and for every active co-ordinator of its area (a category 4 case only for co-ordinators
with terrorism clearance, who alone may see it). E-mail leaves the secure system, so the
message carries no case content at all: no names, identifiers, categories or dates, just
how many reviews are overdue and where to sign in to see them.

`send_overdue_reminders` counts them and hands the run to `services.send_reminders`, which
records the audit event and sends the e-mails once the transaction has committed.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string

from mappa.agencies.constants import Role
from mappa.agencies.models import User
from mappa.audit.events import EventType
from mappa.cases import rules, services
from mappa.cases.models import MappaCase
from mappa.kit import links


def overdue_cases(today: date):
    """Every open case, in every area, whose next review was due before today."""
    return MappaCase.objects.filter(closed_on__isnull=True, next_review_due__lt=today).values(
        "id", "category", "nominal__area_id", "responsible_officer_id"
    )


def overdue_counts(today: date) -> tuple[dict[User, int], int]:
    """How many overdue reviews each recipient is told of, and how many there are in all."""
    cases = list(overdue_cases(today))
    areas = {case["nominal__area_id"] for case in cases}
    coordinators = coordinators_by_area(areas)
    officers = User.objects.in_bulk({case["responsible_officer_id"] for case in cases} - {None})
    counts: Counter[User] = Counter()
    for case in cases:
        recipients = set()
        officer = officers.get(case["responsible_officer_id"])
        if officer is not None and officer.is_active:
            recipients.add(officer)
        for coordinator in coordinators.get(case["nominal__area_id"], []):
            if rules.may_see_category(case["category"], cleared=coordinator.terrorism_clearance):
                recipients.add(coordinator)
        counts.update(recipients)
    return {user: n for user, n in counts.items() if user.email}, len(cases)


def coordinators_by_area(area_ids) -> dict:
    """The active co-ordinators of each area: every reminder also goes to them."""
    found: dict = {}
    for user in User.objects.filter(role=Role.COORDINATOR, is_active=True, area_id__in=area_ids):
        found.setdefault(user.area_id, []).append(user)
    return found


def dashboard_link() -> str:
    """The dashboard's address, refused while the site's address is unset."""
    links.require_site("send reminder e-mails")
    return links.page("dashboard")


def send_overdue_reminders(*, actor=None, today: date) -> dict[str, int]:
    """Count overdue reviews per recipient, record the run, then e-mail each recipient once."""
    link = dashboard_link()
    counts, items = overdue_counts(today)
    subject = render_to_string(
        "cases/email/overdue_reviews_subject.txt", {"service_name": settings.MAPPA_SERVICE_NAME}
    ).strip()

    def body(user: User, count: int) -> str:
        return render_to_string(
            "cases/email/overdue_reviews.txt",
            {"name": user.display_name, "count": count, "link": link},
        )

    return services.send_reminders(
        actor=actor,
        event_type=EventType.OVERDUE_REMINDERS_SENT,
        counts=counts,
        items=items,
        subject=subject,
        body=body,
    )
