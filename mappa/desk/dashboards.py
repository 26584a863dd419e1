"""What each role's dashboard shows.

The co-ordinator's and the responsible-authority practitioner's dashboards show real work
(from `mappa.desk.queries` and the referral queries); the other roles' panels are
placeholders that fill in as their features land.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from mappa.actions import queries as actions
from mappa.agencies import permissions
from mappa.agencies.constants import Role
from mappa.cases import rules as case_rules
from mappa.cases.constants import Category, LeadAgency, Level
from mappa.cases.views import panels as transfer_panels
from mappa.custody import dashboard as custody_panel
from mappa.desk import queries as cases
from mappa.disclosures import dashboard as disclosure_panels
from mappa.information_requests import dashboard as request_panels
from mappa.marac import dashboard as marac_panels
from mappa.meetings import dashboard as meeting_panels
from mappa.oversight import dashboard as oversight_panels
from mappa.referrals import queries as referrals
from mappa.safeguarding import dashboard as mash_panels
from mappa.whereabouts import dashboard as whereabouts_panel

# How many of the oldest referrals awaiting screening the co-ordinator's panel lists.
OLDEST_REFERRALS_SHOWN = 5
# How many of a referrer's own latest referrals their dashboard lists, with where each is.
RECENT_REFERRALS_SHOWN = 5

PANELS: dict[str, list[tuple[str, str]]] = {
    Role.COORDINATOR: [
        ("Next meetings", "No meetings are planned."),
        ("Minutes to approve", "There are no minutes waiting for approval."),
        (request_panels.ASKED, "No information requests are waiting for an answer."),
    ],
    Role.CHAIR: [
        ("Meetings you chair", "You are not chairing any planned meetings."),
        ("Minutes to approve", "There are no minutes waiting for your approval."),
    ],
    Role.RA_PRACTITIONER: [
        ("Information requests to answer", "There are no information requests for your agency."),
    ],
    Role.DTC_PRACTITIONER: [
        ("Meetings you are invited to", "You have not been invited to any meetings."),
        ("Information requests", "There are no information requests for your agency."),
    ],
    Role.MASH_NAMED_PERSON: [
        ("Weekly MAPPA case list", "There is no case list for this week yet."),
        ("Checks to complete", "There are no social-care checks waiting."),
        ("Information requests", "There are no information requests for your agency."),
    ],
    Role.MARAC_COORDINATOR: [
        ("MARAC referrals", "There are no MARAC referrals in the queue."),
        ("Next MARAC meeting", "No MARAC meetings are planned."),
    ],
    Role.DISCLOSURE_OFFICER: [
        ("Disclosure decisions to make", "There are no disclosure decisions waiting."),
        ("Scheme applications", "There are no open disclosure scheme applications."),
    ],
    # Filled by mappa.oversight.dashboard: totals and percentages only, never anyone's case.
    Role.SMB_MEMBER: [
        ("Performance indicators", "Indicators appear here once cases are recorded."),
        ("Audits", "No audits are scheduled."),
        ("Serious case reviews", "No serious further offences have been notified."),
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

# The filter's fields: name, label, the "any" option, and the choices.
FILTER_FIELDS = [
    ("level", "Level", "Any level", [(str(value), label) for value, label in Level.choices]),
    (
        "category",
        "Category",
        "Any category",
        [(str(value), label) for value, label in Category.choices],
    ),
    ("review_status", "Review status", "Any status", list(cases.REVIEW_STATUSES.items())),
]
# The co-ordinator's reviews panel lists only reviews overdue or due soon unless a status is
# chosen: its "any" option says so (the page of all open cases lists every status).
REVIEWS_DUE = "Overdue or due soon"
# The page of all open cases filters by lead agency too.
OPEN_CASE_FIELDS = [
    *FILTER_FIELDS,
    (
        "lead_agency",
        "Lead agency",
        "Any lead agency",
        [(value, label) for value, label in LeadAgency.choices],
    ),
]


def case_url(case) -> str:
    return reverse("case", kwargs={"case_id": case.id})


def context_for(user, query, today: date | None = None) -> dict:
    today = today or timezone.localdate()
    panels = meeting_panels.fill(PANELS.get(user.role, []), user, today)
    panels = request_panels.fill(panels, user, today)
    if user.role == Role.DISCLOSURE_OFFICER:
        panels = disclosure_panels.fill(panels, user, today)
    if user.role == Role.MARAC_COORDINATOR:
        panels = marac_panels.fill(panels, user, today)
    if user.role == Role.MASH_NAMED_PERSON:
        panels = mash_panels.fill(panels, user, today)
    if user.role in (Role.SMB_MEMBER, Role.LAY_ADVISER):
        panels = oversight_panels.fill(panels, user, today)
    context = {"panels": panels, "today": today}
    if user.role == Role.COORDINATOR:
        context |= coordinator(user, query, today)
    elif user.role == Role.RA_PRACTITIONER:
        context |= practitioner(user, query, today)
    if user.role in (Role.COORDINATOR, Role.RA_PRACTITIONER):
        context["custody"] = custody_panel.summary(user, today)
        context["whereabouts_unknown"] = whereabouts_panel.rows(user, timezone.now())
    if user.role in (Role.RA_PRACTITIONER, Role.DTC_PRACTITIONER):
        context["my_actions"] = your_actions(user, today)
    if user.role != Role.COORDINATOR and permissions.role_has(user, permissions.MAKE_REFERRAL):
        context["my_referrals"] = list(referrals.made_by(user)[:RECENT_REFERRALS_SHOWN])
    return context


def _with_links(rows):
    return [(row, case_url(row.case)) for row in rows]


def _filter_context(query, fields=FILTER_FIELDS, action: str = "dashboard", **any_labels) -> dict:
    """The filter as read, its fields with their current values, and the tags that remove one.

    `any_labels` renames a field's "any" option (`review_status="Overdue or due soon"`)."""
    case_filter = cases.CaseFilter.from_query(query)
    current = {
        "level": "" if case_filter.level is None else str(case_filter.level),
        "category": "" if case_filter.category is None else str(case_filter.category),
        "review_status": case_filter.review_status,
        "lead_agency": case_filter.lead_agency,
    }
    names = [field[0] for field in fields]
    current = {name: value for name, value in current.items() if name in names}
    if "lead_agency" not in names:  # a filter the page does not show is not applied
        case_filter = case_filter.without("lead_agency")
    url = reverse(action)
    rows, selected = [], []
    for name, label, any_label, choices in fields:
        rows.append((name, label, any_labels.get(name, any_label), choices, current[name]))
        chosen = dict(choices).get(current[name])
        if chosen:
            rest = urlencode(
                {key: value for key, value in current.items() if value and key != name}
            )
            selected.append((label, chosen, url + (f"?{rest}" if rest else "")))
    weeks = settings.MAPPA_REVIEW_DUE_SOON_WEEKS
    return {
        "case_filter": case_filter,
        "filter_fields": rows,
        "filter_action": url,
        "filter_query": urlencode({key: value for key, value in current.items() if value}),
        "selected_filters": selected,
        "due_soon_weeks_text": f"{weeks} week{pluralize(weeks)}",
    }


