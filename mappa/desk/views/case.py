"""The case page: the case, its review status, risk, actions, minutes and who else may see it."""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import render
from django.utils import timezone

from mappa.actions.queries import case_actions
from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases import queries, rules
from mappa.cases.views import grantee_name, is_open_at_level_1
from mappa.cases.views.panels import transfer_panel
from mappa.desk.views import pdp
from mappa.information_requests.queries import for_case_page as information_requests
from mappa.whereabouts import queries as whereabouts

# How each review status shows: red when overdue, amber when due soon, green otherwise.
REVIEW_TAGS = {
    rules.OVERDUE: ("Overdue", "govuk-tag--red"),
    rules.DUE_SOON: ("Due soon", "govuk-tag--yellow"),
    rules.ON_TRACK: ("On track", "govuk-tag--green"),
    rules.NOT_SET: ("No review date", "govuk-tag--grey"),
}


@dataclass(frozen=True)
class GrantRow:
    grant: object
    grantee: str
    state: str  # "Active", "Revoked" or "Expired"

    @property
    def is_active(self) -> bool:
        return self.state == "Active"


def _grant_rows(user, case) -> list[GrantRow]:
    now = timezone.now()
    rows = []
    for grant in queries.grants_for_case(user, case.id):
        if grant.is_active(now):
            state = "Active"
        else:
            state = "Revoked" if grant.revoked_at else "Expired"
        rows.append(GrantRow(grant, grantee_name(grant), state))
    return sorted(rows, key=lambda row: not row.is_active)


def _may(request, name: str) -> bool:
    return permissions.has_permission(request.user, name)


@requires(permissions.VIEW_CASES)
def case(request, case_id):
    case = queries.get_case_in_full(request.user, case_id)
    audit.record_read(actor=request.user, subject=case.id, content="MAPPA case")
    status = rules.review_status(due=case.next_review_due, today=timezone.localdate())
    # Who else may see the case is shown to those who see the whole area: the co-ordinator
    # and the responsible authority, not to agencies that see the case through a grant.
    sees_area = _may(request, permissions.VIEW_AREA_CASES)
    # A case a transfer shares with the user's area is read-only to it (docs/transfers.md).
    changes = queries.may_change(request.user, case)
    manages = _may(request, permissions.MANAGE_CASES) and case.closed_on is None and changes
    context = {
        "case": case,
        "review_tag": REVIEW_TAGS[status] if case.closed_on is None else None,
        "grants": _grant_rows(request.user, case) if sees_area else None,
        "may_grant": _may(request, permissions.GRANT_CASE_ACCESS) and changes,
        "may_review": _may(request, permissions.MANAGE_CASES)
        and is_open_at_level_1(case)
        and changes,
        # Category, level, responsible officer and closure, between meetings (cases.views).
        "may_manage": manages,
        "actions": case_actions(case, timezone.localdate()),
        "information_requests": information_requests(request.user, case, timezone.localdate()),
        # A potentially dangerous person's steps and next step, and the route into MAPPA.
        **pdp.for_case(request.user, case),
        "may_agree_action": manages,
        **transfer_panel(request.user, case, may_change=changes),
    }
    context |= whereabouts_context(request, case)
    return render(request, "desk/case.html", context)


def whereabouts_context(request, case) -> dict:
    """Whereabouts unknown on the case page: the banner and the section (mappa.whereabouts)."""
    reports = list(whereabouts.summaries_of(case))
    return {
        "whereabouts_open": next((r for r in reports if r.is_open), None),
        "whereabouts_ended": [r for r in reports if not r.is_open],
        "may_report_whereabouts": case.closed_on is None
        and _may(request, permissions.MANAGE_CASES)
        and whereabouts.may_report(request.user, case),
    }
