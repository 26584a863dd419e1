"""Reads scoped to the acting user. Outside their scope is a 404.

MASH records (the case list, runs, candidates, flags) are open only to the area's
designated named persons; the co-ordinator sees the published lists of their area
with the feedback and outcomes that flow back to MAPPA, not the social-care detail.
"""

from __future__ import annotations

from uuid import UUID

from django.db.models import F, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from mappa.agencies import permissions
from mappa.agencies.constants import Role
from mappa.agencies.models import User
from mappa.safeguarding.models import (
    Candidate,
    CaseList,
    CaseListEntry,
    HazardFlag,
    MashReferral,
    MatchRun,
    MeetingFeedback,
    NamedPerson,
)


def named_persons(area) -> QuerySet[NamedPerson]:
    return NamedPerson.objects.filter(
        area=area, ended_at__isnull=True, user__is_active=True
    ).select_related("user")


def is_named_person(user) -> bool:
    return (
        permissions.role_has(user, permissions.MASH_CHECKS)
        and user.area_id is not None
        and named_persons(user.area).filter(user=user).exists()
    )


def case_lists_for(user) -> QuerySet[CaseList]:
    """Case lists a named person may open: their area's."""
    if not is_named_person(user):
        return CaseList.objects.none()
    return CaseList.objects.filter(area_id=user.area_id)


def get_case_list(user, case_list_id: UUID) -> CaseList:
    return get_object_or_404(case_lists_for(user), pk=case_list_id)


def entries_for(user) -> QuerySet[CaseListEntry]:
    return CaseListEntry.objects.filter(case_list__in=case_lists_for(user)).select_related(
        "case_list", "meeting"
    )


def get_entry(user, entry_id: UUID) -> CaseListEntry:
    return get_object_or_404(entries_for(user), pk=entry_id)


def get_run(user, run_id: UUID) -> MatchRun:
    return get_object_or_404(MatchRun.objects.filter(case_list__in=case_lists_for(user)), pk=run_id)


def get_candidate(user, candidate_id: UUID) -> Candidate:
    return get_object_or_404(
        Candidate.objects.filter(entry__in=entries_for(user)).select_related("entry", "run"),
        pk=candidate_id,
    )


def flags_for(user) -> QuerySet[HazardFlag]:
    return HazardFlag.objects.filter(entry__in=entries_for(user)).select_related("entry")


def get_flag(user, flag_id: UUID) -> HazardFlag:
    return get_object_or_404(flags_for(user), pk=flag_id)


def get_feedback(user, feedback_id: UUID) -> MeetingFeedback:
    return get_object_or_404(
        MeetingFeedback.objects.filter(entry__in=entries_for(user)), pk=feedback_id
    )


def referrals_for(user) -> QuerySet[MashReferral]:
    """Referrals to the MASH: a named person's area's, or the co-ordinator's area's."""
    if is_named_person(user) or permissions.role_has(user, permissions.PUBLISH_CASE_LIST):
        return MashReferral.objects.filter(area_id=user.area_id).select_related("case__nominal")
    return MashReferral.objects.none()


def get_referral(user, referral_id: UUID) -> MashReferral:
    return get_object_or_404(referrals_for(user), pk=referral_id)


# The co-ordinator's side: the lists they publish and what flows back.


def published_for(user) -> QuerySet[CaseList]:
    if not permissions.role_has(user, permissions.PUBLISH_CASE_LIST) or user.area_id is None:
        return CaseList.objects.none()
    return CaseList.objects.filter(area_id=user.area_id)


def get_published(user, case_list_id: UUID) -> CaseList:
    return get_object_or_404(published_for(user), pk=case_list_id)


def published_entries_for_meeting(user, meeting) -> QuerySet[CaseListEntry]:
    """The meeting's people on the area's published case lists (the meeting already in scope)."""
    return (
        CaseListEntry.objects.filter(case_list__in=published_for(user), meeting=meeting)
        .select_related("case_list", "feedback")
        .order_by("surname", "forenames", "case_list__published_at")
    )


def get_published_entry(user, case_list: CaseList, entry_id: UUID) -> CaseListEntry:
    return get_object_or_404(case_list.entries.all(), pk=entry_id)


def people_to_designate(area) -> QuerySet[User]:
    """Active MASH named-person accounts of the area not already designated."""
    return (
        User.objects.filter(area=area, role=Role.MASH_NAMED_PERSON, is_active=True)
        .exclude(mash_designations__ended_at__isnull=True, mash_designations__area=area)
        .select_related("agency")
    )


def get_designation(user, designation_id: UUID) -> NamedPerson:
    if not permissions.role_has(user, permissions.PUBLISH_CASE_LIST):
        raise Http404("not a co-ordinator")
    return get_object_or_404(named_persons(user.area), pk=designation_id)


def latest_case_list(user) -> CaseList | None:
    return case_lists_for(user).first()


def pending_candidates(user) -> QuerySet[Candidate]:
    """Candidates at or above their run's threshold still to be decided."""
    return Candidate.objects.filter(
        entry__in=entries_for(user), decision="pending", probability__gte=F("run__threshold")
    )


def reported(run: MatchRun) -> QuerySet[Candidate]:
    """The run's candidates at or above its threshold (the contract's matches)."""
    return run.candidates.filter(probability__gte=run.threshold)


def near_threshold(run: MatchRun, margin: float) -> QuerySet[Candidate]:
    """The run's candidates within `margin` of its threshold, either side, most likely first."""
    low, high = run.threshold - margin, run.threshold + margin
    return (
        run.candidates.filter(probability__gte=low, probability__lt=high)
        .select_related("entry")
        .order_by("-probability", "record_id")
    )
