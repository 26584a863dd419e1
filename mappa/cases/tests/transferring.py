"""Test helpers: a case's transfer from DEMO to OTHER, asked for and accepted, as the demo's
co-ordinators do it (docs/transfers.md)."""

from datetime import timedelta

from django.utils import timezone

from mappa.agencies.models import Area
from mappa.cases.services import transfers


def request_to_other(users, case):
    """The DEMO co-ordinator asks OTHER to take `case`; the transfer waits for an answer."""
    return transfers.request_transfer(
        actor=users["coordinator"],
        case=case,
        to_area=Area.objects.get(code="OTHER"),
        reason="Moving to live with his sister",
        new_address="7 Quay Street, Otherford OT2 9ZZ",
        moving_on=timezone.localdate() + timedelta(days=14),
        proposed_meeting="Level 2 meeting in Otherford before the move",
    )


def accept_in_other(users, transfer):
    """OTHER's co-ordinator accepts the transfer at level 2."""
    transfers.accept_transfer(
        actor=users["coordinator.other"],
        transfer=transfer,
        version=transfer.version,
        level=2,
        rationale="Level 2: new area, new victims nearby",
    )
