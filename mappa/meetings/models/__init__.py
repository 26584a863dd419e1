"""The meetings app's models: meeting series, meetings, agendas, invitations and attendance
(`meetings.py`); minutes, case minutes, circulation and onward sharing (`minutes.py`)."""

from mappa.meetings.models.meetings import (
    AgendaItem,
    Attendance,
    Invitation,
    Meeting,
    MeetingSeries,
)
from mappa.meetings.models.minutes import CaseMinutes, Circulation, Minutes, OnwardShare

__all__ = [
    "AgendaItem",
    "Attendance",
    "CaseMinutes",
    "Circulation",
    "Invitation",
    "Meeting",
    "MeetingSeries",
    "Minutes",
    "OnwardShare",
]
