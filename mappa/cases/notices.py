"""Telling the other area about a transfer or a temporary stay: a link only, never case content.

E-mail leaves the secure system (`mappa.kit.links`), so each notice names no person and no case:
it says only that something is waiting, and where to sign in to see it.
"""

from __future__ import annotations

from django.core.mail import get_connection, send_mail

from mappa.agencies.constants import Role
from mappa.agencies.models import User
from mappa.kit import links

FOOTER = "\nThis message does not contain any case details. Do not reply to it.\n"

TRANSFER_SUBJECT = "MAPPA transfer: a case transfer needs your attention"
TRANSFER_BODY = (
    """{what}

Sign in to see it: {link}
"""
    + FOOTER
)

STAY_SUBJECT = "MAPPA: a person managed in another area is staying in yours"
STAY_BODY = (
    """{what}

Sign in to see it: {link}
"""
    + FOOTER
)

# What each stay notice says.
STAY_NOTIFIED = "Another MAPPA area has told you of a temporary stay in your area."
STAY_CHANGED = (
    "Another MAPPA area has changed the dates or address of a temporary stay in your area."
)
STAY_ENDED = "Another MAPPA area has told you that a temporary stay in your area has ended early."

# What each transfer notice says, by who is told.
REQUESTED = "Another MAPPA area has asked to transfer a case to your area."
QUERIED = "The receiving area has a query about a transfer you requested."
ANSWERED = "The sending area has answered your query about a transfer."
WITHDRAWN = "A transfer to your area has been withdrawn."
ACCEPTED = "The receiving area has accepted a transfer you requested."


def coordinators_of(area_id) -> list[User]:
    """The area's active co-ordinators with an e-mail address."""
    return list(
        User.objects.filter(area_id=area_id, role=Role.COORDINATOR, is_active=True)
        .exclude(email="")
        .order_by("username")
    )


def _send(subject: str, body: str, people: list[User]) -> None:
    with get_connection() as connection:
        for person in people:
            if person.email:
                send_mail(subject, body, None, [person.email], connection=connection)


def tell_about_transfer(transfer_id, what: str, people: list[User]) -> None:
    link = links.page("transfer", transfer_id=transfer_id)
    _send(TRANSFER_SUBJECT, TRANSFER_BODY.format(what=what, link=link), people)


def tell_host_area(stay_id, host_area_id, what: str = STAY_NOTIFIED) -> None:
    link = links.page("temporary-stay", stay_id=stay_id)
    _send(STAY_SUBJECT, STAY_BODY.format(what=what, link=link), coordinators_of(host_area_id))
