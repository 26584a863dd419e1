"""E-mails about information requests: a link only, never the person, the case or the question
(like every e-mail the service sends; mappa.kit.links)."""

from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string

from mappa.agencies.models import User
from mappa.cases import rules as case_rules
from mappa.information_requests import queries
from mappa.kit import links

RAISED_SUBJECT = "MAPPA: your agency is asked for information"
ANSWERED_SUBJECT = "MAPPA: an information request has been answered"
WITHDRAWN_SUBJECT = "MAPPA: an information request to your agency has been withdrawn"


def answerers(found) -> list[User]:
    """Who is told of a new request: the named person, or else the agency's active users who
    answer requests and may see its category (when the agency has no contact address)."""
    if found.addressed_to_id is not None:
        return [found.addressed_to] if found.addressed_to.is_active else []
    return [
        user
        for user in queries.people_who_answer([found.agency_id])
        if case_rules.may_see_category(found.category, cleared=user.terrorism_clearance)
    ]


def _agency_addresses(found) -> list[str]:
    """Where the agency asked is written to: with no one named, its contact address when the
    administrator has set one (the e-mail is a link only), else each of `answerers`. A case
    that needs terrorism clearance goes to the cleared answerers only, never a shared mailbox."""
    shared = case_rules.may_see_category(found.category, cleared=False)
    if found.addressed_to_id is None and found.agency.contact_email and shared:
        return [found.agency.contact_email]
    return [user.email for user in answerers(found) if user.email]


def _send(subject: str, template: str, context: dict, users, addresses=()) -> int:
    body = render_to_string(template, context)
    addresses = sorted({*addresses, *(user.email for user in users if user.email)})
    for address in addresses:
        send_mail(subject, body, None, [address])
    return len(addresses)


def tell_agency(found) -> int:
    context = {
        "due_on": found.due_on,
        "link": links.page("information-request", request_id=found.id),
    }
    return _send(
        RAISED_SUBJECT,
        "information_requests/email/raised.txt",
        context,
        [],
        _agency_addresses(found),
    )


def tell_requester(found) -> int:
    context = {"link": links.page("information-request", request_id=found.id)}
    return _send(
        ANSWERED_SUBJECT,
        "information_requests/email/answered.txt",
        context,
        [found.requested_by] if found.requested_by.is_active else [],
    )


def tell_agency_withdrawn(found) -> int:
    """The agency asked is told, by a link, that it need not answer: whoever was told of it."""
    context = {"link": links.page("information-request", request_id=found.id)}
    return _send(
        WITHDRAWN_SUBJECT,
        "information_requests/email/withdrawn.txt",
        context,
        [],
        _agency_addresses(found),
    )
