"""The MASH link's models: `case_lists` (named persons, weekly case lists and their entries),
`matching` (matching runs and their candidates) and `exchange` (what passes between the MASH
and MAPPA: invitations, hazard flags, summaries, feedback, outcomes, referrals)."""

from mappa.safeguarding.models.case_lists import CaseList, CaseListEntry, NamedPerson
from mappa.safeguarding.models.exchange import (
    ActionOutcome,
    HazardFlag,
    MashReferral,
    MeetingFeedback,
    PreMeetingSummary,
    SocialWorkerInvitation,
)
from mappa.safeguarding.models.matching import Candidate, MatchRun

__all__ = [
    "ActionOutcome",
    "Candidate",
    "CaseList",
    "CaseListEntry",
    "HazardFlag",
    "MashReferral",
    "MatchRun",
    "MeetingFeedback",
    "NamedPerson",
    "PreMeetingSummary",
    "SocialWorkerInvitation",
]
