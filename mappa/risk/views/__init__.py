"""Risk pages of a case: RoSH assessments (`assessments`), the risk management plan and its
entries made actions (`plans`), licence conditions and their ending (`conditions`).

Every page finds the case in the reader's scope (404 outside it) and records the read.
"""

from mappa.agencies import permissions
from mappa.cases.queries import may_change


def may_record(request, case) -> bool:
    """Whether the page offers to record risk on the case: the permission, an open case, and a
    case the user's area may change (a case a transfer shares is read-only to the area that
    does not manage it: `cases.queries.may_change`, docs/transfers.md)."""
    return (
        permissions.has_permission(request.user, permissions.RECORD_RISK)
        and case.closed_on is None
        and may_change(request.user, case)
    )
