"""The transfers and stays panels the desk shows: on the case page (`cases/_case_transfers.html`)
and on the co-ordinator's dashboard (`cases/_dashboard_transfers.html`)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from mappa.cases import queries, rules
from mappa.cases.services.transfers import acts_for_lead_agency
from mappa.cases.views.transfers import response_tag


def transfer_panel(user, case, *, may_change: bool) -> dict:
    """The case's transfers and stays, whether the user may start one, and (when the case is
    read-only to the user's area) the transfer that shares it."""
    transfers = list(queries.transfers_of(case))
    waiting = next((t for t in transfers if t.status in rules.IN_HAND_OVER), None)
    lead = may_change and case.closed_on is None and acts_for_lead_agency(user, case)
    return {
        "transfers": transfers,
        "stays": list(queries.stays_of(case)),
        "may_transfer": lead and waiting is None,
        "may_notify_stay": lead,
        "shared_by": None
        if may_change
        else next((t for t in transfers if user.area_id in (t.from_area_id, t.to_area_id)), None),
    }


def for_coordinator(user, today) -> dict:
    """Transfers waiting for the co-ordinator's area (red, amber or green against the days it has
    to answer), queries waiting for its answer, and stays in the area of people managed elsewhere."""
    incoming = [(t, response_tag(t, today)) for t in queries.incoming_transfers(user)]
    to_answer = [t for t in queries.outgoing_transfers(user) if t.status == rules.QUERIED]
    return {
        "transfers_in": incoming,
        "transfers_to_answer": to_answer,
        "stays_here": list(queries.hosted_stays(user)),
        "transfers_url": reverse("area-transfers"),
    }


def may_change_stay(user, stay) -> bool:
    """Whether the stay page offers to change the stay or end it early: the area that recorded
    it, while it manages the case, its lead agency or co-ordinator, before the stay has ended
    (`services.stays` checks the same)."""
    return (
        stay.home_area_id == user.area_id
        and stay.ended_early_at is None
        and stay.ends_on >= timezone.localdate()
        and queries.may_change(user, stay.case)
        and acts_for_lead_agency(user, stay.case)
    )
