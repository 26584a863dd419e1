"""Meetings, agendas and invitations, scoped to the acting user. Out of scope is a 404.

The area's co-ordinators, chairs and responsible-authority staff see the area's meetings
and every agenda item whose case they may see. Anyone else sees only meetings they (or
their agency) are invited to, and on their agendas only the items they are invited to:
every other item is restricted, shown by its time slot alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404

from mappa.agencies import permissions
from mappa.agencies.models import Agency, User
from mappa.cases.models import MappaCase
from mappa.cases.queries import cases_visible_to
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.models import AgendaItem, Attendance, Invitation, Meeting, MeetingSeries
from mappa.meetings.rules import Candidate

AREA_WIDE = (permissions.MANAGE_MEETINGS, permissions.CHAIR_MEETINGS, permissions.VIEW_AREA_CASES)


def sees_area_meetings(user) -> bool:
    return bool(user.area_id) and any(permissions.role_has(user, name) for name in AREA_WIDE)


def addressed_to(user) -> Q:
    """Live invitations to the user by name or to the user's agency."""
    to = Q(invitee_user=user)
    if user.agency_id:
        to |= Q(invitee_agency_id=user.agency_id)
    return to & Q(withdrawn_at__isnull=True)


def series_for(user) -> QuerySet[MeetingSeries]:
    if not sees_area_meetings(user):
        return MeetingSeries.objects.none()
    return MeetingSeries.objects.filter(area_id=user.area_id)


def get_series(user, series_id: UUID) -> MeetingSeries:
    series = series_for(user).filter(id=series_id).first()
    if series is None:
        raise Http404("No such meeting series")
    return series


def about_area_cases(user) -> QuerySet[AgendaItem]:
    """Agenda items of other areas' meetings about a case the user's area now manages or is
    receiving: a transfer moves the case, and its minutes go with it (decision 0014)."""
    return AgendaItem.objects.filter(
        case__in=cases_visible_to(user).filter(
            Q(nominal__area_id=user.area_id) | Q(transfers__to_area_id=user.area_id)
        )
    ).exclude(meeting__area_id=user.area_id)


def meetings_visible_to(user, *, reading: bool = False) -> QuerySet[Meeting]:
    """The user's meetings; `reading` (the meeting and minutes pages only, never a change) adds
    other areas' meetings that discussed a case the user's area now manages or is receiving."""
    if sees_area_meetings(user):
        area = Q(area_id=user.area_id)
        if reading:
            area |= Q(id__in=about_area_cases(user).values("meeting_id"))
        return Meeting.objects.filter(area)
    if permissions.role_has(user, permissions.VIEW_CASES):
        invited = Invitation.objects.filter(addressed_to(user)).values("agenda_item__meeting_id")
        return Meeting.objects.filter(id__in=invited)
    return Meeting.objects.none()


def get_meeting(user, meeting_id: UUID, *, reading: bool = False) -> Meeting:
    meeting = (
        meetings_visible_to(user, reading=reading)
        .select_related("series")
        .filter(id=meeting_id)
        .first()
    )
    if meeting is None:
        raise Http404("No such meeting")
    return meeting


@dataclass(frozen=True)
class AgendaRow:
    item: AgendaItem
    visible: bool


def visible_item_ids(user, meeting: Meeting) -> set[UUID]:
    """The meeting's agenda items the user may see: their case in scope and, for invitees, invited."""
    items = AgendaItem.objects.filter(meeting=meeting)
    if not (sees_area_meetings(user) and user.area_id == meeting.area_id):
        invited = Invitation.objects.filter(addressed_to(user)).values("agenda_item_id")
        moved_in = about_area_cases(user).values("id") if sees_area_meetings(user) else []
        items = items.filter(Q(id__in=invited) | Q(id__in=moved_in))
    items = items.filter(case__in=cases_visible_to(user))
    return set(items.values_list("id", flat=True))


def agenda_for(user, meeting: Meeting) -> list[AgendaRow]:
    """The whole agenda in slot order, each item marked visible or restricted for this user."""
    visible = visible_item_ids(user, meeting)
    items = meeting.agenda.select_related("case__nominal").prefetch_related(
        "invitations__invitee_user__agency", "invitations__invitee_agency"
    )
    return [AgendaRow(item=item, visible=item.id in visible) for item in items]


def get_item(user, meeting: Meeting, item_id: UUID) -> AgendaItem:
    """An item of the meeting that the user may see, or 404."""
    if item_id not in visible_item_ids(user, meeting):
        raise Http404("No such agenda item")
    return AgendaItem.objects.select_related("case__nominal", "meeting").get(id=item_id)


def live_invitations(item: AgendaItem) -> QuerySet[Invitation]:
    return item.invitations.filter(withdrawn_at__isnull=True).select_related(
        "invitee_user__agency", "invitee_agency", "access_grant"
    )


def invitations_for(user) -> QuerySet[Invitation]:
    """The user's live invitations, by name or through their agency, soonest meeting first."""
    return (
        Invitation.objects.filter(addressed_to(user))
        .select_related("agenda_item__meeting", "invitee_agency", "invitee_user")
        .order_by("agenda_item__meeting__date", "agenda_item__starts_at")
    )


def get_invitation(user, invitation_id: UUID) -> Invitation:
    invitation = invitations_for(user).filter(id=invitation_id).first()
    if invitation is None:
        raise Http404("No such invitation")
    return invitation


