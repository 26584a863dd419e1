"""What each role's dashboard shows. Panels fill in as the case features land."""

from mappa.agencies.constants import Role

PANELS: dict[str, list[tuple[str, str]]] = {
    Role.COORDINATOR: [
        ("Referrals to screen", "There are no referrals waiting to be screened."),
        ("Reviews due or overdue", "No level 2 or 3 reviews are due in the next 4 weeks."),
        ("Next meetings", "No meetings are planned."),
        ("Minutes to approve", "There are no minutes waiting for approval."),
    ],
    Role.CHAIR: [
        ("Meetings you chair", "You are not chairing any planned meetings."),
        ("Minutes to approve", "There are no minutes waiting for your approval."),
    ],
    Role.RA_PRACTITIONER: [
        ("Your cases", "You are not the lead on any MAPPA cases."),
        ("Your actions", "You have no open actions."),
        ("Reviews due", "None of your cases has a review due."),
    ],
    Role.DTC_PRACTITIONER: [
        ("Meetings you are invited to", "You have not been invited to any meetings."),
        ("Your actions", "You have no open actions."),
        ("Information requests", "There are no information requests for your agency."),
    ],
    Role.MASH_NAMED_PERSON: [
        ("Weekly MAPPA case list", "There is no case list for this week yet."),
        ("Checks to complete", "There are no social-care checks waiting."),
    ],
    Role.MARAC_COORDINATOR: [
        ("MARAC referrals", "There are no MARAC referrals in the queue."),
        ("Next MARAC meeting", "No MARAC meetings are planned."),
    ],
    Role.DISCLOSURE_OFFICER: [
        ("Disclosure decisions to make", "There are no disclosure decisions waiting."),
        ("Scheme applications", "There are no open disclosure scheme applications."),
    ],
    Role.SMB_MEMBER: [
        ("Performance indicators", "Indicators appear here once cases are recorded."),
        ("Audits", "No audits are scheduled."),
    ],
    Role.LAY_ADVISER: [
        (
            "How MAPPA is performing in your area",
            "Figures appear here once cases are recorded. "
            "You see totals only, never anyone's case.",
        ),
    ],
    Role.SYSADMIN: [
        ("Reference data", "Manage areas, agencies and user accounts in the administration pages."),
    ],
}
