"""Reads of minutes, scoped to the acting user. Out of scope is a 404.

Draft minutes are seen only by the area's chairs and co-ordinators (who write them). Approved
minutes are seen by the area's staff who see its meetings; once circulated, by invitees too.
Within the minutes, each case is shown only to someone who may see that agenda item (an
invitee sees their own case; every other case shows as Restricted), as on the agenda.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from django.conf import settings
from django.db.models import Q
from django.http import Http404

from mappa.actions.constants import Status
from mappa.actions.models import Action
from mappa.agencies import permissions
from mappa.meetings.constants import AttendanceStatus, MeetingStatus
from mappa.meetings.models.minutes import SECTION_LABELS, CaseMinutes, Minutes, OnwardShare
from mappa.meetings.queries.meetings import (
    about_area_cases,
    sees_area_meetings,
    visible_item_ids,
)
from mappa.risk.models import RiskManagementPlan, RoshAssessment

FINAL = (MeetingStatus.MINUTES_APPROVED, MeetingStatus.CIRCULATED)


def writes_minutes(user, meeting) -> bool:
    """The area's chairs and co-ordinators (CHAIR_MEETINGS) draft the minutes."""
    return (
        sees_area_meetings(user)
        and user.area_id == meeting.area_id
        and permissions.role_has(user, permissions.CHAIR_MEETINGS)
    )


def is_chair(user, meeting) -> bool:
    """Whether the user is the meeting's chair or co-chair (their accounts, when linked)."""
    return user.pk is not None and user.pk in (meeting.chair_id, meeting.co_chair_id)


def may_read(user, meeting) -> bool:
    """Whether the user may open the minutes at all (the meeting is already in their scope)."""
    if meeting.status == MeetingStatus.MINUTES_DRAFT:
        return writes_minutes(user, meeting)
    if meeting.status == MeetingStatus.MINUTES_APPROVED:
        return sees_area_meetings(user) and (
            user.area_id == meeting.area_id
            or about_area_cases(user).filter(meeting=meeting).exists()
        )
    return meeting.status == MeetingStatus.CIRCULATED


def get_minutes(user, meeting) -> Minutes:
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None or not may_read(user, meeting):
        raise Http404("No such minutes")
    return minutes


@dataclass(frozen=True)
class MinutesRow:
    item: object  # AgendaItem
    case_minutes: CaseMinutes | None
    visible: bool


def rows_for(user, meeting) -> list[MinutesRow]:
    """Every agenda item in order with its minutes; items the user may not see are restricted."""
    visible = visible_item_ids(user, meeting)
    by_item = {
        cm.agenda_item_id: cm
        for cm in CaseMinutes.objects.filter(minutes__meeting=meeting).select_related(
            "disclosure", "rosh_assessment", "risk_plan", "updated_by"
        )
    }
    rows = []
    for item in meeting.agenda.select_related("case__nominal"):
        item.meeting = meeting
        case_minutes = by_item.get(item.id)
        if case_minutes is not None:
            case_minutes.agenda_item = item
        rows.append(MinutesRow(item, case_minutes, item.id in visible))
    return rows


def get_case_minutes(user, meeting, item_id: UUID) -> CaseMinutes:
    if item_id not in visible_item_ids(user, meeting):
        raise Http404("No such agenda item")
    found = (
        CaseMinutes.objects.filter(minutes__meeting=meeting, agenda_item_id=item_id)
        .select_related("agenda_item__case__nominal", "agenda_item__meeting", "disclosure")
        .first()
    )
    if found is None:
        raise Http404("No minutes for this item")
    return found


def attendance_lists(meeting) -> dict[str, list]:
    """Attendees, apologies and reports received (MAPPA B/C meeting details)."""
    records = list(meeting.attendance.all())
    return {
        "attended": [r for r in records if r.status == AttendanceStatus.ATTENDED],
        "apologies": [r for r in records if r.status == AttendanceStatus.APOLOGIES],
        "reports": [r for r in records if r.report_received],
    }


