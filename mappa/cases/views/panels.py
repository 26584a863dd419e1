"""The case page's transfers and stays panel (`cases/_case_transfers.html`), for the desk."""

from __future__ import annotations

from mappa.cases import queries, rules
from mappa.cases.services.transfers import acts_for_lead_agency


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
