"""Lay advisers and SMB members see aggregates only: to them, case content does not exist.

A user whose role holds view_aggregates but not view_cases gets 404, exactly as for a missing
page, from any page or API endpoint that needs a case-content permission they lack (people,
cases, referrals, meetings, minutes, actions, risk, disclosures, MASH and MARAC), rather than a
403 that says the page is there. The refusal is still recorded in the audit log by the
permission check (mappa.agencies.permissions.deny) before it is answered here.
"""

from __future__ import annotations

from mappa.agencies import permissions
from mappa.errors import page_not_found

# Permissions whose routes show no case content: the board's own, the audit log, reference data.
NOT_CASE_CONTENT = permissions.MARKERS | {
    permissions.VIEW_AGGREGATES,
    permissions.OVERSEE,
    permissions.VIEW_AUDIT_LOG,
    permissions.MANAGE_REFERENCE_DATA,
}


def aggregates_only(user) -> bool:
    return permissions.role_has(user, permissions.VIEW_AGGREGATES) and not permissions.role_has(
        user, permissions.VIEW_CASES
    )


def declared_permission(view_func, method: str) -> str | None:
    """The permission a route declares, for this request's method (HTML or API view)."""
    for holder in (
        view_func,
        getattr(view_func, "view_class", None),
        getattr(view_func, "cls", None),
    ):
        by_method = getattr(holder, "permissions_by_method", {}) or {}
        name = by_method.get(method, getattr(holder, "permission", None))
        if isinstance(name, str):
            return name
    return None


class AggregatesOnlyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.declared_permission = declared_permission(view_func, request.method)

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 403:
            return response
        name = getattr(request, "declared_permission", None)
        user = getattr(request, "user", None)
        if name and name not in NOT_CASE_CONTENT and user is not None and aggregates_only(user):
            return page_not_found(request)
        return response