def risk_at_meeting(case_minutes: CaseMinutes):
    """(RoSH assessment, plan version) the minutes point to.

    Fixed at approval; in draft, the latest assessment dated on or before the meeting and the
    latest plan version (a plan agreed at the meeting is often written up just after it).
    """
    if case_minutes.decision_applied_at is not None or case_minutes.rosh_assessment_id:
        return case_minutes.rosh_assessment, case_minutes.risk_plan
    item = case_minutes.agenda_item
    assessment = (
        RoshAssessment.objects.filter(case_id=item.case_id, assessed_on__lte=item.meeting.date)
        .order_by("-assessed_on", "-recorded_at")
        .first()
    )
    plan = RiskManagementPlan.objects.filter(case_id=item.case_id).order_by("-version").first()
    return assessment, plan


def previous_actions(case_minutes: CaseMinutes) -> list[Action]:
    """The case's earlier actions to review: open ones, and those closed since the last review."""
    item = case_minutes.agenda_item
    since = item.meeting.date - timedelta(weeks=settings.MAPPA_REVIEW_INTERVAL_WEEKS[2])
    return list(
        Action.objects.filter(case_id=item.case_id)
        .exclude(source=item.id)
        .filter(Q(status=Status.OPEN) | Q(closed_on__gte=since))
        .select_related("owner_agency", "owner_user")
        .prefetch_related("updates")
        .order_by("due_on")
    )


def new_actions(case_minutes: CaseMinutes) -> list[Action]:
    """Actions agreed at this meeting for this case."""
    return list(
        Action.objects.filter(source=case_minutes.agenda_item_id).select_related(
            "owner_agency", "owner_user"
        )
    )


def shares_of(minutes: Minutes, user) -> list[OnwardShare]:
    """Onward-sharing requests: all of them for chairs and co-ordinators, else the user's own."""
    shares = minutes.shares.select_related(
        "agenda_item__case__nominal", "requested_by", "decided_by", "shared_by"
    )
    if not writes_minutes(user, minutes.meeting):
        shares = shares.filter(requested_by=user)
    return list(shares)


def get_share(user, minutes: Minutes, share_id: UUID) -> OnwardShare:
    share = next((s for s in shares_of(minutes, user) if s.id == share_id), None)
    if share is None or share.agenda_item_id not in visible_item_ids(user, minutes.meeting):
        raise Http404("No such request")
    return share


def minutes_of_case(user, case) -> list[Minutes]:
    """Minutes the user may read that discuss the case (for the case page), newest first."""
    found = (
        Minutes.objects.filter(meeting__agenda__case=case, meeting__status__in=FINAL)
        .select_related("meeting")
        .order_by("-meeting__date")
    )
    shown = []
    for minutes in found:
        item_id = minutes.meeting.agenda.filter(case=case).values_list("id", flat=True).first()
        if may_read(user, minutes.meeting) and item_id in visible_item_ids(user, minutes.meeting):
            minutes.item_id = item_id
            shown.append(minutes)
    return shown


@dataclass(frozen=True)
class CaseDetail:
    """Everything one case's minutes show, for the page and the PDF."""

    case_minutes: CaseMinutes
    sections: list[tuple[str, str, str]]  # (field, label, text)
    assessment: RoshAssessment | None
    plan: RiskManagementPlan | None
    previous_actions: list[Action]
    new_actions: list[Action]


def detail(case_minutes: CaseMinutes) -> CaseDetail:
    assessment, plan = risk_at_meeting(case_minutes)
    return CaseDetail(
        case_minutes=case_minutes,
        sections=[
            (field, label, getattr(case_minutes, field)) for field, label in SECTION_LABELS.items()
        ],
        assessment=assessment,
        plan=plan,
        previous_actions=previous_actions(case_minutes),
        new_actions=new_actions(case_minutes),
    )


@dataclass(frozen=True)
class ShownRow:
    item: object
    detail: CaseDetail | None
    visible: bool


def shown_rows(user, meeting) -> list[ShownRow]:
    """The minutes as the user may read them: each visible case in full, the rest restricted."""
    return [
        ShownRow(
            row.item,
            detail(row.case_minutes) if row.visible and row.case_minutes else None,
            row.visible,
        )
        for row in rows_for(user, meeting)
    ]
