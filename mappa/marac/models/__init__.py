"""The MARAC app's models: victims, DASH checklists, cases, participants and the link to MAPPA
(`cases.py`); meetings, agendas, research requests, information shared, actions and safety
plans (`meetings.py`)."""

from mappa.marac.models.cases import (
    DashAssessment,
    MappaLink,
    MaracCase,
    Participant,
    SharedFact,
    Victim,
)
from mappa.marac.models.meetings import (
    AgendaItem,
    InformationShared,
    MaracAction,
    MaracMeeting,
    ResearchRequest,
    SafetyPlan,
)

__all__ = [
    "AgendaItem",
    "DashAssessment",
    "InformationShared",
    "MappaLink",
    "MaracAction",
    "MaracCase",
    "MaracMeeting",
    "Participant",
    "ResearchRequest",
    "SafetyPlan",
    "SharedFact",
    "Victim",
]
