from django.conf import settings

from mappa.agencies import permissions


def service(request):
    """Service name, protective marking, demo flag and the navigation the user may use."""
    user = getattr(request, "user", None)
    navigation = []
    if user is not None and user.is_authenticated and permissions.second_factor_satisfied(user):
        items = [
            ("Dashboard", "dashboard", permissions.SIGNED_IN),
            ("People", "people", permissions.VIEW_CASES),
            ("Referrals", "referrals", permissions.MAKE_REFERRAL),
            ("Screening", "screening-queue", permissions.SCREEN_REFERRALS),
            ("Meetings", "meetings", (permissions.MANAGE_MEETINGS, permissions.CHAIR_MEETINGS)),
            ("Actions", "actions", permissions.VIEW_CASES),
            ("Oversight", "oversight", permissions.VIEW_AGGREGATES),
            ("Disclosures", "disclosures", permissions.DECIDE_DISCLOSURES),
            ("MARAC", "marac", permissions.TAKE_PART_IN_MARAC),
            ("MASH", "mash-home", permissions.MASH_CHECKS),
            ("MASH case list", "mash-publish", permissions.PUBLISH_CASE_LIST),
            ("Audit log", "audit-log", permissions.VIEW_AUDIT_LOG),
            ("API tokens", "api-tokens", permissions.SIGNED_IN),
            ("Password", "change-password", permissions.SIGNED_IN),
            ("Reference data", "admin:index", permissions.MANAGE_REFERENCE_DATA),
        ]
        navigation = [
            (label, name)
            for label, name, needed in items
            if any(
                permissions.has_permission(user, one)
                for one in (needed if isinstance(needed, tuple) else (needed,))
            )
        ]
    return {
        "service_name": settings.MAPPA_SERVICE_NAME,
        "protective_marking": settings.MAPPA_PROTECTIVE_MARKING,
        "demo_mode": settings.MAPPA_DEMO,
        "service_navigation": navigation,
    }
