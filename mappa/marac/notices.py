"""E-mails about MARAC work: a link only, never case content (like every e-mail the service sends)."""

from __future__ import annotations

from django.core.mail import send_mail

from mappa.agencies import permissions
from mappa.agencies.constants import Role
from mappa.agencies.models import User
from mappa.kit import links

FOOTER = "\n\nThis message does not contain any case details. Do not reply to it.\n"


def _link(name: str, **kwargs) -> str:
    return links.page(name, **kwargs)


def _send(subject: str, text: str, users) -> int:
    addresses = sorted({user.email for user in users if user.email})
    for address in addresses:
        send_mail(subject, text + FOOTER, None, [address])
    return len(addresses)


def marac_coordinators(area_id) -> list[User]:
    return list(User.objects.filter(role=Role.MARAC_COORDINATOR, area_id=area_id, is_active=True))


def mappa_coordinators(area_id) -> list[User]:
    return list(User.objects.filter(role=Role.COORDINATOR, area_id=area_id, is_active=True))


def agency_marac_staff(agency_id) -> list[User]:
    """The agency's staff who take part in MARAC (and so may answer its research requests)."""
    users = User.objects.filter(agency_id=agency_id, is_active=True)
    return [user for user in users if permissions.role_has(user, permissions.TAKE_PART_IN_MARAC)]


def tell_marac_coordinators(case) -> int:
    return _send(
        "MARAC: a new referral is waiting to be listed",
        "A victim has been referred to MARAC from a DASH risk checklist.\n\n"
        f"Sign in to see the referral queue: {_link('marac-queue')}",
        marac_coordinators(case.area_id),
    )


def alert_mappa_coordinators(link, users) -> int:
    """Tell the MAPPA co-ordinators that a MAPPA nominal is the perpetrator in a MARAC case."""
    target = (
        _link("case", case_id=link.mappa_case_id)
        if link.mappa_case_id
        else _link("person", nominal_id=link.nominal_id)
    )
    return _send(
        "MAPPA: a MARAC case is linked to a person on the MAPPA register",
        "A MARAC referral names a person on the MAPPA register as the perpetrator.\n\n"
        f"Sign in to see the link: {target}",
        users,
    )


def tell_agency_of_research(request) -> int:
    return _send(
        "MARAC: your agency is asked to research a case",
        f"Your agency is asked to research a MARAC case by {request.deadline:%-d %B %Y}.\n\n"
        f"Sign in to answer: {_link('marac-research', request_id=request.id)}",
        agency_marac_staff(request.agency_id),
    )
