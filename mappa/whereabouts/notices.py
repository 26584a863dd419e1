"""The notice that a person's whereabouts are unknown: a link only, never case content.

E-mail leaves the secure system, so the message names no one and says nothing of the case, not
even whether the person is missing, wanted or absconded: only that there is a report to read,
and where to sign in to read it (`mappa.kit.links`).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import get_connection, send_mail

from mappa.agencies.constants import Role
from mappa.agencies.models import User
from mappa.cases.queries import cases_visible_to
from mappa.kit import links

SUBJECT = "MAPPA: a person's whereabouts are unknown"
BODY = """A person managed under MAPPA in your area has been reported as whereabouts unknown.

Sign in to read the report and to consider an urgent meeting: {link}

{marking}. This message does not contain any case details. Do not reply to it.
"""


def report_link(report) -> str:
    links.require_site("send whereabouts notices")
    return links.page("whereabouts-report", report_id=report.id)


def recipients(case) -> list[User]:
    """The chairs and co-ordinators of the case's area who may open the case (a category 4
    case only those with clearance), with an e-mail address."""
    people = User.objects.filter(
        area_id=case.nominal.area_id, role__in=[Role.CHAIR, Role.COORDINATOR], is_active=True
    ).exclude(email="")
    return [user for user in people if cases_visible_to(user).filter(id=case.id).exists()]


def tell_chairs_and_coordinators(report, users) -> None:
    """One message to each address (the connection is opened once)."""
    body = BODY.format(link=report_link(report), marking=settings.MAPPA_PROTECTIVE_MARKING)
    connection = get_connection()
    for address in sorted({user.email for user in users}):
        send_mail(SUBJECT, body, None, [address], connection=connection)
