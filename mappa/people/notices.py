"""E-mails about held additions: a link only, never a name or an identifier.

E-mail leaves the secure system, and a held addition is itself sensitive: that another area has
submitted someone with the same identifier as a person on this area's register.
"""

from __future__ import annotations

from django.core.mail import send_mail

from mappa.agencies.constants import Role
from mappa.agencies.models import User
from mappa.kit import links

FOOTER = "\n\nThis message does not contain any case details. Do not reply to it.\n"


def _send(subject: str, text: str, users) -> int:
    addresses = sorted({user.email for user in users if user.email})
    for address in addresses:
        send_mail(subject, text + FOOTER, None, [address])
    return len(addresses)


def coordinators(area_id) -> list[User]:
    """The area's MAPPA co-ordinators, who decide its held additions."""
    return list(User.objects.filter(role=Role.COORDINATOR, area_id=area_id, is_active=True))


def tell_owning_coordinators(held) -> int:
    return _send(
        "MAPPA register: another area has submitted a person with the same identifier",
        "Another MAPPA area has submitted a person with the same identifier as a person on "
        "your area's register. The addition is held until a co-ordinator decides whether it is "
        f"the same person.\n\nSign in to decide: {links.page('held-addition', held_id=held.id)}",
        coordinators(held.owning_area_id),
    )


def tell_submitter(held) -> int:
    return _send(
        "MAPPA register: a person you submitted has been added",
        "A person you submitted to the MAPPA register, which was passed to the co-ordinators, "
        f"has now been added.\n\nSign in to see the record: "
        f"{links.page('person', nominal_id=held.added_id)}",
        [held.submitted_by],
    )


def tell_submitter_of_change(held, *, written: bool) -> int:
    rest = (
        "The rest of your change, if any, has been made without it."
        if written
        else "The rest of your change has not been made, because the record was changed by "
        "someone else after you submitted it: make it again if it is still needed."
    )
    return _send(
        "MAPPA register: a change you submitted has been decided",
        "A change you made to a person's record on the MAPPA register, which was passed to the "
        "co-ordinators, has been decided. An identifier you gave belongs to another person, "
        f"and one identifier cannot be used for two people. {rest}\n\nSign in to see the "
        f"record: {links.page('person', nominal_id=held.nominal_id)}",
        [held.submitted_by],
    )
