"""MARAC reads, scoped to the acting user. Out of scope is a 404, like a missing record.

A MARAC case (and its victim's record) is seen only by those taking part in it: the area's
MARAC co-ordinator, the person who referred it, and the MARAC staff (holders of
`take_part_in_marac`) of the agencies taking part (Participant). The MAPPA co-ordinator and a
MAPPA meeting see that a case is linked and what the MARAC shared (`links_for_mappa_case`),
never the victim's record.
"""

from __future__ import annotations

from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from mappa.agencies import permissions
from mappa.cases.queries import cases_visible_to as mappa_cases_visible_to
from mappa.marac.constants import CaseStatus, DashStatus, MeetingStatus
from mappa.marac.models import (
    AgendaItem,
    DashAssessment,
    MappaLink,
    MaracAction,
    MaracCase,
    MaracMeeting,
    Participant,
    ResearchRequest,
    Victim,
)
from mappa.people.queries import nominals_visible_to


def is_coordinator(user) -> bool:
    return permissions.role_has(user, permissions.MANAGE_MARAC)


def cases_visible_to(user) -> QuerySet[MaracCase]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return MaracCase.objects.none()
    seen = Q(referred_by=user)
    if is_coordinator(user):
        seen |= Q(area_id=user.area_id)
    if user.agency_id and permissions.role_has(user, permissions.TAKE_PART_IN_MARAC):
        agencies = Participant.objects.filter(agency_id=user.agency_id).values("case_id")
        seen |= Q(id__in=agencies)
    return MaracCase.objects.filter(seen)


def _one(queryset, object_id, what: str):
    found = queryset.filter(id=object_id).first()
    if found is None:
        raise Http404(f"No such {what}")
    return found


def get_case(user, case_id: UUID) -> MaracCase:
    cases = cases_visible_to(user).select_related(
        "victim", "dash__completed_by", "referring_agency", "referred_by", "perpetrator_nominal"
    )
    return _one(cases, case_id, "MARAC case")


def victims_visible_to(user) -> QuerySet[Victim]:
    return Victim.objects.filter(id__in=cases_visible_to(user).values("victim_id"))


def get_victim(user, victim_id: UUID) -> Victim:
    return _one(victims_visible_to(user), victim_id, "victim")


def dashes_visible_to(user) -> QuerySet[DashAssessment]:
    """The user's own DASHes, the area's for the co-ordinator, and those of cases they see."""
    if not getattr(user, "is_authenticated", False):
        return DashAssessment.objects.none()
    seen = Q(completed_by=user) | Q(id__in=cases_visible_to(user).values("dash_id"))
    if is_coordinator(user):
        seen |= Q(area_id=user.area_id, status=DashStatus.COMPLETED)
    return DashAssessment.objects.filter(seen)


def get_dash(user, dash_id: UUID) -> DashAssessment:
    dashes = dashes_visible_to(user).select_related("completed_by", "agency", "victim")
    return _one(dashes, dash_id, "DASH")


def queue(user) -> QuerySet[MaracCase]:
    """Referrals waiting to be listed, oldest first (the MARAC co-ordinator's queue)."""
    if not is_coordinator(user):
        return MaracCase.objects.none()
    return (
        cases_visible_to(user)
        .filter(area_id=user.area_id, status=CaseStatus.REFERRED)
        .select_related("victim", "referring_agency", "dash")
        .order_by("referred_on", "id")
    )


def meetings_visible_to(user) -> QuerySet[MaracMeeting]:
    """The area's meetings for the co-ordinator; otherwise those listing a case the user sees."""
    if is_coordinator(user):
        return MaracMeeting.objects.filter(area_id=user.area_id)
    listed = AgendaItem.objects.filter(case__in=cases_visible_to(user)).values("meeting_id")
    return MaracMeeting.objects.filter(id__in=listed)


def get_meeting(user, meeting_id: UUID) -> MaracMeeting:
    return _one(meetings_visible_to(user), meeting_id, "MARAC meeting")


def agenda_for(user, meeting: MaracMeeting) -> QuerySet[AgendaItem]:
    """The meeting's agenda as the user may see it: only the cases they take part in."""
    return (
        meeting.agenda.filter(case__in=cases_visible_to(user))
        .select_related("case__victim", "case__referring_agency")
        .prefetch_related("case__research_requests__agency")
    )


def next_meeting(area_id, today) -> MaracMeeting | None:
    return (
        MaracMeeting.objects.filter(area_id=area_id, date__gte=today, status=MeetingStatus.PLANNED)
        .order_by("date")
        .first()
    )


def research_for_agency(user) -> QuerySet[ResearchRequest]:
    """Research requests to the user's agency (for its MARAC staff), soonest deadline first."""
    if user.agency_id is None or not permissions.role_has(user, permissions.TAKE_PART_IN_MARAC):
        return ResearchRequest.objects.none()
    return (
        ResearchRequest.objects.filter(agency_id=user.agency_id)
        .select_related("case__victim", "agency", "agenda_item__meeting")
        .order_by("responded_on", "deadline")
    )


def get_research_request(user, request_id: UUID) -> ResearchRequest:
    """A request the user's agency may answer, or (for the co-ordinator) any in the area."""
    requests = research_for_agency(user)
    if is_coordinator(user):
        requests = requests | ResearchRequest.objects.filter(case__area_id=user.area_id)
    return _one(requests.select_related("case__victim", "agency"), request_id, "research request")


def actions_visible_to(user) -> QuerySet[MaracAction]:
    return MaracAction.objects.filter(case__in=cases_visible_to(user))


def get_action(user, action_id: UUID) -> MaracAction:
    actions = actions_visible_to(user).select_related("case__victim", "owner_agency")
    return _one(actions, action_id, "MARAC action")


def links_for_mappa_case(user, mappa_case) -> QuerySet[MappaLink]:
    """The MARAC links of a MAPPA case the user may see (nothing of the victim's record)."""
    if not mappa_cases_visible_to(user).filter(id=mappa_case.id).exists():
        return MappaLink.objects.none()
    return MappaLink.objects.filter(mappa_case=mappa_case).prefetch_related("shared_facts")


def on_record() -> dict[str, Exists]:
    """An annotation for a person's own query: whether any MARAC link names them. Most people
    have none; `links_for_nominal` then looks for nothing."""
    return {"has_marac_links": Exists(MappaLink.objects.filter(nominal=OuterRef("pk")))}


def links_for_nominal(user, nominal) -> QuerySet[MappaLink]:
    """The MARAC links of a person on the register, for a reader who may see the person."""
    if not getattr(nominal, "has_marac_links", True):
        return MappaLink.objects.none()
    if not nominals_visible_to(user).filter(id=nominal.id).exists():
        return MappaLink.objects.none()
    return (
        MappaLink.objects.filter(nominal=nominal)
        .select_related("marac_case")
        .prefetch_related("shared_facts")
    )


def mappa_case_visible(user, link: MappaLink) -> bool:
    """Whether the user may also see the linked MAPPA case (for actions side by side)."""
    return bool(link.mappa_case_id) and (
        mappa_cases_visible_to(user).filter(id=link.mappa_case_id).exists()
    )
