"""Plain factories for the MASH tests: a meeting today with John Paul Smith on its agenda."""

from __future__ import annotations

from datetime import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from mappa.cases.models import MappaCase
from mappa.meetings.services import scheduling as meetings
from mappa.safeguarding.services import case_lists as services

EXTRACT = (
    "record_id,forenames,surname,date_of_birth,address_line_1,postcode,case_status,allocated_worker\n"
    'SC-1,Amy,Price,2015-06-01,"12, MILL LN.",mk428pp,open,Sam Okafor\n'
    "SC-2,Leanne,Price,1988-10-12,12 Mill Lane,MK42 8PP,closed,\n"
    "SC-3,Zoe,Brennan,1999-02-03,4 Oak Road,LU1 1AA,none,\n"
)


def meeting_with_smith(coordinator, on=None):
    """A level 2 meeting (today unless told) with John Paul Smith's case on its agenda."""
    meeting = meetings.schedule_meeting(
        actor=coordinator,
        level=2,
        on=on or timezone.localdate(),
        start_time=time(10, 0),
        end_time=time(13, 0),
        venue="Probation head office",
    )
    case = MappaCase.objects.get(nominal__crn="X123456")
    meetings.add_urgent_item(actor=coordinator, meeting=meeting, case=case, reason="MASH test")
    return meeting


def name_named_person(coordinator, user, position="mash_manager"):
    return services.designate_named_person(actor=coordinator, user=user, position=position)


def published_list(users):
    """John Paul Smith on a published list, mash.manager a named person."""
    name_named_person(users["coordinator"], users["mash.manager"])
    meeting_with_smith(users["coordinator"])
    return services.publish_case_list(actor=users["coordinator"])


def upload(text: str = EXTRACT, name: str = "socialcare.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")