def open_cases_filter(query) -> dict:
    """The filter of the page of all open cases: by lead agency too, every status by default."""
    return _filter_context(query, OPEN_CASE_FIELDS, "open-cases")


def coordinator(user, query, today: date) -> dict:
    context = _filter_context(query, review_status=REVIEWS_DUE)
    context |= {
        "referrals": awaiting_screening(user, today),
        "screening_queue_url": reverse("screening-queue"),
        "reviews": _with_links(
            cases.reviews_due(user, today, context["case_filter"], settings.MAPPA_DASHBOARD_ROWS)
        ),
        "reviews_total": cases.reviews_due_cases(user, today, context["case_filter"]).count(),
        "rows_limit": settings.MAPPA_DASHBOARD_ROWS,
        "review_caption": "Open cases with the chosen review status"
        if context["case_filter"].review_status
        else f"Open cases whose review is overdue or due in the next {context['due_soon_weeks_text']}",
        "counts": cases.counts_by_category_and_level(user),
        "open_cases_url": reverse("open-cases")
        + (f"?{context['filter_query']}" if context["filter_query"] else ""),
    }
    ending, context["eligibility_ending_total"] = cases.eligibility_ending(
        user, today, settings.MAPPA_DASHBOARD_ROWS
    )
    context |= {
        "eligibility_ending": [(item, case_url(item.case)) for item in ending],
        "eligibility_warning_weeks": settings.MAPPA_ELIGIBILITY_WARNING_WEEKS,
        "ENDED": case_rules.ENDED,
    }
    context |= transfer_panels.for_coordinator(user, today)  # docs/transfers.md
    return context


def awaiting_screening(user, today: date) -> dict:
    waiting = referrals.awaiting_screening(user)
    oldest = []
    for referral in waiting.select_related("nominal")[:OLDEST_REFERRALS_SHOWN]:
        submitted = timezone.localdate(referral.submitted_at) if referral.submitted_at else today
        oldest.append(
            {
                "referral": referral,
                "url": reverse("referral", kwargs={"referral_id": referral.id}),
                "subject": referral.nominal.full_name
                if referral.nominal
                else referral.subject_name,
                "submitted_on": submitted,
                "age_days": (today - submitted).days,
            }
        )
    return {"count": waiting.count(), "oldest": oldest}


def practitioner(user, query, today: date) -> dict:
    context = _filter_context(query)
    case_filter = context["case_filter"]
    counts = cases.review_counts(cases.your_open_cases(user), today)
    context |= {
        "your_cases": _with_links(
            cases.your_cases(user, today, case_filter, settings.MAPPA_DASHBOARD_ROWS)
        ),
        "your_cases_total": case_filter.apply(cases.your_open_cases(user), today).count(),
        "rows_limit": settings.MAPPA_DASHBOARD_ROWS,
        "your_case_count": counts["total"],
        "overdue_count": counts[case_rules.OVERDUE],
        "due_soon_count": counts[case_rules.DUE_SOON],
    }
    return context


def your_actions(user, today: date) -> dict:
    """How many open actions the user's agency owns, and how many are overdue."""
    rows = [
        actions.status_of(action, today)
        for action in actions.owned_by_agency(user).filter(status="open")
    ]
    return {"open": len(rows), "overdue": rows.count("overdue")}