def get_live_invitation(meeting: Meeting, invitation_id: UUID) -> Invitation:
    """A live invitation of a meeting already in the user's scope, or 404."""
    invitation = (
        Invitation.objects.filter(
            agenda_item__meeting=meeting, id=invitation_id, withdrawn_at__isnull=True
        )
        .select_related("agenda_item__case", "invitee_user", "invitee_agency", "access_grant")
        .first()
    )
    if invitation is None:
        raise Http404("No such invitation")
    return invitation


def attendance_for(meeting: Meeting) -> QuerySet[Attendance]:
    return meeting.attendance.select_related("user")


def get_attendance(meeting: Meeting, attendance_id: UUID) -> Attendance:
    found = meeting.attendance.filter(id=attendance_id).first()
    if found is None:
        raise Http404("No such attendance record")
    return found


def meeting_invitations(meeting: Meeting) -> QuerySet[Invitation]:
    """Every live invitation of a meeting (for the chair's attendance page)."""
    return (
        Invitation.objects.filter(agenda_item__meeting=meeting, withdrawn_at__isnull=True)
        .select_related("invitee_user__agency", "invitee_agency", "agenda_item")
        .order_by("agenda_item__position", "invited_at")
    )


def open_cases_in_area(user, meeting: Meeting) -> QuerySet[MappaCase]:
    """Open cases of the meeting's area that the user may see and that are not on its agenda."""
    return (
        cases_visible_to(user)
        .filter(nominal__area_id=meeting.area_id, closed_on__isnull=True)
        .exclude(agenda_items__meeting=meeting)
        .select_related("nominal")
    )


def due_candidates(user, meeting: Meeting, horizon) -> list[Candidate]:
    """Open cases at the meeting's level that may be due, with when other meetings listed them.

    A listing whose minutes record the case as not discussed does not count: the case is
    carried to the next meeting.
    """
    cases = open_cases_in_area(user, meeting).filter(level=meeting.level)
    cases = cases.filter(
        Q(first_meeting_needed_since__isnull=False) | Q(next_review_due__lte=horizon)
    )
    cases = list(cases)
    listings: dict[UUID, list] = {}
    for case_id, listed_on in (
        AgendaItem.objects.filter(case__in=[case.id for case in cases])
        .exclude(meeting=meeting)
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .exclude(minutes__discussed=False)
        .values_list("case_id", "meeting__date")
    ):
        listings.setdefault(case_id, []).append(listed_on)
    return [
        Candidate(
            case=case,
            level=case.level,
            next_review_due=case.next_review_due,
            first_meeting_needed_since=case.first_meeting_needed_since,
            listed_on=tuple(listings.get(case.id, ())),
        )
        for case in cases
    ]


def earlier_listings(case: MappaCase, meeting: Meeting) -> int:
    """How many meetings before this one listed the case (for its review number)."""
    return (
        AgendaItem.objects.filter(case=case, meeting__date__lt=meeting.date)
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .count()
    )


def people_who_see_cases(area_id) -> QuerySet[User]:
    """Active users of an area whose role sees cases (by area or by invitation)."""
    roles = [
        role
        for role, held in permissions.ROLE_PERMISSIONS.items()
        if permissions.VIEW_CASES in held
    ]
    return (
        User.objects.filter(area_id=area_id, role__in=roles, is_active=True)
        .select_related("agency")
        .order_by("last_name", "first_name", "username")
    )


def people_to_invite(meeting: Meeting) -> QuerySet[User]:
    """Who may be invited to a meeting, or be a standing member of its series."""
    return people_who_see_cases(meeting.area_id)


def standing_members(series: MeetingSeries) -> QuerySet[User]:
    return series.standing_members.select_related("agency").order_by(
        "last_name", "first_name", "username"
    )


def possible_chairs(meeting: Meeting) -> QuerySet[User]:
    """Active users of the meeting's area whose role may chair meetings."""
    roles = [
        role
        for role, held in permissions.ROLE_PERMISSIONS.items()
        if permissions.CHAIR_MEETINGS in held
    ]
    return User.objects.filter(area_id=meeting.area_id, role__in=roles, is_active=True).order_by(
        "last_name", "first_name"
    )


def agencies_to_invite(meeting: Meeting) -> QuerySet[Agency]:
    return Agency.objects.filter(area_id=meeting.area_id).order_by("name")


def upcoming_for_area(user, today, limit: int = 5) -> QuerySet[Meeting]:
    """The next planned meetings, soonest first. The order is explicit: Meta.ordering is not
    applied to a query with an aggregate (the dashboard counts each meeting's agenda)."""
    return (
        meetings_visible_to(user)
        .filter(date__gte=today, status=MeetingStatus.PLANNED)
        .order_by("date", "start_time", "id")[:limit]
    )


def chaired_by(user, today, limit: int = 5) -> QuerySet[Meeting]:
    return (
        meetings_visible_to(user)
        .filter(Q(chair=user) | Q(co_chair=user), date__gte=today)
        .exclude(status=MeetingStatus.CANCELLED)[:limit]
    )


def minutes_to_approve(user, limit: int = 5) -> QuerySet[Meeting]:
    """Meetings whose draft minutes wait for approval: those the user chairs or co-chairs, or
    for a co-ordinator (who manages the area's meetings) every such meeting of the area."""
    drafts = meetings_visible_to(user).filter(status=MeetingStatus.MINUTES_DRAFT)
    if not permissions.role_has(user, permissions.MANAGE_MEETINGS):
        drafts = drafts.filter(Q(chair=user) | Q(co_chair=user))
    return drafts.select_related("minutes").order_by("date", "start_time")[:limit]
